/** What the workshop forms offer to choose from: the plan's areas, commitments and milestones, institutions. */
import { useBackend } from "../../backendContext";
import { useLoad } from "../../shared/useLoad";

export function useWorkshopChoices(planId: string) {
    const backend = useBackend();
    return useLoad(async () => {
        const [overview, targets, institutions, own] = await Promise.all([
            backend.planOverview(planId, { query: "", institutionId: null }),
            backend.listPlanTargets(planId),
            backend.listInstitutions(),
            backend.getOwnInstitution()
        ]);
        const areas = overview.areas.map(a => ({ id: a.area.id, number: a.number, title: a.area.title }));
        return { areas, targets, institutions, own };
    }, [backend, planId]);
}

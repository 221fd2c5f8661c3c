/**
 * What the workshop tests start from, on one laptop: a plan of its own (not the demonstration
 * plan, which never leaves it) with an area and a commitment, the HATVP's workshop (held in 2030,
 * so that no keeping day passes while the tests are kept) and Awa — who gave her address — with
 * her proposal.
 */
import type { Backend } from "../../src/core/backend";

export const TITLE = "Atelier transparence de la vie publique";
export const PROPOSAL = "Publier les agendas des ministres chaque semaine.";

/** Makes it on `b`; resolves to the plan, the workshop and Awa's participant id. */
export async function workshopWithAwa(b: Backend) {
    const plan = await b.createPlan({ country: "France", title: "Plan d'action national 2025-2027", periodStart: "2025-01-01", periodEnd: "2027-12-31" });
    const area = await b.createArea(plan.id, { kind: "transversal", title: "Transparence", description: "" });
    await b.createCommitment(area.id, "Publier les agendas");
    const hatvp = await b.createInstitution({ name: "Haute Autorité pour la transparence de la vie publique", acronym: "HATVP", kind: "independentAuthority" });
    const workshop = await b.createWorkshop(plan.id, hatvp.id, {
        title: TITLE,
        heldOn: "2030-03-12",
        place: "Salle 204, Ségur",
        areaId: null,
        commitmentIds: [],
        facilitator: "Claire Martin",
        consentText: "Vos contributions sont enregistrées.",
        keepUntil: "2031-03-12"
    });
    const awa = await b.addParticipant(workshop.id, { name: "Awa", organisationKind: "citizen", consentAccepted: true, contactAccepted: true, contactEmail: "awa@example.org" });
    await b.addContribution(workshop.id, awa.participant.id, { kind: "proposal", text: PROPOSAL, aboutCommitmentId: null, aboutMilestoneId: null, proposalIds: [] });
    return { plan, workshop, participant: awa.participant.id };
}

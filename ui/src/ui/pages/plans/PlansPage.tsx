/** Home: the action plans, a form to create one, and the demonstration plan. */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState, type FormEvent } from "react";
import type { Failure, PlanInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { href, navigate } from "../../router";
import { FailureAlert } from "../../shared/FailureAlert";
import { fieldErrors } from "../../shared/fieldErrors";
import { Loading } from "../../shared/Loading";
import { emptyPlan, PlanFormFields } from "../../shared/PlanFormFields";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { TodoSummary } from "../todo/TodoSummary";
import { PlanList } from "./PlanList";

export function PlansPage() {
    const t = useT();
    const backend = useBackend();
    const plans = useLoad(() => backend.listPlans(), [backend]);
    const access = useLoad(() => backend.getStructureAccess(), [backend]);
    const readOnly = access.data ?? null;
    const [input, setInput] = useState<PlanInput>(emptyPlan);
    const [formFailure, setFormFailure] = useState<Failure | null>(null);
    const [actionFailure, setActionFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const syncRevision = useSyncRevision(plans.reload);

    async function create(e: FormEvent) {
        e.preventDefault();
        setBusy(true);
        try {
            const plan = await backend.createPlan(input);
            setFormFailure(null);
            navigate(href.overview(plan.id));
        } catch (error) {
            const failure = toFailure(error);
            setFormFailure(failure);
            // Put the person on the first refused field.
            const first = failure.fields[0]?.field;
            const id = first === "periodStart" ? "plan-period-start" : first === "periodEnd" ? "plan-period-end" : first ? `plan-${first}` : null;
            if (id) document.getElementById(id)?.focus();
        } finally {
            setBusy(false);
        }
    }

    async function loadDemo() {
        setBusy(true);
        try {
            const plan = await backend.loadDemoPlan();
            navigate(href.overview(plan.id));
        } catch (error) {
            setActionFailure(toFailure(error));
        } finally {
            setBusy(false);
        }
    }

    const errors = fieldErrors(formFailure);
    const validationWithoutField = formFailure && formFailure.code !== "validation" ? formFailure : null;

    return (
        <>
            <h1>{t.plans.title}</h1>
            <p className="fr-text--lead">{t.plans.intro}</p>
            <SyncRefreshNotice revision={syncRevision} />
            <FailureAlert failure={plans.failure ?? actionFailure} onClose={() => setActionFailure(null)} />
            <TodoSummary />

            <section aria-labelledby="plans-list-title" className="fr-mb-6w">
                <h2 id="plans-list-title">{t.plans.listTitle}</h2>
                {plans.loading && plans.data === undefined ? (
                    <Loading />
                ) : plans.data && plans.data.length > 0 ? (
                    <PlanList plans={plans.data} />
                ) : (
                    <div className="fr-callout">
                        <h3 className="fr-callout__title">{t.plans.emptyTitle}</h3>
                        <p className="fr-callout__text">{t.plans.emptyText}</p>
                    </div>
                )}
                <div className="fr-grid-row fr-grid-row--gutters fr-mt-1w">
                    <div className="fr-col-12 fr-col-md-6">
                        <Button
                            id="load-demo"
                            priority="secondary"
                            iconId="fr-icon-download-line"
                            onClick={loadDemo}
                            disabled={busy}
                            nativeButtonProps={{ "aria-describedby": "load-demo-hint" }}
                        >
                            {t.plans.loadDemo}
                        </Button>
                        <p id="load-demo-hint" className="fr-hint-text fr-mt-1w">
                            {t.plans.demoHint}
                        </p>
                    </div>
                    <div className="fr-col-12 fr-col-md-6">
                        <Button
                            id="import-ogp"
                            priority="secondary"
                            iconId="fr-icon-upload-line"
                            linkProps={{ href: href.importOgp(), "aria-describedby": "import-ogp-hint" }}
                        >
                            {t.plans.importOgp}
                        </Button>
                        <p id="import-ogp-hint" className="fr-hint-text fr-mt-1w">
                            {t.plans.importOgpHint}
                        </p>
                    </div>
                </div>
            </section>

            <ReadOnlyNotice readOnly={readOnly} />
            {readOnly === null && (
            <section aria-labelledby="plan-create-title" className="po-form-section">
                <h2 id="plan-create-title">{t.plans.createTitle}</h2>
                <FailureAlert failure={validationWithoutField} />
                <form onSubmit={create} noValidate className="po-narrow-form">
                    <PlanFormFields value={input} onChange={setInput} errors={errors} idPrefix="plan" />
                    <div className="po-form-actions">
                        <Button id="plan-submit" type="submit" disabled={busy} iconId="fr-icon-add-line">
                            {t.plans.submit}
                        </Button>
                    </div>
                </form>
            </section>
            )}
        </>
    );
}

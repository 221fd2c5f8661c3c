/**
 * The second step of an import: what the file read holds, plans grouped by country, the own
 * country's chosen. Each choice is checked by the backend's dry run, which says what will be
 * saved, how many changes will be sent to the server and how many records stay on this laptop
 * (other countries' plans, kept as a read-only library). Nothing is written before "Importer".
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { memo, useEffect, useMemo, useState } from "react";
import type { ImportPlanChoice, ImportPreview, ImportSummary, PlanId } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { DataTable } from "../../shared/DataTable";
import { matcher, searchWords } from "../../shared/textSearch";

/** How long typing or ticking waits before the dry run is asked again. */
const PREVIEW_DELAY_MS = 250;

/** Drawn again only when its own data changes (not at each progress report of the import). */
export const PlanChoice = memo(function PlanChoice(props: {
    preview: ImportPreview;
    running: boolean;
    onConfirm: (plans: PlanId[]) => void;
    onCancel: () => void;
}) {
    const t = useT();
    const i = t.importOgp;
    const backend = useBackend();
    const { preview } = props;
    const [chosen, setChosen] = useState<ReadonlySet<PlanId>>(() => new Set(preview.plans.filter(p => p.ownCountry).map(p => p.id)));
    const [query, setQuery] = useState("");
    const [dryRun, setDryRun] = useState<ImportSummary | null>(null);
    const [dryRunError, setDryRunError] = useState<string | null>(null);

    const words = useMemo(() => new Map(preview.plans.map(p => [p.id, searchWords(p.country, p.title, p.ogpPlanId)])), [preview]);
    const shown = useMemo(() => {
        const finds = matcher(query);
        return preview.plans.filter(p => finds(words.get(p.id) ?? []));
    }, [preview, query, words]);
    const countries = useMemo(() => new Set(preview.plans.map(p => p.country)).size, [preview]);
    const groups = useMemo(() => {
        const byCountry = new Map<string, ImportPlanChoice[]>();
        for (const plan of shown) byCountry.set(plan.country, [...(byCountry.get(plan.country) ?? []), plan]);
        return [...byCountry.entries()];
    }, [shown]);

    useEffect(() => {
        let live = true;
        setDryRun(null);
        setDryRunError(null);
        if (chosen.size === 0) return;
        const timer = setTimeout(() => {
            backend.previewOgpImport([...chosen]).then(
                summary => live && setDryRun(summary),
                error => live && setDryRunError(toFailure(error).message)
            );
        }, PREVIEW_DELAY_MS);
        return () => {
            live = false;
            clearTimeout(timer);
        };
    }, [backend, chosen]);

    const toggle = (id: PlanId, on: boolean) =>
        setChosen(previous => {
            const next = new Set(previous);
            if (on) next.add(id);
            else next.delete(id);
            return next;
        });
    const setShown = (on: boolean) =>
        setChosen(previous => {
            const next = new Set(previous);
            for (const plan of shown) {
                if (on) next.add(plan.id);
                else next.delete(plan.id);
            }
            return next;
        });

    const written = dryRun === null ? 0 : dryRun.commitments.created + dryRun.commitments.updated;
    const institutions = dryRun === null ? 0 : dryRun.institutions.created + dryRun.institutions.updated;

    return (
        <section id="import-choice" aria-labelledby="import-choice-title" className="fr-mb-4w">
            <h2 id="import-choice-title" tabIndex={-1}>
                {i.choiceTitle(preview.fileName)}
            </h2>
            <p id="import-choice-intro">{i.choiceIntro(preview.rows, countries, preview.plans.length)}</p>
            <p className="po-measure fr-text--sm">{i.choiceHelp(preview.ownCountry)}</p>
            <div className="po-import-choice__tools">
                <Input
                    label={i.search}
                    hintText={i.searchHint}
                    nativeInputProps={{ id: "import-choice-search", type: "search", value: query, onChange: e => setQuery(e.target.value) }}
                />
                <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                    <li>
                        <Button id="import-choose-shown" priority="secondary" onClick={() => setShown(true)}>
                            {i.chooseShown}
                        </Button>
                    </li>
                    <li>
                        <Button id="import-clear-shown" priority="tertiary" onClick={() => setShown(false)}>
                            {i.clearShown}
                        </Button>
                    </li>
                </ul>
            </div>
            <div className="po-card fr-p-3w fr-mb-3w po-import-choice__summary" id="import-choice-summary" aria-live="polite">
                <p className="fr-text--bold fr-mb-1w">{i.chosen(chosen.size)}</p>
                {chosen.size > 0 && dryRun === null && dryRunError === null && <p className="po-muted fr-mb-1w">{i.computing}</p>}
                {dryRunError !== null && (
                    <p className="fr-error-text" role="alert">
                        {dryRunError}
                    </p>
                )}
                {dryRun !== null && (
                    <>
                        <p className="fr-mb-1w">{i.willWrite(written, institutions)}</p>
                        <p className="fr-mb-1w" id="import-will-send">
                            {i.willSend(dryRun.queued)}
                        </p>
                        {dryRun.keptHere > 0 && (
                            <p className="fr-mb-1w" id="import-will-keep">
                                {i.willKeep(dryRun.keptHere)}
                            </p>
                        )}
                    </>
                )}
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-2w">
                    <li>
                        <Button
                            id="import-confirm"
                            iconId="fr-icon-download-line"
                            disabled={chosen.size === 0 || props.running}
                            onClick={() => props.onConfirm([...chosen])}
                        >
                            {i.confirm(chosen.size)}
                        </Button>
                    </li>
                    <li>
                        <Button id="import-cancel" priority="secondary" onClick={props.onCancel}>
                            {i.cancelChoice}
                        </Button>
                    </li>
                </ul>
            </div>
            {shown.length === 0 ? (
                <p className="po-muted">{i.noPlanShown}</p>
            ) : (
                <DataTable
                    id="import-choice-plans"
                    className="po-import-choice__table"
                    caption={i.plansCaption}
                    hiddenCaption
                    headers={[i.plan, i.commitmentsHeader, i.datesHeader]}
                    groups={groups.map(([country, plans]) => ({
                        key: country,
                        heading: country,
                        rows: plans.map(plan => ({
                            key: plan.id,
                            cells: [
                                <>
                                    <div className="fr-checkbox-group fr-checkbox-group--sm po-import-choice__plan">
                                        <input
                                            type="checkbox"
                                            id={`import-plan-${plan.ogpPlanId}`}
                                            checked={chosen.has(plan.id)}
                                            onChange={e => toggle(plan.id, e.target.checked)}
                                        />
                                        <label className="fr-label" htmlFor={`import-plan-${plan.ogpPlanId}`}>
                                            {plan.title}
                                        </label>
                                    </div>
                                    <p className="fr-mb-0 fr-mt-1v">
                                        <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${plan.ownCountry ? "fr-badge--info" : "fr-badge--new"}`}>
                                            {plan.ownCountry ? i.shared : i.library}
                                        </span>{" "}
                                        {plan.alreadyHere && <span className="fr-badge fr-badge--sm fr-badge--no-icon">{i.alreadyHere}</span>}
                                    </p>
                                </>,
                                i.number(plan.commitments),
                                <span className="fr-text--xs">{plan.dateRule}</span>
                            ]
                        }))
                    }))}
                />
            )}
        </section>
    );
});

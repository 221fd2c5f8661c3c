/**
 * On the commitment screen, the workshop contributions the commitment came from
 * (`listCommitmentContributions`): each with its workshop (title and day, a link to it), its
 * kind, its text, what became of it and why, and the milestone it fed when it fed one rather
 * than the whole commitment. Shown only when there are some.
 */
import type { CommitmentDetail } from "../../../core/bindings";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href } from "../../router";
import { useLoad } from "../../shared/useLoad";
import { outcomeLabel } from "../workshops/TraceEditor";

export function CameFromSection(props: { detail: CommitmentDetail }) {
    const t = useT();
    const l = t.workshopLabels;
    const c = t.cameFrom;
    const locale = useLocale();
    const backend = useBackend();
    const { detail } = props;
    const load = useLoad(() => backend.listCommitmentContributions(detail.commitment.id), [backend, detail.commitment.id]);
    const list = load.data ?? [];
    if (list.length === 0) return null;
    return (
        <section className="po-card" aria-labelledby="section-cameFrom" id="commitment-contributions">
            <h2 id="section-cameFrom" className="fr-h4" tabIndex={-1}>
                {l.cameFrom}
            </h2>
            <p className="fr-text--sm po-muted">{c.intro}</p>
            <ul className="fr-raw-list po-contributions">
                {list.map(traced => {
                    const { contribution } = traced;
                    // The milestone of this commitment it fed, numbered as the screen numbers it.
                    const milestone = detail.milestones.find(m => contribution.milestoneIds.includes(m.id));
                    const number = milestone ? detail.milestoneNumbers[milestone.id] : undefined;
                    return (
                        <li key={contribution.id} className="po-contribution" id={`came-from-${contribution.id}`}>
                            <p className="fr-text--sm fr-mb-1v">
                                <a className="fr-link fr-text--sm" href={href.workshop(traced.workshopId)}>
                                    {c.workshop(traced.workshopTitle, formatDate(traced.heldOn, locale))}
                                </a>
                                <span className="po-muted"> — {l[contribution.kind]}</span>
                            </p>
                            <p className="po-prewrap po-contribution__text fr-mb-1v">{contribution.text}</p>
                            <p className="fr-text--sm fr-mb-0">
                                <span className="fr-text--bold">{t.workshops.outcomeLine(outcomeLabel(t, contribution.outcome))}</span>
                                {contribution.outcomeReason !== "" && <> — {contribution.outcomeReason}</>}
                            </p>
                            {traced.milestoneTitle !== null && (
                                <p className="fr-text--sm fr-mb-0">
                                    {number !== undefined ? c.milestone(number, traced.milestoneTitle) : c.milestoneUnnumbered(traced.milestoneTitle)}
                                </p>
                            )}
                        </li>
                    );
                })}
            </ul>
        </section>
    );
}

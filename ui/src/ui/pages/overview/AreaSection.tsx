/** One engagement area in the overview: its kind, its commitments, and what can be done to it. */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { memo } from "react";
import type { Area, AreaOverview, CommitmentSummary, Failure } from "../../../core/bindings";
import { useT } from "../../i18n";
import { href } from "../../router";
import { ProgressMeter } from "../commitment/ProgressSection";
import { FailureAlert } from "../../shared/FailureAlert";
import { WindowedRows } from "../../shared/WindowedRows";

/** Drawn again only when its own props change (not at each keystroke of a search that leaves it
 * as it was). */
export const AreaSection = memo(function AreaSection(props: {
    overview: AreaOverview;
    refusal: Failure | null;
    onDismissRefusal: () => void;
    /** Absent when the person may not change the plan's areas. */
    onRename?: (area: Area) => void;
    onDelete?: (area: Area) => void;
    /** Absent when the person may not add commitments. */
    onAddCommitment?: (area: Area) => void;
}) {
    const t = useT();
    const { area, commitments } = props.overview;
    const titleId = `area-${area.id}-title`;
    return (
        <section className="po-area" aria-labelledby={titleId} data-testid={`area-${area.id}`}>
            <div className="po-area__head">
                <div className="po-area__title">
                    <Badge small noIcon severity={area.kind === "transversal" ? "info" : "new"} className="fr-mb-1w">
                        {t.overview.kind[area.kind]}
                    </Badge>
                    <h2 id={titleId} className="fr-h4 fr-mb-1w">
                        <span className="po-number">{t.overview.areaNumber(props.overview.number)}</span> —{" "}
                        <span className="po-area__name">{area.title}</span>
                    </h2>
                    {props.overview.totalCommitments > 0 && (
                        <ProgressMeter id={`area-${area.id}-progress`} percent={props.overview.progress} small />
                    )}
                </div>
                {props.onRename && props.onDelete && (
                <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left po-area__actions">
                        <li>
                            <Button
                                priority="tertiary"
                                size="small"
                                iconId="fr-icon-edit-line"
                                onClick={() => props.onRename?.(area)}
                                nativeButtonProps={{ "aria-label": t.overview.editAreaOf(area.title) }}
                            >
                                {t.overview.editArea}
                            </Button>
                        </li>
                        <li>
                            <Button
                                priority="tertiary"
                                size="small"
                                iconId="fr-icon-delete-line"
                                onClick={() => props.onDelete?.(area)}
                                nativeButtonProps={{ "aria-label": t.overview.deleteAreaOf(area.title) }}
                            >
                                {t.overview.deleteArea}
                            </Button>
                        </li>
                    </ul>
                )}
            </div>
            {area.description && <p className="po-area__desc">{area.description}</p>}
            <FailureAlert failure={props.refusal} onClose={props.onDismissRefusal} className="fr-mb-2w" as="h3" />
            {commitments.length === 0 ? (
                <p className="fr-text--sm po-muted">{t.overview.areaEmpty}</p>
            ) : (
                <ul className="po-commitments">
                    <WindowedRows items={commitments} keyOf={c => c.id} render={c => <CommitmentRow key={c.id} commitment={c} />} rowEstimatePx={78} />
                </ul>
            )}
            {props.onAddCommitment && (
                <Button
                    priority="secondary"
                    size="small"
                    iconId="fr-icon-add-line"
                    onClick={() => props.onAddCommitment?.(area)}
                    nativeButtonProps={{ "data-testid": `add-commitment-${area.id}`, "aria-label": t.overview.addCommitmentIn(area.title) }}
                >
                    {t.overview.addCommitment}
                </Button>
            )}
        </section>
    );
});

function CommitmentRow(props: { commitment: CommitmentSummary }) {
    const t = useT();
    const c = props.commitment;
    const lead = c.leadInstitution;
    const complete = c.filledFields === c.totalFields;
    return (
        <li className="po-commitment" data-testid={`commitment-${c.id}`}>
            <span className="po-number po-commitment__number">{c.number}</span>
            <a className="fr-link po-commitment__link" href={href.commitment(c.id)}>
                {c.title}
            </a>
            <p className="po-commitment__meta">
                <Tag as="span" small iconId="fr-icon-building-line">
                    <span className="fr-sr-only">{t.overview.leadPrefix}</span>
                    {lead ? lead.acronym ? <abbr title={lead.name}>{lead.acronym}</abbr> : lead.name : t.overview.noLead}
                </Tag>
                <span>
                    <span className="fr-icon-flag-line fr-icon--sm" aria-hidden="true" /> {t.overview.milestones(c.milestoneCount)}
                </span>
                <span className="po-commitment__progress" data-testid={`commitment-${c.id}-progress`}>
                    {c.progress === null ? t.progress.withdrawn : t.overview.progress(c.progress)}
                </span>
                <span className="po-completeness">
                    <span className="po-completeness__bar" aria-hidden="true">
                        <span style={{ width: `${(100 * c.filledFields) / Math.max(1, c.totalFields)}%` }} className={complete ? "is-complete" : ""} />
                    </span>
                    {t.overview.completeness(c.filledFields, c.totalFields)}
                </span>
            </p>
        </li>
    );
}

/**
 * The ranking, as the core computes it (`jury::rank`), with its rule (`JuryLabels.rule`) beside
 * it: each scored application's rank, title, mean out of 25 with two decimals, each criterion's
 * mean, how many jurors scored it and abstained, and where it stands; then the places to decide
 * or left unfilled, and the applications nobody scored, apart. Ranks come 50 to a page, so that
 * a cohort of hundreds stays readable. The screen orders and decides nothing.
 */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useMemo, useState } from "react";
import type { JuryDetail, Standing } from "../../../core/bindings";
import { JURY_CRITERIA } from "../../../core/commands";
import { useLocale, useT } from "../../i18n";
import { useBackend } from "../../backendContext";
import { DataTable } from "../../shared/DataTable";
import { FailureAlert } from "../../shared/FailureAlert";
import { searchable, viewOf } from "../../shared/listView";
import { Pager } from "../../shared/Pager";
import { SavedFileStatus, SaveFileButton, useSaveFile } from "../../shared/useSaveFile";
import { formatMean } from "./mean";

/** Ranks shown at once: the places and the ties around them are on the first page. */
const PAGE_SIZE = 50;

const SEVERITY: Record<Standing, "success" | "warning" | "info" | undefined> = {
    selected: "success",
    tieToBreak: "warning",
    notSelected: undefined,
    quorumNotMet: "info"
};

export function RankingSection(props: { detail: JuryDetail }) {
    const t = useT();
    const j = t.jury;
    const l = t.juryLabels;
    const locale = useLocale();
    const { ranking } = props.detail;
    const [page, setPage] = useState(1);
    const entries = useMemo(() => searchable(ranking.ranked, () => []), [ranking.ranked]);
    const view = viewOf(entries, { query: "", keep: () => true, page, pageSize: PAGE_SIZE });
    const facts: [string, string, number][] = [
        ["ranking-places", j.summary.places, ranking.places],
        ["ranking-jurors", j.summary.jurors, ranking.jurors],
        ["ranking-quorum", j.summary.quorum, ranking.quorum],
        ["ranking-selected", j.summary.selected, ranking.selected],
        ...(ranking.placesToDecide > 0 ? [["ranking-to-decide", l.placesToDecide, ranking.placesToDecide] as [string, string, number]] : []),
        ...(ranking.placesUnfilled > 0 ? [["ranking-unfilled", l.placesUnfilled, ranking.placesUnfilled] as [string, string, number]] : [])
    ];
    return (
        <section aria-labelledby="ranking-title" id="ranking">
            <h2 id="ranking-title" className="fr-h4">
                {l.ranking}
            </h2>
            <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
                <div className="fr-col-12 fr-col-lg-6">
                    <dl className="po-jury-facts" id="ranking-facts">
                        {facts.map(([id, label, value]) => (
                            <div key={id} id={id} className={id === "ranking-to-decide" ? "po-jury-facts__alert" : undefined}>
                                <dt>{label}</dt>
                                <dd>{value}</dd>
                            </div>
                        ))}
                    </dl>
                    <p className="fr-text--sm fr-mb-0" id="ranking-criteria-legend">
                        <span className="fr-text--bold">{j.criteriaLegend}</span>
                    </p>
                    <ul className="po-jury-legend fr-text--sm">
                        {JURY_CRITERIA.map((c, i) => (
                            <li key={c}>
                                <span className="fr-text--bold">{j.criterionShort(i + 1)}</span> {t.juryCriteria[c]}
                            </li>
                        ))}
                    </ul>
                </div>
                <div className="fr-col-12 fr-col-lg-6">
                    <div className="fr-callout po-jury-rule fr-mb-0" id="ranking-rule">
                        <h3 className="fr-callout__title fr-h6" id="ranking-rule-title">
                            {j.ruleTitle}
                        </h3>
                        <p className="fr-callout__text">{l.rule}</p>
                    </div>
                </div>
            </div>
            {ranking.ranked.length === 0 ? (
                <p className="po-muted" id="ranking-none">
                    {j.noRanking}
                </p>
            ) : (
                <>
                    <p id="ranking-count" className="fr-text--sm fr-mb-1w" tabIndex={-1}>
                        {j.rankedShown(view.items.length === 0 ? 0 : (view.page - 1) * PAGE_SIZE + 1, (view.page - 1) * PAGE_SIZE + view.items.length, view.total)}
                    </p>
                    <DataTable
                        id="ranking-table"
                        className="po-jury-ranking"
                        caption={j.rankingCaption}
                        hiddenCaption
                        headers={[l.rank, l.applicationTitle, l.mean, ...JURY_CRITERIA.map((_, i) => j.criterionShort(i + 1)), l.scored, l.abstained, j.standing]}
                        rows={view.items.map(r => ({
                            key: r.applicationId,
                            cells: [
                                r.rank,
                                r.title,
                                <span key="mean" className="fr-text--bold po-nowrap">
                                    {formatMean(r.mean, locale)}
                                </span>,
                                ...r.criteria.map(c => (
                                    <span key={c.criterion} className="po-nowrap" title={t.juryCriteria[c.criterion]}>
                                        {formatMean(c.mean, locale)}
                                    </span>
                                )),
                                r.scored,
                                r.abstained,
                                <Badge key="standing" small noIcon severity={SEVERITY[r.standing]}>
                                    {l[r.standing]}
                                </Badge>
                            ]
                        }))}
                    />
                    <Pager id="ranking-pager" page={view.page} pageCount={view.pageCount} onPage={setPage} focusId="ranking-count" />
                </>
            )}
            {ranking.unscored.length > 0 && (
                <>
                    <h3 className="fr-h6 fr-mt-3w" id="unscored-title">
                        {j.unscoredTitle} ({ranking.unscored.length})
                    </h3>
                    <DataTable
                        id="unscored-table"
                        caption={j.unscoredCaption}
                        hiddenCaption
                        headers={[l.applicationTitle, l.abstained]}
                        rows={ranking.unscored.map(u => ({ key: u.applicationId, cells: [u.title, u.abstained] }))}
                    />
                </>
            )}
            <RankingExport sessionId={props.detail.session.id} />
        </section>
    );
}

/** The ranking published: printable with its rule, or CSV by its schema; no juror named. */
function RankingExport(props: { sessionId: string }) {
    const j = useT().jury;
    const backend = useBackend();
    const save = useSaveFile<"html" | "csv">();
    const button = (format: "html" | "csv", label: string, iconId: "fr-icon-printer-line" | "fr-icon-table-line", primary: boolean) => (
        <SaveFileButton
            save={save}
            kind={format}
            id={`ranking-export-${format}`}
            label={label}
            busyLabel={j.exporting}
            iconId={iconId}
            primary={primary}
            describedBy="ranking-export-intro"
            write={() => backend.exportJuryRanking(props.sessionId, format)}
        />
    );
    return (
        <section className="po-card fr-mt-4w" aria-labelledby="ranking-export-title" id="ranking-export">
            <h3 id="ranking-export-title" className="fr-h5">
                {j.exportTitle}
            </h3>
            <p className="po-measure" id="ranking-export-intro">
                {j.exportIntro}
            </p>
            <ul className="fr-btns-group fr-btns-group--inline-lg fr-btns-group--icon-left">
                {button("html", j.exportHtml, "fr-icon-printer-line", true)}
                {button("csv", j.exportCsv, "fr-icon-table-line", false)}
            </ul>
            <SavedFileStatus id="ranking-export-result" message={save.written === null ? null : j.exported(save.written)} onClose={save.clearWritten} />
            <FailureAlert failure={save.failure} title={j.exportFailedTitle} as="h4" onClose={save.clearFailure} />
        </section>
    );
}

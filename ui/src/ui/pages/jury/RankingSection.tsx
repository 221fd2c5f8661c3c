/**
 * The ranking, as the core computes it (`jury::rank`), with its rule (`JuryLabels.rule`) beside
 * it: each scored application's rank, title, mean out of 25 with two decimals, each criterion's
 * mean, how many jurors scored it and abstained, and where it stands; then the places to decide
 * or left unfilled, and the applications nobody scored, apart. The screen orders and decides
 * nothing.
 */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { JuryDetail, Standing } from "../../../core/bindings";
import { JURY_CRITERIA } from "../../../core/commands";
import { useLocale, useT } from "../../i18n";
import { DataTable } from "../../shared/DataTable";
import { formatMean } from "./mean";

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
            <dl className="po-jury-facts" id="ranking-facts">
                {facts.map(([id, label, value]) => (
                    <div key={id} id={id} className={id === "ranking-to-decide" ? "po-jury-facts__alert" : undefined}>
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                    </div>
                ))}
            </dl>
            {ranking.ranked.length === 0 ? (
                <p className="po-muted" id="ranking-none">
                    {j.noRanking}
                </p>
            ) : (
                <>
                    <p className="fr-text--xs fr-mb-1w" id="ranking-criteria-legend">
                        <span className="fr-text--bold">{j.criteriaLegend} : </span>
                        {JURY_CRITERIA.map((c, i) => `${j.criterionShort(i + 1)} ${t.juryCriteria[c]}`).join(" · ")}
                    </p>
                    <DataTable
                        id="ranking-table"
                        className="po-jury-ranking"
                        caption={j.rankingCaption}
                        hiddenCaption
                        headers={[l.rank, l.applicationTitle, l.mean, ...JURY_CRITERIA.map((_, i) => j.criterionShort(i + 1)), l.scored, l.abstained, j.standing]}
                        rows={ranking.ranked.map(r => ({
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
                </>
            )}
            <div className="fr-callout po-jury-rule" id="ranking-rule">
                <h3 className="fr-callout__title fr-h6" id="ranking-rule-title">
                    {j.ruleTitle}
                </h3>
                <p className="fr-callout__text">{l.rule}</p>
            </div>
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
        </section>
    );
}

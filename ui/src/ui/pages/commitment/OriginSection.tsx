/**
 * Where an imported commitment comes from, read-only: its identifier and number in the OGP's
 * database, its page on the OGP's site (a link; nothing is fetched), its policy areas, and the
 * IRM's assessment with the difference between not assessed, not relevant and not applicable
 * kept; then the text as submitted and the source's other columns, folded.
 */
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import type { CommitmentOrigin } from "../../../core/bindings";
import { useT } from "../../i18n";
import { assessmentLines, isStarred, type AssessedText, type AssessmentLine } from "./assessment";

export function OriginSection(props: { origin: CommitmentOrigin }) {
    const t = useT();
    const o = t.origin;
    const { origin } = props;
    const starred = isStarred(origin.assessment);
    const columns = Object.entries(origin.sourceColumns).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "");
    const fact = (id: string, label: string, value: string) =>
        value === "" ? null : (
            <div>
                <dt>{label}</dt>
                <dd id={id}>{value}</dd>
            </div>
        );

    return (
        <section className="po-card po-origin" aria-labelledby="section-origin" id="commitment-origin">
            <div className="po-origin__head">
                <h2 id="section-origin" className="fr-h4" tabIndex={-1}>
                    {o.title}
                </h2>
                {starred && (
                    <p className="fr-badge fr-badge--yellow-tournesol po-star" id="origin-starred">
                        <span aria-hidden="true" className="po-star__icon">
                            ★
                        </span>
                        {o.starred}
                    </p>
                )}
            </div>
            <p className="fr-text--sm po-muted">{o.intro}</p>

            <dl className="po-facts">
                {fact("origin-ogp-id", o.ogpId, origin.ogpId)}
                {fact("origin-number", o.number, origin.number)}
                {fact("origin-short-title", o.shortTitle, origin.shortTitle)}
                {origin.url !== "" && (
                    <div>
                        <dt>{o.page}</dt>
                        <dd>
                            <a
                                id="origin-url"
                                className="fr-link po-break"
                                href={origin.url}
                                target="_blank"
                                rel="noopener noreferrer"
                                title={`${origin.url} - ${o.newWindow}`}
                            >
                                {origin.url}
                            </a>
                        </dd>
                    </div>
                )}
                {origin.policyAreas.length > 0 && (
                    <div>
                        <dt>{o.policyAreas}</dt>
                        <dd>
                            <ul className="fr-tags-group" id="origin-policy-areas">
                                {origin.policyAreas.map(area => (
                                    <li key={area}>
                                        <p className="fr-tag fr-tag--sm">{area}</p>
                                    </li>
                                ))}
                            </ul>
                        </dd>
                    </div>
                )}
            </dl>

            <h3 className="fr-h6 fr-mb-2w" id="origin-assessment-title">
                {o.assessmentTitle}
            </h3>
            {origin.assessment === null ? (
                <p id="origin-no-assessment">{o.noAssessment}</p>
            ) : (
                <Assessment lines={assessmentLines(t, origin.assessment)} design={o.design} implementation={o.implementation} />
            )}

            <div className="fr-accordions-group fr-mb-3w">
                <Accordion id="origin-full-text" label={o.fullText} titleAs="h3">
                    <p className="po-pre-wrap fr-mb-0">{origin.fullText}</p>
                </Accordion>
                {columns.length > 0 && (
                    <Accordion id="origin-source-columns" label={o.sourceColumns} titleAs="h3">
                        <dl className="po-facts fr-mb-0">
                            {columns.map(([name, value]) => (
                                <div key={name}>
                                    <dt>{name}</dt>
                                    <dd className="po-break">{value}</dd>
                                </div>
                            ))}
                        </dl>
                    </Accordion>
                )}
            </div>
        </section>
    );
}

function Assessment(props: { lines: { design: AssessmentLine[]; implementation: AssessmentLine[] }; design: string; implementation: string }) {
    return (
        <div className="po-assessment" id="origin-assessment">
            {(["design", "implementation"] as const).map(part => (
                <div key={part} className="po-assessment__part">
                    <h4 className="po-assessment__title" id={`origin-assessment-${part}`}>
                        {props[part]}
                    </h4>
                    <dl className="po-assessment__list">
                        {props.lines[part].map(line =>
                            "lines" in line ? (
                                <div key={line.key} className="po-assessment__group">
                                    <dt>{line.label}</dt>
                                    <dd>
                                        <dl>
                                            {line.lines.map(sub => (
                                                <div key={sub.key}>
                                                    <dt>{sub.label}</dt>
                                                    <dd data-assessment={sub.key}>
                                                        <Value value={sub.value} />
                                                    </dd>
                                                </div>
                                            ))}
                                        </dl>
                                    </dd>
                                </div>
                            ) : (
                                <div key={line.key}>
                                    <dt>{line.label}</dt>
                                    <dd data-assessment={line.key}>
                                        <Value value={line.value} />
                                    </dd>
                                </div>
                            )
                        )}
                    </dl>
                </div>
            ))}
        </div>
    );
}

/** A value; "no value" in a muted style, told apart in words (ND, NR, NA); an empty cell as "—". */
function Value(props: { value: AssessedText }) {
    const { value } = props;
    if (value.kind === "missing") {
        return (
            <span data-kind="missing">
                <span aria-hidden="true">—</span>
                <span className="fr-sr-only">{value.text}</span>
            </span>
        );
    }
    return (
        <span data-kind={value.kind} className={value.kind === "value" ? "po-assessment__value" : "po-assessment__none"}>
            {value.text}
        </span>
    );
}

/**
 * The scoring from the session's page: how far each juror is, counted (never their scores), and
 * the way to the shared laptop's screen, which shows a juror their own sheets only.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { JuryDetail } from "../../../core/bindings";
import { useT } from "../../i18n";
import { href } from "../../router";
import { DataTable } from "../../shared/DataTable";

export function ScoringSection(props: { detail: JuryDetail }) {
    const t = useT();
    const j = t.jury;
    const { detail } = props;
    const applications = detail.applications.length;
    const ready = detail.jurors.length > 0 && applications > 0;
    return (
        <section aria-labelledby="scoring-title" id="scoring">
            <h2 id="scoring-title" className="fr-h4">
                {j.scoringTitle}
            </h2>
            <p className="po-measure">{j.scoringIntro}</p>
            {ready ? (
                <>
                    <Button id="scoring-start" iconId="fr-icon-survey-line" linkProps={{ href: href.juryScoring(detail.session.id) }}>
                        {j.startScoring}
                    </Button>
                    <DataTable
                        id="scoring-progress"
                        className="fr-mt-3w"
                        caption={j.scoringProgressCaption}
                        headers={[j.jurorColumns.name, j.jurorColumns.sheets]}
                        rows={detail.jurors.map(view => ({ key: view.juror.id, cells: [view.juror.name, j.sheetsOf(view.sheets, applications)] }))}
                    />
                </>
            ) : (
                <p className="po-muted" id="scoring-not-ready">
                    {j.noJurorsToScore}
                </p>
            )}
        </section>
    );
}

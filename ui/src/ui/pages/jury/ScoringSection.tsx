/**
 * The scoring from the session's page: how far each juror is, counted (never their scores), the
 * way to the shared laptop's screen, which shows a juror their own sheets only, and the room
 * without internet: this computer opens it on the session, or joins another's, so that jurors
 * score on several laptops and the sheets meet; or the session's exchange file, for a colleague's
 * laptop reached by USB stick.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { JuryDetail } from "../../../core/bindings";
import { useT } from "../../i18n";
import { href } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { ExchangeWrite } from "../../shared/ExchangeFiles";
import { RoomHost, RoomJoin } from "../../shared/WorkshopRoom";

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
            <section className="po-card fr-mt-4w" aria-labelledby="jury-room-title" id="jury-room">
                <h3 id="jury-room-title" className="fr-h5">
                    {j.roomTitle}
                </h3>
                <p className="po-measure">{j.roomIntro}</p>
                <RoomHost subject={{ kind: "jury", sessionId: detail.session.id }} />
                <h4 className="fr-h6 fr-mt-3w">{t.roomLink.join}</h4>
                <RoomJoin subject={{ kind: "jury", sessionId: detail.session.id }} />
            </section>
            <section className="po-card fr-mt-3w" aria-labelledby="jury-exchange-title" id="jury-exchange">
                <h3 id="jury-exchange-title" className="fr-h5">
                    {j.exchangeTitle}
                </h3>
                <p className="po-measure">{j.exchangeIntro}</p>
                <ExchangeWrite
                    id="jury-exchange-write"
                    scope={{ kind: "jury", sessionId: detail.session.id }}
                    identitiesHere
                    label={j.exchangeWrite}
                    title={j.exchangeWrite}
                />
            </section>
        </section>
    );
}

/**
 * Scoring on the jury room's shared laptop (`#/jurys/<id>/notation`), shown without the app's
 * navigation: a juror chooses their name, then goes through the applications one by one — five
 * criteria scored 0 to 5 (radio groups: arrows choose, Tab moves on), or a declared conflict of
 * interest with its reason — and « Fiche suivante » hands the sheet in and shows the next. The
 * screen shows a juror their own sheets only, never another's scores nor the ranking; each
 * juror's scoring is a component of its own (`key`), so « J'ai terminé » leaves nothing of them
 * in the page or its state for the next juror.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { CriterionScore, Failure, JuryCriterion, JuryDetail, JurorView, ScoreSheet, VerdictInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { JURY_CRITERIA, JURY_LIMITS } from "../../../core/commands";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { href } from "../../router";
import { FailureAlert } from "../../shared/FailureAlert";
import { errorState, fieldErrors } from "../../shared/fieldErrors";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { RadioGroup } from "../../shared/RadioGroup";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";

const SCORES = Array.from({ length: JURY_LIMITS.scoreMax + 1 }, (_, i) => String(i));

export function JuryScoringPage(props: { sessionId: string }) {
    const t = useT();
    const j = t.jury;
    const backend = useBackend();
    const load = useLoad(() => backend.getJurySession(props.sessionId), [backend, props.sessionId]);
    // Sheets typed on another laptop of the room arrive as the sync revision rises: read again
    // (the juror's screen keeps where it stands: it is keyed by the juror).
    useSyncRevision(load.reload);
    const [jurorId, setJurorId] = useState<string | null>(null);
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    const detail = load.data;
    const juror = detail.jurors.find(view => view.juror.id === jurorId);
    return (
        <>
            <div className="po-page-head">
                <p className="fr-text--sm fr-mb-0 po-muted">{detail.session.title}</p>
                <div className="po-page-head__actions">
                    <Button priority="tertiary" size="small" iconId="fr-icon-logout-box-r-line" linkProps={{ href: href.jurySession(detail.session.id), id: "scoring-leave" }}>
                        {j.leaveScoring}
                    </Button>
                </div>
            </div>
            {detail.readOnly !== null ? (
                <>
                    <h1>{j.scoringTitle}</h1>
                    <ReadOnlyNotice readOnly={detail.readOnly} />
                </>
            ) : juror === undefined ? (
                <ChooseJuror detail={detail} onChosen={setJurorId} />
            ) : (
                <JurorScoring key={juror.juror.id} detail={detail} juror={juror} reload={load.reload} onDone={() => setJurorId(null)} />
            )}
        </>
    );
}

function ChooseJuror(props: { detail: JuryDetail; onChosen: (jurorId: string) => void }) {
    const t = useT();
    const j = t.jury;
    const [chosen, setChosen] = useState<string | null>(null);
    const first = useRef<HTMLInputElement>(null);
    // The first name takes the focus, on arrival (the app's route focus looks for the mark) as
    // after a juror's « J'ai terminé ».
    useEffect(() => {
        first.current?.setAttribute("data-autofocus", "");
        first.current?.focus();
    }, []);
    return (
        <form
            id="scoring-choose"
            onSubmit={e => {
                e.preventDefault();
                if (chosen !== null) props.onChosen(chosen);
            }}
        >
            <h1 className="fr-mb-3w">{j.whoAreYou}</h1>
            <RadioGroup
                id="scoring-juror"
                legend={j.whoAreYou}
                hint={j.whoAreYouHint}
                options={props.detail.jurors.map((view, index) => ({ value: String(index), label: view.juror.name }))}
                value={chosen === null ? null : String(props.detail.jurors.findIndex(v => v.juror.id === chosen))}
                onChange={index => setChosen(props.detail.jurors[Number(index)]?.juror.id ?? null)}
                firstRef={first}
            />
            <Button id="scoring-juror-start" type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right" disabled={chosen === null}>
                {j.startAsJuror}
            </Button>
        </form>
    );
}

/** What is typed on a sheet: a score per criterion chosen so far, or an abstention. */
type Draft = { scores: Partial<Record<JuryCriterion, number>>; abstain: boolean; reason: string };

function draftOf(sheet: ScoreSheet | undefined): Draft {
    if (sheet === undefined) return { scores: {}, abstain: false, reason: "" };
    if (sheet.verdict.kind === "abstained") return { scores: {}, abstain: true, reason: sheet.verdict.reason };
    const scores: Partial<Record<JuryCriterion, number>> = {};
    for (const c of JURY_CRITERIA) scores[c] = sheet.verdict.scores[c];
    return { scores, abstain: false, reason: "" };
}

const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

function JurorScoring(props: { detail: JuryDetail; juror: JurorView; reload: () => Promise<void>; onDone: () => void }) {
    const t = useT();
    const j = t.jury;
    const { detail, juror } = props;
    const applications = detail.applications;
    // This juror's sheets, and only theirs.
    const own = new Map(detail.sheets.filter(s => s.jurorId === juror.juror.id).map(s => [s.applicationId, s]));
    const [index, setIndex] = useState(() => Math.max(0, applications.findIndex(a => !own.has(a.id))));
    const [notice, setNotice] = useState<string | null>(null);
    const application = applications[Math.min(index, applications.length - 1)];
    if (application === undefined) return null;
    const done = own.size;
    const go = (to: number) => {
        setIndex(Math.min(Math.max(0, to), applications.length - 1));
    };
    return (
        <div id="scoring-juror-sheets">
            <div className="po-page-head">
                <div className="po-page-head__main">
                    <h1 className="fr-mb-1w">{j.scoringAs(juror.juror.name)}</h1>
                    <p className="fr-text--lead fr-mb-0" id="scoring-progress-count">
                        {j.progress(done, applications.length)}
                    </p>
                </div>
                <div className="po-page-head__actions">
                    <Button id="scoring-done" priority="secondary" iconId="fr-icon-user-line" onClick={props.onDone}>
                        {j.changeJuror}
                    </Button>
                </div>
            </div>
            <div className="po-jury-progress" aria-hidden="true">
                <span style={{ width: `${(100 * done) / applications.length}%` }} />
            </div>
            <Select
                label={j.goTo}
                className="fr-mt-2w po-jury-goto"
                nativeSelectProps={{ id: "scoring-goto", value: String(index), onChange: e => go(Number(e.target.value)) }}
            >
                {applications.map((a, i) => {
                    const sheet = own.get(a.id);
                    const status = sheet === undefined ? j.statusToDo : sheet.verdict.kind === "abstained" ? j.statusAbstained : j.statusScored;
                    return (
                        <option key={a.id} value={String(i)}>
                            {`${i + 1}. ${a.title} — ${status}`}
                        </option>
                    );
                })}
            </Select>
            <div role="status" className="fr-mb-1w">
                {notice !== null && (
                    <p className="fr-message fr-message--valid" id="scoring-notice">
                        {notice}
                    </p>
                )}
            </div>
            {done === applications.length && (
                <p className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" id="scoring-all-done">
                    {j.allDone(done)}
                </p>
            )}
            <SheetForm
                key={application.id}
                detail={detail}
                jurorId={juror.juror.id}
                position={index}
                sheet={own.get(application.id)}
                onHandedIn={async message => {
                    await props.reload();
                    setNotice(message);
                    go(index + 1);
                }}
                onMove={to => {
                    setNotice(null);
                    go(to);
                }}
            />
        </div>
    );
}

function SheetForm(props: {
    detail: JuryDetail;
    jurorId: string;
    position: number;
    sheet: ScoreSheet | undefined;
    onHandedIn: (message: string) => Promise<void>;
    onMove: (to: number) => void;
}) {
    const t = useT();
    const j = t.jury;
    const l = t.juryLabels;
    const backend = useBackend();
    const { detail, position } = props;
    const application = detail.applications[position]!;
    const total = detail.applications.length;
    const initial = draftOf(props.sheet);
    const [draft, setDraft] = useState<Draft>(initial);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const heading = useRef<HTMLHeadingElement>(null);
    const errors = fieldErrors(failure);
    useEffect(() => heading.current?.focus(), []);

    const untouched = sameDraft(draft, initial);
    const empty = !draft.abstain && Object.keys(draft.scores).length === 0;

    async function next(e: FormEvent) {
        e.preventDefault();
        // Nothing typed, or the sheet as it was: on to the next one.
        if (untouched || (empty && props.sheet === undefined)) {
            props.onMove(position + 1);
            return;
        }
        const verdict: VerdictInput = draft.abstain
            ? { kind: "abstention", reason: draft.reason }
            : {
                  kind: "scores",
                  scores: JURY_CRITERIA.flatMap((criterion): CriterionScore[] => {
                      const score = draft.scores[criterion];
                      return score === undefined ? [] : [{ criterion, score }];
                  })
              };
        setBusy(true);
        try {
            await backend.handInScoreSheet({ jurorId: props.jurorId, applicationId: application.id, verdict });
            await props.onHandedIn(j.handedIn);
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            if (first) document.querySelector<HTMLElement>(`#sheet-${first} input:checked, #sheet-${first} input, #sheet-${first}`)?.focus();
        } finally {
            setBusy(false);
        }
    }

    async function withdraw() {
        try {
            await backend.withdrawScoreSheet(props.jurorId, application.id);
            await props.onHandedIn(j.withdrawn);
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    return (
        <form id="sheet" className="po-card po-jury-sheet" onSubmit={next} noValidate aria-labelledby="sheet-title">
            <p className="fr-text--sm fr-mb-1v po-muted" id="sheet-position">
                {j.sheetOf(position + 1, total)}
                {application.reference !== "" && ` — ${l.reference} ${application.reference}`}
            </p>
            <h2 id="sheet-title" className="fr-h3 fr-mb-1w" tabIndex={-1} ref={heading}>
                {application.title}
            </h2>
            <p className="fr-text--bold fr-mb-1w">{application.applicant}</p>
            {application.summary !== "" && <p className="po-measure po-jury-sheet__summary">{application.summary}</p>}
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h3" />
            {!draft.abstain && (
                <div id="sheet-scores">
                    <p className="fr-text--sm po-muted">{l.scoreScale}</p>
                    {JURY_CRITERIA.map(criterion => (
                        <RadioGroup
                            key={criterion}
                            id={`sheet-${criterion}`}
                            legend={t.juryCriteria[criterion]}
                            inline
                            className="po-jury-criterion"
                            options={SCORES.map(score => ({ value: score, label: j.scoreLabel(Number(score)) }))}
                            value={draft.scores[criterion] === undefined ? null : String(draft.scores[criterion])}
                            onChange={score => setDraft(d => ({ ...d, scores: { ...d.scores, [criterion]: Number(score) } }))}
                            error={errors[criterion]}
                        />
                    ))}
                </div>
            )}
            <div className="fr-checkbox-group fr-mb-2w">
                <input
                    type="checkbox"
                    id="sheet-abstain"
                    checked={draft.abstain}
                    onChange={e => setDraft(d => ({ ...d, abstain: e.target.checked }))}
                    aria-describedby="sheet-abstain-hint"
                />
                <label className="fr-label" htmlFor="sheet-abstain">
                    {j.declareConflict}
                    <span className="fr-hint-text" id="sheet-abstain-hint">
                        {j.declareConflictHint}
                    </span>
                </label>
            </div>
            {draft.abstain && (
                <Input
                    label={l.abstentionReason}
                    textArea
                    {...errorState(errors.reason)}
                    nativeTextAreaProps={{ id: "sheet-reason", rows: 3, value: draft.reason, onChange: e => setDraft(d => ({ ...d, reason: e.target.value })) }}
                />
            )}
            <div className="po-form-actions">
                <Button id="sheet-next" type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right" disabled={busy}>
                    {position + 1 < total ? j.next : j.saveSheet}
                </Button>
                {position > 0 && (
                    <Button id="sheet-previous" type="button" priority="secondary" iconId="fr-icon-arrow-left-line" onClick={() => props.onMove(position - 1)}>
                        {j.previous}
                    </Button>
                )}
                {props.sheet !== undefined && (
                    <Button id="sheet-withdraw" type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void withdraw()}>
                        {j.withdraw}
                    </Button>
                )}
            </div>
        </form>
    );
}

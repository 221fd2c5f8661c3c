/**
 * « Mode atelier » (`#/ateliers/<id>/salle`): the shared laptop in the room, in large type, one
 * participant after another, without the app's navigation around it.
 *
 * 1. The workshop's information text, and « J'ai lu et j'accepte »: nothing is recorded without it.
 * 2. A first name or a pseudonym, the kind of organisation (radio buttons), « J'accepte qu'on me
 *    recontacte », which reveals the address field. Continuing records the participant.
 * 3. Contributions, each recorded at once: a proposal, a comment on a commitment the workshop
 *    discusses or one of its milestones, a priority vote among the workshop's proposals (up to
 *    three, in order). What this participant added is listed for them — theirs only.
 * 4. « Participant suivant » forgets everything of the previous participant: the capture is a
 *    new component (`key`), so no name, text or choice stays on screen, in the DOM or in state.
 *
 * Keyboard: each step puts the focus on its first field; Enter submits the step's form (on a
 * checkbox, a radio button or a list too; in a text area Shift + Enter goes to the line).
 * Fields say `autoComplete="off"`: the browser keeps nothing of one participant to offer the next.
 */
import { RoomLinkLine } from "../../shared/WorkshopRoom";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { ContributionInput, ContributionKind, Failure, OrganisationKind, PlanTarget, ReadOnly } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { WORKSHOP_LIMITS } from "../../../core/commands";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { href } from "../../router";
import { FailureAlert } from "../../shared/FailureAlert";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { RadioGroup } from "../../shared/RadioGroup";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { errorState, fieldErrors } from "../../shared/fieldErrors";
import { useLoad } from "../../shared/useLoad";

const KINDS: OrganisationKind[] = ["citizen", "association", "company", "administration", "electedOfficial"];
const WHAT: ContributionKind[] = ["proposal", "comment", "vote"];

/** What the room needs of the workshop: nothing of its participants. */
type Room = {
    workshopId: string;
    title: string;
    consentText: string;
    /** The commitments discussed and their milestones, what a comment may be about. */
    about: PlanTarget[];
    /** Why this laptop may not record participants (the server would refuse them). */
    readOnly: ReadOnly | null;
};

type Proposal = { id: string; text: string };

export function RoomPage(props: { workshopId: string }) {
    const t = useT();
    const backend = useBackend();
    const load = useLoad(async (): Promise<Room> => {
        const detail = await backend.getWorkshop(props.workshopId);
        const { workshop } = detail;
        const targets = await backend.listPlanTargets(workshop.planId);
        // The commitments discussed; for a workshop on an engagement area, that area's.
        const discussed = new Set(
            workshop.commitmentIds.length > 0
                ? workshop.commitmentIds
                : targets.filter(x => workshop.areaId !== null && x.areaId === workshop.areaId).map(x => x.commitmentId)
        );
        return {
            workshopId: workshop.id,
            title: workshop.title,
            consentText: workshop.consentText,
            about: targets.filter(x => discussed.has(x.commitmentId)),
            readOnly: detail.readOnly
        };
    }, [backend, props.workshopId]);
    const [turn, setTurn] = useState(0);

    // Large type for the whole screen, for as long as the room is shown.
    useEffect(() => {
        document.documentElement.classList.add("po-room-mode");
        return () => document.documentElement.classList.remove("po-room-mode");
    }, []);

    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    const room = load.data;
    return (
        <div className="po-room">
            <div className="po-room__bar">
                <div>
                    <p className="po-room__mode fr-mb-0">{t.room.title}</p>
                    <RoomLinkLine />
                </div>
                <Button priority="tertiary" size="small" iconId="fr-icon-logout-box-r-line" linkProps={{ href: href.workshop(room.workshopId), id: "room-quit" }}>
                    {t.room.quit}
                </Button>
            </div>
            <h1 className="po-room__title">{room.title}</h1>
            {room.readOnly !== null ? (
                <ReadOnlyNotice
                    readOnly={room.readOnly}
                    message={room.readOnly.kind === "otherInstitution" ? t.workshops.readOnly(room.readOnly.lead) : undefined}
                />
            ) : (
                <Capture key={turn} room={room} onNext={() => setTurn(n => n + 1)} />
            )}
        </div>
    );
}

/** Enter submits the form from a checkbox, a radio button or a list, and from a text area without Shift. */
function submitOnEnter(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    const choice = target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio");
    const text = target instanceof HTMLTextAreaElement && !e.shiftKey;
    if (choice || text || target instanceof HTMLSelectElement) {
        e.preventDefault();
        e.currentTarget.requestSubmit();
    }
}

type Mine = { id: string; kind: ContributionKind; text: string };

/** One participant's turn: everything typed lives here, and goes with it. */
function Capture(props: { room: Room; onNext: () => void }) {
    const t = useT();
    const r = t.room;
    const l = t.workshopLabels;
    const backend = useBackend();
    const { room } = props;
    const [step, setStep] = useState<1 | 2 | 3>(1);
    const first = useRef<HTMLInputElement>(null);

    // Step 1
    const [accepted, setAccepted] = useState(false);
    const [mustAccept, setMustAccept] = useState(false);
    // Step 2
    const [name, setName] = useState("");
    const [kind, setKind] = useState<OrganisationKind | null>(null);
    const [kindMissing, setKindMissing] = useState(false);
    const [contact, setContact] = useState(false);
    const [email, setEmail] = useState("");
    const [identityFailure, setIdentityFailure] = useState<Failure | null>(null);
    const [participant, setParticipant] = useState<{ id: string; name: string } | null>(null);
    // Step 3
    const [what, setWhat] = useState<ContributionKind>("proposal");
    const [text, setText] = useState("");
    const [about, setAbout] = useState("");
    const [choices, setChoices] = useState<string[]>(() => Array.from({ length: WORKSHOP_LIMITS.voteMax }, () => ""));
    const [proposals, setProposals] = useState<Proposal[]>([]);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [mine, setMine] = useState<Mine[]>([]);
    const [said, setSaid] = useState("");
    const [busy, setBusy] = useState(false);
    const voted = mine.some(m => m.kind === "vote");

    // Each step starts on its first field (and the first field after an addition).
    const [focusTick, setFocusTick] = useState(0);
    useEffect(() => {
        first.current?.focus();
    }, [step, focusTick]);

    async function readProposals() {
        const detail = await backend.getWorkshop(room.workshopId);
        // Only what a vote shows: the proposals' texts, nobody's name.
        setProposals(detail.contributions.filter(c => c.contribution.kind === "proposal").map(c => ({ id: c.contribution.id, text: c.contribution.text })));
    }

    function consent(e: FormEvent) {
        e.preventDefault();
        if (!accepted) {
            setMustAccept(true);
            first.current?.focus();
            return;
        }
        setStep(2);
    }

    async function identify(e: FormEvent) {
        e.preventDefault();
        if (kind === null) {
            setKindMissing(true);
            setIdentityFailure(null);
            (name.trim() === "" ? first.current : document.querySelector<HTMLInputElement>("#room-kind input"))?.focus();
            return;
        }
        setBusy(true);
        try {
            const added = await backend.addParticipant(room.workshopId, {
                name,
                organisationKind: kind,
                consentAccepted: accepted,
                contactAccepted: contact,
                contactEmail: contact ? email : ""
            });
            setParticipant({ id: added.participant.id, name: added.identity?.name ?? name.trim() });
            await readProposals();
            setStep(3);
        } catch (error) {
            const refused = toFailure(error);
            setIdentityFailure(refused);
            const field = refused.fields[0]?.field;
            const target = field === "contactEmail" ? document.getElementById("room-email") : field === "name" ? first.current : null;
            target?.focus();
        } finally {
            setBusy(false);
        }
    }

    async function contribute(e: FormEvent) {
        e.preventDefault();
        if (participant === null) return;
        const chosen = about === "" ? undefined : room.about.find(x => (x.milestoneId ?? x.commitmentId) === about);
        const input: ContributionInput =
            what === "vote"
                ? { kind: "vote", text: "", aboutCommitmentId: null, aboutMilestoneId: null, proposalIds: choices.filter(c => c !== "") }
                : {
                      kind: what,
                      text,
                      aboutCommitmentId: what === "comment" && chosen ? chosen.commitmentId : null,
                      aboutMilestoneId: what === "comment" && chosen ? chosen.milestoneId : null,
                      proposalIds: []
                  };
        setBusy(true);
        try {
            const added = await backend.addContribution(room.workshopId, participant.id, input);
            const shown =
                what === "vote"
                    ? added.proposalIds.map((id, i) => `${i + 1}. ${proposals.find(p => p.id === id)?.text ?? ""}`).join(r.voteSeparator)
                    : what === "comment" && chosen
                      ? `${chosen.number} — ${added.text}`
                      : added.text;
            setMine(list => [...list, { id: added.id, kind: what, text: shown }]);
            setSaid(r.added[what]);
            setFailure(null);
            setText("");
            setChoices(Array.from({ length: WORKSHOP_LIMITS.voteMax }, () => ""));
            if (what === "proposal") await readProposals();
            if (what === "vote") setWhat("proposal");
            setFocusTick(n => n + 1);
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            setSaid("");
            const field = refused.fields[0]?.field;
            const id = field === "text" ? "room-text" : field === "proposalIds" ? "room-choice-1" : field?.startsWith("about") ? "room-about" : null;
            if (id) document.getElementById(id)?.focus();
        } finally {
            setBusy(false);
        }
    }

    const errors = fieldErrors(failure);
    const identityErrors = fieldErrors(identityFailure);
    const targetLabel = (x: PlanTarget) => (x.milestoneId === null ? r.commitmentOption(x.number, x.title) : r.milestoneOption(x.number, x.title));

    return (
        <div className="po-room__turn" id="room-turn">
            <p className="po-room__step fr-mb-1w" id="room-step">
                {r.steps(step)}
            </p>
            {step === 1 && (
                <form onSubmit={consent} onKeyDown={submitOnEnter} noValidate autoComplete="off" aria-labelledby="room-welcome" id="room-consent-form">
                    <h2 id="room-welcome">{r.welcomeTitle}</h2>
                    <p>{r.welcomeIntro}</p>
                    <div className="po-room__consent po-prewrap" id="room-consent-text">
                        {room.consentText}
                    </div>
                    <div className={`fr-checkbox-group po-room__check${mustAccept ? " fr-checkbox-group--error" : ""}`}>
                        <input
                            type="checkbox"
                            id="room-consent"
                            ref={first}
                            data-autofocus
                            checked={accepted}
                            aria-describedby={mustAccept ? "room-consent-text room-consent-error" : "room-consent-text"}
                            onChange={e => {
                                setAccepted(e.target.checked);
                                setMustAccept(false);
                            }}
                        />
                        <label className="fr-label" htmlFor="room-consent">
                            {r.accept}
                        </label>
                        {mustAccept && (
                            <p className="fr-error-text" id="room-consent-error" role="alert">
                                {r.mustAccept}
                            </p>
                        )}
                    </div>
                    <div className="po-form-actions">
                        <Button type="submit" size="large" iconId="fr-icon-arrow-right-line" iconPosition="right" id="room-consent-next">
                            {r.continue}
                        </Button>
                    </div>
                </form>
            )}
            {step === 2 && (
                <form onSubmit={identify} onKeyDown={submitOnEnter} noValidate autoComplete="off" aria-labelledby="room-identity" id="room-identity-form">
                    <h2 id="room-identity">{r.identityTitle}</h2>
                    <p>{r.identityIntro}</p>
                    <FailureAlert failure={identityFailure && identityFailure.code !== "validation" ? identityFailure : null} as="h3" />
                    <Input
                        label={l.name}
                        {...errorState(identityErrors.name)}
                        nativeInputProps={{
                            id: "room-name",
                            ref: first,
                            autoComplete: "off",
                            spellCheck: false,
                            value: name,
                            onChange: e => setName(e.target.value)
                        }}
                    />
                    <RadioGroup<OrganisationKind>
                        id="room-kind"
                        legend={l.organisationKind}
                        options={KINDS.map(k => ({ value: k, label: l[k] }))}
                        value={kind}
                        onChange={k => {
                            setKind(k);
                            setKindMissing(false);
                        }}
                        error={kindMissing ? r.kindRequired : identityErrors.organisationKind}
                    />
                    <div className="fr-checkbox-group po-room__check fr-mb-3w">
                        <input type="checkbox" id="room-contact" checked={contact} aria-describedby="room-contact-hint" onChange={e => setContact(e.target.checked)} />
                        <label className="fr-label" htmlFor="room-contact">
                            {r.contact}
                            <span className="fr-hint-text" id="room-contact-hint">
                                {r.contactHint}
                            </span>
                        </label>
                    </div>
                    {contact && (
                        <Input
                            label={l.contactEmail}
                            {...errorState(identityErrors.contactEmail)}
                            nativeInputProps={{
                                id: "room-email",
                                type: "email",
                                autoComplete: "off",
                                spellCheck: false,
                                value: email,
                                onChange: e => setEmail(e.target.value)
                            }}
                        />
                    )}
                    <div className="po-form-actions">
                        <Button type="submit" size="large" iconId="fr-icon-arrow-right-line" iconPosition="right" id="room-identity-next" disabled={busy}>
                            {r.continue}
                        </Button>
                    </div>
                </form>
            )}
            {step === 3 && participant !== null && (
                <>
                    <form onSubmit={contribute} onKeyDown={submitOnEnter} noValidate autoComplete="off" aria-labelledby="room-contribute" id="room-contribute-form">
                        <h2 id="room-contribute">{r.contributeTitle(participant.name)}</h2>
                        <p>{r.contributeIntro}</p>
                        <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h3" />
                        <RadioGroup<ContributionKind>
                            id="room-what"
                            legend={r.what}
                            inline
                            firstRef={first}
                            options={WHAT.filter(k => k !== "vote" || !voted).map(k => ({ value: k, label: l[k] }))}
                            value={what}
                            onChange={k => {
                                setWhat(k);
                                setFailure(null);
                            }}
                        />
                        {what === "comment" &&
                            (room.about.length === 0 ? (
                                <p className="po-muted">{r.noDiscussed}</p>
                            ) : (
                                <Select
                                    label={r.aboutLabel}
                                    {...errorState(errors.aboutCommitmentId ?? errors.aboutMilestoneId)}
                                    nativeSelectProps={{ id: "room-about", value: about, onChange: e => setAbout(e.target.value) }}
                                >
                                    <option value="">{r.aboutPlaceholder}</option>
                                    {room.about.map(x => (
                                        <option key={x.milestoneId ?? x.commitmentId} value={x.milestoneId ?? x.commitmentId}>
                                            {targetLabel(x)}
                                        </option>
                                    ))}
                                </Select>
                            ))}
                        {what === "vote" ? (
                            proposals.length === 0 ? (
                                <p className="po-muted">{r.noProposals}</p>
                            ) : (
                                <fieldset className="fr-fieldset" aria-labelledby="room-vote-legend" id="room-vote">
                                    <legend id="room-vote-legend" className="fr-fieldset__legend fr-text--regular">
                                        {l.vote}
                                        <span className="fr-hint-text">{r.voteHint(WORKSHOP_LIMITS.voteMax)}</span>
                                    </legend>
                                    {choices.map((choice, index) => (
                                        <div className="fr-fieldset__element" key={index}>
                                            <Select
                                                label={r.choice(index + 1)}
                                                {...errorState(index === 0 ? errors.proposalIds : undefined)}
                                                nativeSelectProps={{
                                                    id: `room-choice-${index + 1}`,
                                                    value: choice,
                                                    onChange: e => setChoices(list => list.map((c, i) => (i === index ? e.target.value : c)))
                                                }}
                                            >
                                                <option value="">{r.choiceNone}</option>
                                                {proposals.map(p => (
                                                    <option key={p.id} value={p.id}>
                                                        {p.text}
                                                    </option>
                                                ))}
                                            </Select>
                                        </div>
                                    ))}
                                </fieldset>
                            )
                        ) : (
                            (what === "proposal" || room.about.length > 0) && (
                                <Input
                                    label={what === "proposal" ? r.proposalLabel : r.commentLabel}
                                    hintText={r.textHint}
                                    textArea
                                    {...errorState(errors.text)}
                                    nativeTextAreaProps={{
                                        id: "room-text",
                                        rows: 4,
                                        autoComplete: "off",
                                        value: text,
                                        onChange: e => setText(e.target.value)
                                    }}
                                />
                            )
                        )}
                        <div className="po-form-actions">
                            <Button
                                type="submit"
                                size="large"
                                iconId="fr-icon-add-line"
                                id="room-add"
                                disabled={busy || (what === "vote" && proposals.length === 0) || (what === "comment" && room.about.length === 0)}
                            >
                                {what === "proposal" ? r.addProposal : what === "comment" ? r.addComment : r.addVote}
                            </Button>
                        </div>
                        <p className={`fr-mt-2w fr-mb-0${said ? " fr-message fr-message--valid" : ""}`} role="status" id="room-said">
                            {said}
                        </p>
                    </form>
                    <section aria-labelledby="room-mine-title" className="po-room__mine" id="room-mine">
                        <h2 id="room-mine-title" className="fr-h5">
                            {r.mine}
                        </h2>
                        {mine.length === 0 ? (
                            <p className="po-muted fr-mb-0">{r.mineEmpty}</p>
                        ) : (
                            <ul className="fr-mb-0">
                                {mine.map(m => (
                                    <li key={m.id}>
                                        <span className="fr-text--bold">{l[m.kind]}</span> — {m.text}
                                    </li>
                                ))}
                            </ul>
                        )}
                        {mine.length > 0 && <p className="fr-mt-2w fr-mb-0">{r.thanks}</p>}
                    </section>
                </>
            )}
            <div className="po-room__next">
                <Button priority="secondary" size="large" iconId="fr-icon-user-add-line" id="room-next" onClick={props.onNext}>
                    {r.next}
                </Button>
                <p className="fr-text--sm po-muted fr-mb-0">{r.nextHint}</p>
            </div>
        </div>
    );
}

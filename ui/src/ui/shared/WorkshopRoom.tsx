/**
 * A workshop room without internet. {@link RoomHost}: « Ouvrir la salle » opens the workshop to
 * the room's laptops and shows, in large type, this computer's address and the six-digit code
 * they type, then how many computers exchanged lately and when the last did (told by the backend
 * at each exchange, read again each half-minute as the count's window slides), until « Fermer la
 * salle ». {@link RoomJoin}: « Rejoindre une salle » with the
 * address and the code (a refusal next to its field, in the backend's words), then the link's
 * status — « Dernier échange il y a 3 s », or why the last one failed — and « Quitter la salle ».
 * {@link RoomLinkLine}: that status in one small line, for « Mode atelier ». What an exchange
 * brings raises the sync revision: the workshop page reads again by itself.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Failure, RoomLinkView, RoomSubject, RoomView } from "../../core/bindings";
import { toFailure } from "../../core/backend";
import { useBackend } from "../backendContext";
import { useLocale, useT, type Messages } from "../i18n";
import { formatTime } from "../i18n/format";
import { href } from "../router";
import { FailureAlert } from "./FailureAlert";
import { errorState, fieldErrors } from "./fieldErrors";

/** Seconds since an RFC 3339 instant, on this computer's clock (the one that wrote it). */
function secondsSince(at: string, now: number): number {
    return Math.max(0, Math.round((now - Date.parse(at)) / 1000));
}

/** The link's state in words: the last error, or how long ago the last exchange was. */
function linkState(link: RoomLinkView, now: number, r: Messages["roomLink"]): string {
    if (link.lastError !== null) return link.lastError;
    return link.lastExchangeAt === null ? r.noExchange : r.lastExchange(secondsSince(link.lastExchangeAt, now));
}

/** The link with the room joined, read again every second while shown. */
function useRoomLink(): [RoomLinkView | null | undefined, number, (link: RoomLinkView | null) => void] {
    const backend = useBackend();
    const [link, setLink] = useState<RoomLinkView | null | undefined>(undefined);
    const [now, setNow] = useState(() => Date.now());
    useEffect(() => {
        let live = true;
        const read = () =>
            backend.getRoomLink().then(
                l => {
                    if (live) {
                        setLink(l);
                        setNow(Date.now());
                    }
                },
                () => undefined
            );
        void read();
        const timer = window.setInterval(() => void read(), 1000);
        return () => {
            live = false;
            window.clearInterval(timer);
        };
    }, [backend]);
    return [link, now, setLink];
}

/** Whether two rooms' subjects are the same workshop or the same jury session. */
export function sameSubject(a: RoomSubject | null, b: RoomSubject | null): boolean {
    if (a === null || b === null) return a === b;
    if (a.kind === "workshop" && b.kind === "workshop") return a.workshopId === b.workshopId;
    if (a.kind === "jury" && b.kind === "jury") return a.sessionId === b.sessionId;
    return false;
}

/** How often the open room's count is read again, for the laptops that stopped exchanging. */
const RECOUNT_MS = 30_000;

/** Opens the room of this workshop or jury session, shows its address and code, and closes it. */
export function RoomHost(props: { subject: RoomSubject }) {
    const r = useT().roomLink;
    const locale = useLocale();
    const backend = useBackend();
    const [room, setRoom] = useState<RoomView | null | undefined>(undefined);
    const [busy, setBusy] = useState(false);
    const [failure, setFailure] = useState<Failure | null>(null);
    // The button to focus once the room opened or closed shows (enabled again).
    const focusNext = useRef<string | null>(null);
    useEffect(() => {
        if (busy || focusNext.current === null) return;
        document.getElementById(focusNext.current)?.focus();
        focusNext.current = null;
    }, [busy, room]);
    useEffect(() => {
        let live = true;
        let stop: (() => void) | null = null;
        const read = () =>
            backend.getRoom().then(
                view => live && setRoom(view),
                error => live && setFailure(toFailure(error))
            );
        void read();
        // Each exchange the room takes in tells where it stands.
        backend
            .onRoomExchange(view => {
                if (live) setRoom(view);
            })
            .then(
                unlisten => {
                    if (live) stop = unlisten;
                    else unlisten();
                },
                // Without notifications, the half-minute reading below still keeps it true.
                () => undefined
            );
        const timer = window.setInterval(() => void read(), RECOUNT_MS);
        return () => {
            live = false;
            stop?.();
            window.clearInterval(timer);
        };
    }, [backend]);

    async function run(action: () => Promise<RoomView | null>, focus: string) {
        setBusy(true);
        setFailure(null);
        try {
            setRoom(await action());
            focusNext.current = focus;
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            setBusy(false);
        }
    }

    const here = room && sameSubject(room.subject, props.subject) ? room : null;
    return (
        <div id="room-host">
            <FailureAlert failure={failure} onClose={() => setFailure(null)} />
            {here ? (
                <>
                    <dl className="po-room-code" id="room-open" aria-live="polite">
                        <div>
                            <dt>{r.address}</dt>
                            <dd id="room-address">{here.address}</dd>
                        </div>
                        <div>
                            <dt>{r.code}</dt>
                            <dd id="room-code">{here.code}</dd>
                        </div>
                    </dl>
                    <p className="fr-text--sm fr-mb-1w" id="room-attendance">
                        <span id="room-recent">{r.recentLaptops(here.recentLaptops, here.recentMinutes)}</span>
                        {here.lastExchangeAt !== null && (
                            <>
                                <br />
                                <span id="room-last-exchange">{r.lastExchangeAt(formatTime(new Date(here.lastExchangeAt), locale))}</span>
                            </>
                        )}
                    </p>
                    <p className="fr-text--sm">{props.subject.kind === "jury" ? r.hostHintJury : r.hostHint}</p>
                    <Button
                        priority="secondary"
                        iconId="fr-icon-close-circle-line"
                        id="room-close"
                        disabled={busy}
                        onClick={() => void run(async () => (await backend.closeRoom(), null), "room-open-button")}
                    >
                        {r.close}
                    </Button>
                </>
            ) : (
                <>
                    {room && <p className="fr-text--sm">{props.subject.kind === "jury" ? r.otherRoomJury : r.otherWorkshop}</p>}
                    <Button
                        iconId="fr-icon-team-line"
                        id="room-open-button"
                        disabled={busy || room === undefined}
                        onClick={() => void run(() => backend.openRoom(props.subject), "room-close")}
                    >
                        {busy ? r.opening : r.open}
                    </Button>
                </>
            )}
        </div>
    );
}

/**
 * Joins a room (`subject`: the workshop or jury session shown, `null` on a list when this
 * computer may not have it yet), then shows the link's status and « Quitter la salle ».
 */
export function RoomJoin(props: { subject: RoomSubject | null; onJoined?: () => void }) {
    const r = useT().roomLink;
    const backend = useBackend();
    const [link, now, setLink] = useRoomLink();
    const [address, setAddress] = useState("");
    const [code, setCode] = useState("");
    const [busy, setBusy] = useState(false);
    const [failure, setFailure] = useState<Failure | null>(null);
    const errors = fieldErrors(failure);

    async function join(e: FormEvent) {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        setFailure(null);
        try {
            const joined = await backend.joinRoom(props.subject, address, code);
            setLink(joined.link);
            setCode("");
            props.onJoined?.();
            window.setTimeout(() => document.getElementById("room-link-status")?.focus(), 0);
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const field = refused.fields[0]?.field;
            window.setTimeout(() => document.getElementById(field === "code" ? "room-join-code" : "room-join-address")?.focus(), 0);
        } finally {
            setBusy(false);
        }
    }

    async function leave() {
        await backend.leaveRoom();
        setLink(null);
        window.setTimeout(() => document.getElementById("room-join-address")?.focus(), 0);
    }

    if (link === undefined) return null;
    if (link !== null) {
        return (
            <div id="room-link">
                <p className="fr-mb-1w" id="room-link-status" tabIndex={-1}>
                    <strong>{r.joined(link.address)}</strong>
                    <br />
                    <span id="room-link-state">{linkState(link, now, r)}</span>
                </p>
                {link.lastError !== null && <Alert severity="warning" small description={link.lastError} className="fr-mb-2w" />}
                <div className="po-room-link__actions">
                    {!sameSubject(props.subject, link.subject) && link.subject.kind === "workshop" && (
                        <Button priority="secondary" linkProps={{ href: href.workshop(link.subject.workshopId), id: "room-link-workshop" }}>
                            {r.openWorkshop}
                        </Button>
                    )}
                    <Button priority="tertiary" iconId="fr-icon-logout-box-r-line" id="room-leave" onClick={() => void leave()}>
                        {r.leave}
                    </Button>
                </div>
            </div>
        );
    }
    const fieldFailure = failure !== null && failure.fields.length > 0;
    return (
        <form id="room-join" onSubmit={e => void join(e)} noValidate>
            <p className="fr-text--sm">{r.joinHint}</p>
            {failure !== null && !fieldFailure && <FailureAlert failure={failure} onClose={() => setFailure(null)} />}
            <div className="po-room-join__fields">
                <Input
                    label={r.address}
                    hintText={r.addressHint}
                    nativeInputProps={{ id: "room-join-address", value: address, onChange: e => setAddress(e.target.value), autoComplete: "off", spellCheck: false }}
                    {...errorState(errors.address)}
                />
                <Input
                    label={r.code}
                    hintText={r.codeHint}
                    nativeInputProps={{ id: "room-join-code", value: code, onChange: e => setCode(e.target.value), inputMode: "numeric", autoComplete: "off", maxLength: 6 }}
                    {...errorState(errors.code)}
                />
            </div>
            <Button type="submit" iconId="fr-icon-team-line" id="room-join-submit" disabled={busy}>
                {busy ? r.joining : r.joinSubmit}
            </Button>
        </form>
    );
}

/** The link with the room joined, in one small line (nothing when none). */
export function RoomLinkLine() {
    const r = useT().roomLink;
    const [link, now] = useRoomLink();
    if (!link) return null;
    return (
        <p className="fr-text--xs fr-mb-0 po-room__link" id="room-link-line">
            {r.status(link.address, linkState(link, now, r))}
        </p>
    );
}

/**
 * Sync settings: what sync does, the connection to the plan's server (address and token,
 * checked by the backend against the server), the account once connected, where the token is
 * kept, and signing out; whether the "À faire" list's news become desktop notifications; and
 * exchange files, to carry changes to and from another computer without a network.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Failure, SyncConnectInput, SyncStatus } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { href } from "../../router";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { ExchangeImportButton, ExchangeImportResult, ExchangeWrite, useExchangeImport } from "../../shared/ExchangeFiles";
import { FailureAlert, SuccessNotice } from "../../shared/FailureAlert";
import { errorState, fieldErrors } from "../../shared/fieldErrors";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { openModal } from "../../shared/modalFocus";
import { useSyncStatus } from "../../shared/syncStatus";
import { useLoad } from "../../shared/useLoad";

const disconnectModal = createModal({ id: "sync-disconnect-modal", isOpenedByDefault: false });

const FIELD_IDS: Record<string, string> = { serverUrl: "sync-server-url", token: "sync-token" };

export function SyncSettingsPage() {
    const t = useT();
    const backend = useBackend();
    const status = useSyncStatus();
    const settings = useLoad(() => backend.getSyncSettings(), [backend]);
    const [notice, setNotice] = useState<string | null>(null);
    const [disconnectFailure, setDisconnectFailure] = useState<Failure | null>(null);
    // After connecting, the focus goes to the account once it is shown.
    const [focusAccount, setFocusAccount] = useState(false);

    // Connected or signed out elsewhere (another window, the backend itself): read the settings again.
    const connectionKey = status ? `${status.connection === "notConfigured"}/${status.serverUrl ?? ""}` : null;
    const firstKey = useRef(connectionKey);
    const { reload } = settings;
    useEffect(() => {
        if (connectionKey === null || firstKey.current === null || connectionKey === firstKey.current) {
            firstKey.current = connectionKey;
            return;
        }
        firstKey.current = connectionKey;
        void reload();
    }, [connectionKey, reload]);

    async function disconnect() {
        try {
            await backend.disconnectSync();
            setDisconnectFailure(null);
            setNotice(t.sync.settings.disconnected);
            await settings.reload();
            document.getElementById("sync-server-url")?.focus();
        } catch (error) {
            setDisconnectFailure(toFailure(error));
        }
    }

    const accountShown = settings.data?.account != null && status !== null && status.connection !== "notConfigured";
    useEffect(() => {
        if (!focusAccount || !accountShown) return;
        setFocusAccount(false);
        document.getElementById("sync-account-title")?.focus();
    }, [focusAccount, accountShown]);

    if (settings.data === undefined) return settings.failure ? <LoadFailure failure={settings.failure} /> : <Loading />;
    const s = t.sync.settings;
    const current = settings.data;
    const connected = current.account !== null && status?.connection !== "notConfigured";
    const showForm = !connected || status?.connection === "unauthorized";
    const connectForm = (
        <ConnectForm
            key={current.serverUrl ?? ""}
            initialUrl={current.serverUrl ?? ""}
            reconnect={connected}
            onConnected={async () => {
                setNotice(s.connected);
                await settings.reload();
                setFocusAccount(true);
            }}
        />
    );

    return (
        <>
            <h1>{s.title}</h1>
            <p className="fr-text--lead po-measure">{s.intro}</p>
            <SuccessNotice message={notice} onClose={() => setNotice(null)} />
            <FailureAlert failure={disconnectFailure} onClose={() => setDisconnectFailure(null)} />
            {status && <ConnectionAlert status={status} />}

            {/* A refused token: entering a new one is the thing to do, first. */}
            {showForm && connected && connectForm}
            {connected && current.account && (
                <section aria-labelledby="sync-account-title" className="po-card po-sync-account" id="sync-account">
                    <h2 id="sync-account-title" className="fr-h4" tabIndex={-1}>
                        {s.accountTitle}
                    </h2>
                    <dl className="po-facts">
                        <div>
                            <dt>{s.name}</dt>
                            <dd id="sync-account-name">{current.account.name}</dd>
                        </div>
                        <div>
                            <dt>{s.institution}</dt>
                            <dd id="sync-account-institution">{current.account.institutionName}</dd>
                        </div>
                        <div>
                            <dt>{s.role}</dt>
                            <dd id="sync-account-role">{s.roles[current.account.role]}</dd>
                        </div>
                        <div>
                            <dt>{s.server}</dt>
                            <dd id="sync-account-server" className="po-break">
                                {current.serverUrl}
                            </dd>
                        </div>
                    </dl>
                    {current.tokenStorage && (
                        <p id="sync-token-storage" className="fr-text--sm po-sync-storage">
                            <span
                                className={current.tokenStorage === "keyring" ? "fr-icon-lock-line fr-icon--sm" : "fr-icon-file-line fr-icon--sm"}
                                aria-hidden="true"
                            />{" "}
                            {s.storage[current.tokenStorage]}
                        </p>
                    )}
                    <div className="fr-mb-3w">
                        <Button
                            id="sync-disconnect"
                            priority="secondary"
                            iconId="fr-icon-logout-box-r-line"
                            onClick={() => openModal(disconnectModal)}
                        >
                            {s.disconnect}
                        </Button>
                    </div>
                </section>
            )}

            {showForm && !connected && connectForm}
            {status && (status.conflicts > 0 || status.rejections > 0 || connected) && <InboxSummary status={status} />}
            {status && <ExchangeSection status={status} />}
            <NotificationSetting />

            <ConfirmModal
                modal={disconnectModal}
                title={s.disconnectTitle}
                message={s.disconnectConfirm}
                confirmLabel={s.disconnect}
                confirmIconId="fr-icon-logout-box-r-line"
                onConfirm={() => void disconnect()}
            />
        </>
    );
}

/** Why the server cannot be used right now, and what it means for the person's changes. */
function ConnectionAlert(props: { status: SyncStatus }) {
    const t = useT();
    const s = t.sync.settings;
    const { status } = props;
    if (status.connection === "offline") {
        return (
            <Alert
                className="fr-mb-3w"
                severity="warning"
                title={s.offlineTitle}
                as="h2"
                description={[status.lastError, s.offlineText].filter(Boolean).join(" ")}
            />
        );
    }
    if (status.connection === "unauthorized") {
        return (
            <Alert
                className="fr-mb-3w"
                severity="error"
                title={s.unauthorizedTitle}
                as="h2"
                description={[status.lastError, s.unauthorizedText].filter(Boolean).join(" ")}
            />
        );
    }
    return null;
}

function InboxSummary(props: { status: SyncStatus }) {
    const t = useT();
    const { status } = props;
    const nothing = status.conflicts === 0 && status.rejections === 0;
    return (
        <section aria-labelledby="sync-inbox-title" className="fr-mb-4w">
            <h2 id="sync-inbox-title" className="fr-h4">
                {t.sync.settings.inboxTitle}
            </h2>
            {nothing ? (
                <p>{t.sync.settings.inboxEmpty}</p>
            ) : (
                <ul className="po-plain-list">
                    {status.conflicts > 0 && (
                        <li>
                            <a className="fr-link fr-link--icon-left fr-icon-git-merge-line" href={href.syncInbox()}>
                                {t.sync.bar.conflicts(status.conflicts)}
                            </a>
                        </li>
                    )}
                    {status.rejections > 0 && (
                        <li>
                            <a className="fr-link fr-link--icon-left fr-icon-error-warning-line" href={href.syncRejections()}>
                                {t.sync.bar.rejections(status.rejections)}
                            </a>
                        </li>
                    )}
                </ul>
            )}
        </section>
    );
}

/**
 * Exchange files: every change of this computer not yet sent, written for a colleague's computer
 * to send, and a file from another computer imported; the changes waiting to be sent for others.
 */
function ExchangeSection(props: { status: SyncStatus }) {
    const t = useT();
    const x = t.exchange;
    const exchange = useExchangeImport();
    return (
        <section aria-labelledby="sync-exchange-title" className="fr-mb-4w" id="sync-exchange">
            <h2 id="sync-exchange-title" className="fr-h4">
                {x.sectionTitle}
            </h2>
            <p className="po-measure">{x.sectionIntro}</p>
            {props.status.relay > 0 && (
                <p id="sync-relay" className="fr-text--bold">
                    <span className="fr-icon-upload-2-line fr-icon--sm" aria-hidden="true" /> {x.relay(props.status.relay)}
                </p>
            )}
            <div className="fr-mb-2w">
                <ExchangeImportButton id="sync-import-exchange" exchange={exchange} />
            </div>
            <ExchangeImportResult id="sync-import-result" exchange={exchange} />
            <ExchangeWrite id="sync-write-unsent" scope={{ kind: "unsent" }} identitiesHere={true} label={x.writeUnsent} title={x.dialogUnsentTitle} />
        </section>
    );
}

/** Desktop notifications of the "À faire" list: on by default, saved as soon as switched. */
function NotificationSetting() {
    const t = useT();
    const backend = useBackend();
    const s = t.sync.settings;
    const enabled = useLoad(() => backend.getNotificationsEnabled(), [backend]);
    const [failure, setFailure] = useState<Failure | null>(null);

    async function change(on: boolean) {
        try {
            await backend.setNotificationsEnabled(on);
            enabled.setData(() => on);
            setFailure(null);
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    return (
        <section aria-labelledby="notifications-title" className="fr-mb-4w">
            <h2 id="notifications-title" className="fr-h4">
                {s.notificationsTitle}
            </h2>
            <FailureAlert failure={failure ?? enabled.failure} onClose={() => setFailure(null)} />
            {enabled.data !== undefined && (
                <ToggleSwitch
                    id="notifications-enabled"
                    className="po-measure"
                    label={s.notifications}
                    helperText={s.notificationsHint}
                    showCheckedHint={false}
                    labelPosition="right"
                    checked={enabled.data}
                    onChange={on => void change(on)}
                />
            )}
        </section>
    );
}

function ConnectForm(props: { initialUrl: string; reconnect: boolean; onConnected: () => Promise<void> }) {
    const t = useT();
    const backend = useBackend();
    const s = t.sync.settings;
    const [input, setInput] = useState<SyncConnectInput>({ serverUrl: props.initialUrl, token: "" });
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);

    async function connect(e: FormEvent) {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        try {
            await backend.connectSync(input);
            setFailure(null);
            setInput({ serverUrl: input.serverUrl, token: "" });
            await props.onConnected();
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            // Put the person on the first refused field.
            const first = refused.fields[0]?.field;
            const id = first ? FIELD_IDS[first] : undefined;
            if (id) document.getElementById(id)?.focus();
        } finally {
            setBusy(false);
        }
    }

    const errors = fieldErrors(failure);
    const otherFailure = failure && (failure.code !== "validation" || failure.fields.every(f => !(f.field in FIELD_IDS))) ? failure : null;

    return (
        <section aria-labelledby="sync-connect-title" className="fr-mb-6w">
            <h2 id="sync-connect-title" className="fr-h4">
                {props.reconnect ? s.reconnectTitle : s.connectTitle}
            </h2>
            <FailureAlert failure={otherFailure} />
            <form onSubmit={connect} noValidate className="po-narrow-form">
                <Input
                    label={s.serverUrl}
                    hintText={s.serverUrlHint}
                    {...errorState(errors.serverUrl)}
                    nativeInputProps={{
                        id: "sync-server-url",
                        type: "url",
                        inputMode: "url",
                        autoComplete: "url",
                        spellCheck: false,
                        value: input.serverUrl,
                        onChange: e => setInput({ ...input, serverUrl: e.target.value })
                    }}
                />
                <PasswordInput
                    className="fr-mb-3w"
                    label={s.token}
                    hintText={s.tokenHint}
                    messagesHint=""
                    messages={errors.token === undefined ? [] : [{ severity: "error", message: errors.token }]}
                    nativeInputProps={{
                        id: "sync-token",
                        autoComplete: "off",
                        spellCheck: false,
                        value: input.token,
                        onChange: e => setInput({ ...input, token: e.target.value })
                    }}
                />
                <div className="po-form-actions">
                    <Button id="sync-connect" type="submit" iconId="fr-icon-link" nativeButtonProps={{ "aria-disabled": busy }}>
                        {busy ? s.connecting : s.connect}
                    </Button>
                </div>
            </form>
        </section>
    );
}

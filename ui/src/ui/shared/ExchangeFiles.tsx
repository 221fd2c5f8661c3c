/**
 * Exchange files (`.planouvert`): what one computer carries to another on a USB stick, with no
 * network. « Écrire le fichier d'échange » asks first whether the file holds who the
 * participants are — personal data that stays within the institution that ran the workshop —,
 * then the backend asks where to write and the screen says what the file holds. « Importer un
 * fichier d'échange » lets the backend ask for the file, then says what it brought, or why it was
 * refused in the backend's words (cut short, changed, another institution's personal data, this
 * computer's own file). A cancelled dialog says nothing.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useRef, useState } from "react";
import type { ExchangeImported, ExchangeSaved, ExchangeScope, Failure } from "../../core/bindings";
import { toFailure } from "../../core/backend";
import { useBackend } from "../backendContext";
import { useLocale, useT } from "../i18n";
import { relativeDay } from "../i18n/format";
import { href } from "../router";
import { FailureAlert } from "./FailureAlert";
import { openModal, useFocusReturn } from "./modalFocus";
import { RadioGroup } from "./RadioGroup";

const writeModal = createModal({ id: "exchange-write-modal", isOpenedByDefault: false });

type Identities = "with" | "without";

/**
 * The button that writes an exchange file of `scope`, its dialog, and what was written.
 * `identitiesHere`: whether this computer holds who the participants are (the institution's
 * own); the file then holds them by default, as it goes to a colleague of that institution. A
 * jury's file always holds its personal data (the core puts it in): the dialog says so instead
 * of asking.
 */
export function ExchangeWrite(props: { id: string; scope: ExchangeScope; identitiesHere: boolean; label: string; title: string }) {
    const t = useT();
    const x = t.exchange;
    const backend = useBackend();
    const [identities, setIdentities] = useState<Identities>(props.identitiesHere ? "with" : "without");
    const [busy, setBusy] = useState(false);
    const busyRef = useRef(false);
    const [saved, setSaved] = useState<ExchangeSaved | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);
    useFocusReturn(writeModal);

    async function write() {
        if (busyRef.current) return;
        busyRef.current = true;
        setBusy(true);
        setSaved(null);
        setFailure(null);
        try {
            const personal = props.scope.kind === "jury" || (props.identitiesHere && identities === "with");
            setSaved(await backend.writeExchange(props.scope, personal));
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            busyRef.current = false;
            setBusy(false);
        }
    }

    return (
        <div>
            <Button
                id={props.id}
                priority="secondary"
                iconId="fr-icon-upload-line"
                onClick={() => {
                    setIdentities(props.identitiesHere ? "with" : "without");
                    openModal(writeModal);
                }}
                nativeButtonProps={{ "aria-disabled": busy }}
            >
                {busy ? x.writing : props.label}
            </Button>
            <div role="status">
                {saved !== null && (
                    <Alert
                        id={`${props.id}-result`}
                        severity="success"
                        small
                        className="fr-mt-2w"
                        description={
                            <>
                                <span className="po-break">{x.written(saved.path)}</span>{" "}
                                {props.scope.kind === "jury"
                                    ? x.holdsJury(saved.written.records, saved.written.changes, x.size(saved.written.bytes))
                                    : x.holds(saved.written.records, saved.written.changes, x.size(saved.written.bytes), saved.written.personalData)}
                            </>
                        }
                        closable
                        isClosed={false}
                        onClose={() => setSaved(null)}
                    />
                )}
            </div>
            <FailureAlert failure={failure} title={x.writeFailedTitle} as="h3" className="fr-mt-2w" onClose={() => setFailure(null)} />
            <writeModal.Component
                title={props.title}
                titleAs="h2"
                buttons={[
                    { children: t.app.cancel, priority: "secondary" },
                    {
                        children: x.confirm,
                        iconId: "fr-icon-upload-line",
                        onClick: () => void write(),
                        nativeButtonProps: { id: "exchange-write-confirm" }
                    }
                ]}
            >
                <p id="exchange-identities-rule">{props.scope.kind === "jury" ? x.juryRule : x.identitiesRule}</p>
                {props.scope.kind === "jury" ? null : props.identitiesHere ? (
                    <RadioGroup<Identities>
                        id="exchange-identities"
                        name="exchange-identities"
                        legend={x.identitiesLegend}
                        value={identities}
                        onChange={setIdentities}
                        options={[
                            { value: "with", label: x.withIdentities, hint: x.withIdentitiesHint },
                            { value: "without", label: x.withoutIdentities, hint: x.withoutIdentitiesHint }
                        ]}
                    />
                ) : (
                    <p className="fr-mb-0" id="exchange-no-identities">
                        {x.noIdentitiesHere}
                    </p>
                )}
            </writeModal.Component>
        </div>
    );
}

/** Importing an exchange file: one at a time, what it brought, or why it was refused. */
export function useExchangeImport(onImported?: (imported: ExchangeImported) => void | Promise<void>) {
    const backend = useBackend();
    const [busy, setBusy] = useState(false);
    const busyRef = useRef(false);
    const [imported, setImported] = useState<ExchangeImported | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);

    async function run() {
        if (busyRef.current) return;
        busyRef.current = true;
        setBusy(true);
        setImported(null);
        setFailure(null);
        try {
            const result = await backend.importExchange();
            setImported(result);
            if (result !== null) await onImported?.(result);
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            busyRef.current = false;
            setBusy(false);
        }
    }

    return { busy, imported, failure, run, clear: () => (setImported(null), setFailure(null)) };
}

export type ExchangeImport = ReturnType<typeof useExchangeImport>;

export function ExchangeImportButton(props: { id: string; exchange: ExchangeImport; priority?: "primary" | "secondary" }) {
    const t = useT();
    return (
        <Button
            id={props.id}
            priority={props.priority ?? "secondary"}
            iconId="fr-icon-download-line"
            onClick={() => void props.exchange.run()}
            nativeButtonProps={{ "aria-disabled": props.exchange.busy }}
        >
            {props.exchange.busy ? t.exchange.importing : t.exchange.import}
        </Button>
    );
}

/**
 * What an import brought (or that the file was already here), or why it was refused; `as`: the
 * level of its title in the page's outline (h3 by default, under a section's h2).
 */
export function ExchangeImportResult(props: { id: string; exchange: ExchangeImport; as?: "h2" | "h3" }) {
    const t = useT();
    const x = t.exchange;
    const locale = useLocale();
    const { imported, failure, clear } = props.exchange;
    let result = null;
    if (imported !== null) {
        // The day and time by the writer's clock, in this computer's time zone.
        const when = relativeDay(imported.writtenAt, new Date(), locale);
        const written = x.writtenBy(imported.writer, when.date, when.time);
        result = (
            <Alert
                id={props.id}
                severity={imported.already ? "info" : "success"}
                title={imported.already ? x.alreadyTitle : x.importedTitle}
                as={props.as ?? "h3"}
                className="fr-mb-3w"
                closable
                isClosed={false}
                onClose={clear}
                description={
                    <>
                        <p className="fr-mb-1w">{imported.already ? `${x.already} ${written}` : written}</p>
                        {!imported.already && (
                            <ul className="fr-mb-0" id={`${props.id}-counts`}>
                                <li>{x.recordsAdded(imported.recordsAdded)}</li>
                                <li>{x.changesApplied(imported.changesApplied)}</li>
                                <li>{x.changesToRelay(imported.changesToRelay)}</li>
                            </ul>
                        )}
                        {imported.workshopId !== null && imported.workshopTitle !== null && (
                            <p className="fr-mb-0 fr-mt-1w">
                                <a className="fr-link" id={`${props.id}-workshop`} href={href.workshop(imported.workshopId)}>
                                    {x.openWorkshop(imported.workshopTitle)}
                                </a>
                            </p>
                        )}
                        {imported.jurySessionId !== null && imported.juryTitle !== null && (
                            <p className="fr-mb-0 fr-mt-1w">
                                <a className="fr-link" id={`${props.id}-jury`} href={href.jurySession(imported.jurySessionId)}>
                                    {x.openJury(imported.juryTitle)}
                                </a>
                            </p>
                        )}
                    </>
                }
            />
        );
    }
    return (
        <>
            <div role="status">{result}</div>
            <FailureAlert failure={failure} title={x.importFailedTitle} as={props.as ?? "h3"} onClose={clear} />
        </>
    );
}

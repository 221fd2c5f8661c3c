/**
 * One change the server refused: what it tried to do, why it was refused, and its text to copy
 * (the clipboard, or else the text selected for Ctrl+C) before dismissing it.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import type { RejectionView } from "../../../core/bindings";
import { useLocale, useT, type Messages } from "../../i18n";
import { momentText } from "../../shared/syncTime";
import { fieldLabel } from "./labels";
import { RecordHead, TextBlock } from "./RecordHead";

function actionText(t: Messages, rejection: RejectionView): string {
    const a = t.sync.inbox.action;
    switch (rejection.action) {
        case "create":
            return a.create;
        case "delete":
            return a.delete;
        case "edit":
            return rejection.field === null ? a.editAny : a.edit(fieldLabel(t, rejection.recordKind, rejection.field));
    }
}

/** Copies `text`; if the clipboard is out of reach, selects the block so that Ctrl+C copies it. */
async function copyText(text: string, block: HTMLElement | null): Promise<"copied" | "selected"> {
    try {
        await navigator.clipboard.writeText(text);
        return "copied";
    } catch {
        if (block === null) return "selected";
        const selection = window.getSelection();
        const range = document.createRange();
        range.selectNodeContents(block);
        selection?.removeAllRanges();
        selection?.addRange(range);
        try {
            if (document.execCommand("copy")) return "copied";
        } catch {
            // Left selected for the person to copy.
        }
        return "selected";
    }
}

export function RejectionCard(props: { rejection: RejectionView; now: Date; onDiscard: () => void }) {
    const t = useT();
    const locale = useLocale();
    const { rejection } = props;
    const i = t.sync.inbox;
    const id = `rejection-${rejection.id}`;
    const [copyState, setCopyState] = useState<"" | "copied" | "selected">("");

    async function copy() {
        setCopyState("");
        setCopyState(await copyText(rejection.text, document.getElementById(`${id}-text`)));
    }

    return (
        <article className="po-sync-item" aria-labelledby={`${id}-title`} data-testid={id}>
            <RecordHead
                titleId={`${id}-title`}
                kind={rejection.recordKind}
                title={rejection.recordTitle}
                commitmentId={rejection.commitmentId}
                meta={
                    <>
                        <strong>{actionText(t, rejection)}</strong>
                        <span aria-hidden="true"> · </span>
                        <span>{i.refusedAt(momentText(t, rejection.at, props.now, locale))}</span>
                    </>
                }
            />
            <p className="po-sync-reason">
                <span className="fr-icon-error-warning-line fr-icon--sm" aria-hidden="true" /> <strong>{i.reason}</strong> {rejection.reason}
            </p>
            <div className="po-version">
                <h4 id={`${id}-text-title`} className="po-version__title">
                    {i.text}
                </h4>
                <TextBlock id={`${id}-text`} text={rejection.text} />
            </div>
            <div className="po-sync-item__actions po-copy-row">
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
                    <li>
                        <Button
                            id={`${id}-copy`}
                            priority="secondary"
                            iconId="fr-icon-clipboard-line"
                            onClick={() => void copy()}
                            nativeButtonProps={{ "aria-label": i.copyOf(rejection.recordTitle) }}
                        >
                            {i.copy}
                        </Button>
                    </li>
                    <li>
                        <Button
                            id={`${id}-discard`}
                            priority="tertiary"
                            iconId="fr-icon-close-circle-line"
                            onClick={props.onDiscard}
                            nativeButtonProps={{ "aria-label": i.discardOf(rejection.recordTitle) }}
                        >
                            {i.discard}
                        </Button>
                    </li>
                </ul>
                <p className="po-copy-status" role="status" aria-live="polite" data-testid={`${id}-copy-status`}>
                    {copyState === "copied" && (
                        <>
                            <span className="fr-icon-check-line fr-icon--sm" aria-hidden="true" /> {i.copied}
                        </>
                    )}
                    {copyState === "selected" && i.selected}
                </p>
            </div>
        </article>
    );
}

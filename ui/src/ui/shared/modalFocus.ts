/**
 * Keyboard focus around DSFR dialogs opened from code. DSFR traps the focus inside an open dialog
 * and closes it with Escape, but gives the focus back only to a button wired with
 * `aria-controls`; dialogs opened with `modal.open()` would leave it on the page's body.
 * `openModal` remembers what had the focus; `useFocusReturn` puts it back when the dialog closes
 * (or on the screen's title if that element is gone, e.g. the row just deleted).
 */
import type { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useIsModalOpen } from "@codegouvfr/react-dsfr/Modal/useIsModalOpen";

/** A DSFR dialog made with `createModal`. */
export type ModalHandle = ReturnType<typeof createModal>;

const openers = new Map<string, HTMLElement>();

export function openModal(modal: ModalHandle): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) openers.set(modal.id, active);
    modal.open();
}

export function useFocusReturn(modal: ModalHandle): void {
    useIsModalOpen(modal, {
        onConceal: () => {
            const opener = openers.get(modal.id);
            openers.delete(modal.id);
            // A dialog's own action may have moved the focus on purpose (new screen, next field).
            if (document.activeElement !== document.body && !document.activeElement?.closest(".fr-modal")) return;
            const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>("main h1");
            if (target) {
                if (target.tagName === "H1") target.tabIndex = -1;
                target.focus();
            }
        }
    });
}

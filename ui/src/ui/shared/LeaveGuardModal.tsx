/**
 * Asks before leaving a screen that holds a value not saved (refused as invalid): the change of
 * screen was held back by the router; "Rester sur la page" keeps the person where they are, on
 * the first field to correct, "Quitter sans enregistrer" goes on. Escape stays.
 */
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useIsModalOpen } from "@codegouvfr/react-dsfr/Modal/useIsModalOpen";
import { useEffect, useRef } from "react";
import { useT } from "../i18n";
import { leaveAnyway, stay, useHeldNavigation } from "../router";

/** A field in DSFR's error state. */
const FIELD_IN_ERROR = [".fr-input-group--error input", ".fr-input-group--error textarea", ".fr-select-group--error select", ".fr-fieldset--error input"].join(", ");

const leaveModal = createModal({ id: "leave-modal", isOpenedByDefault: false });

export function LeaveGuardModal() {
    const t = useT();
    const held = useHeldNavigation();
    const leaving = useRef(false);
    useEffect(() => {
        if (held !== null) {
            leaving.current = false;
            leaveModal.open();
        }
    }, [held]);
    useIsModalOpen(leaveModal, {
        onConceal: () => {
            if (leaving.current) return;
            stay();
            // After DSFR gives the focus back, on the first field to correct.
            setTimeout(() => document.querySelector<HTMLElement>(FIELD_IN_ERROR)?.focus(), 0);
        }
    });
    return (
        <leaveModal.Component
            title={t.leave.title}
            titleAs="h2"
            size="small"
            buttons={[
                { children: t.leave.stay, priority: "secondary", nativeButtonProps: { id: "leave-stay" } },
                {
                    children: t.leave.leave,
                    iconId: "fr-icon-logout-box-r-line",
                    nativeButtonProps: { id: "leave-anyway" },
                    onClick: () => {
                        leaving.current = true;
                        leaveAnyway();
                    }
                }
            ]}
        >
            <p id="leave-reason">{held?.reason ?? ""}</p>
        </leaveModal.Component>
    );
}

/**
 * A DSFR confirmation dialog for a definitive action. DSFR's script traps the focus inside
 * while open and closes it with Escape.
 */
import { useT } from "../i18n";
import { useFocusReturn, type ModalHandle } from "./modalFocus";

export function ConfirmModal(props: {
    modal: ModalHandle;
    title: string;
    message: string;
    confirmLabel: string;
    /** The confirm button's icon; a bin by default (deletions). */
    confirmIconId?: "fr-icon-delete-line" | "fr-icon-logout-box-r-line" | "fr-icon-close-circle-line";
    onConfirm: () => void;
}) {
    const t = useT();
    useFocusReturn(props.modal);
    const { Component } = props.modal;
    return (
        <Component
            title={props.title}
            titleAs="h2"
            size="small"
            buttons={[
                { children: t.app.cancel, priority: "secondary" },
                {
                    children: props.confirmLabel,
                    iconId: props.confirmIconId ?? "fr-icon-delete-line",
                    onClick: props.onConfirm,
                    nativeButtonProps: { "data-testid": "confirm" } as Record<string, string>
                }
            ]}
        >
            <p>{props.message}</p>
        </Component>
    );
}

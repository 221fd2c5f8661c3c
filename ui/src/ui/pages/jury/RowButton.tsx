/** A small button of a list's row (rename, change, remove), named after the row it acts on for screen readers. */
import { Button } from "@codegouvfr/react-dsfr/Button";

export function RowButton(props: {
    id?: string;
    iconId: "fr-icon-edit-line" | "fr-icon-delete-line";
    /** What the button says. */
    text: string;
    /** What it does to which row (« Retirer Awa du jury »). */
    label: string;
    onClick: () => void;
}) {
    return (
        <Button
            priority="tertiary no outline"
            size="small"
            iconId={props.iconId}
            id={props.id}
            title={props.label}
            nativeButtonProps={{ "aria-label": props.label }}
            onClick={props.onClick}
        >
            {props.text}
        </Button>
    );
}

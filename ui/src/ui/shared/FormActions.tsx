/** A form's buttons: the one that saves (it submits the form) and the one that cancels. */
import { Button } from "@codegouvfr/react-dsfr/Button";

export function FormActions(props: { submitId: string; submitLabel: string; busy: boolean; cancelLabel: string; onCancel: () => void }) {
    return (
        <div className="po-form-actions">
            <Button id={props.submitId} type="submit" iconId="fr-icon-save-line" disabled={props.busy}>
                {props.submitLabel}
            </Button>
            <Button type="button" priority="secondary" onClick={props.onCancel}>
                {props.cancelLabel}
            </Button>
        </div>
    );
}

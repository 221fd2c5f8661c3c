/** A failure that is not about one field, shown as a DSFR alert with the backend's sentence. */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Failure } from "../../core/bindings";
import { useT } from "../i18n";

export function FailureAlert(props: {
    failure: Failure | null;
    title?: string;
    onClose?: () => void;
    className?: string;
    /** Level of the alert's title in the page's outline; default h2. */
    as?: "h2" | "h3" | "h4";
}) {
    const t = useT();
    if (props.failure === null) return null;
    return (
        <Alert
            className={props.className ?? "fr-mb-3w"}
            severity="error"
            role="alert"
            title={props.title ?? t.app.errorTitle}
            description={props.failure.message}
            as={props.as ?? "h2"}
            {...(props.onClose ? { closable: true, isClosed: false, onClose: props.onClose } : {})}
        />
    );
}

/** A short confirmation ("… was deleted"), announced politely. */
export function SuccessNotice(props: { message: string | null; onClose: () => void }) {
    if (props.message === null) return null;
    return (
        <Alert
            className="fr-mb-3w"
            severity="success"
            small
            role="status"
            description={props.message}
            closable
            isClosed={false}
            onClose={props.onClose}
        />
    );
}

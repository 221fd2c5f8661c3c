/**
 * Says, before anyone types, why the person signed in may read something but not change it (the
 * server would refuse the change: the rule is the backend's, see `ReadOnly`).
 */
import type { ReadOnly } from "../../core/bindings";
import { useT } from "../i18n";

/** `message`: what to say instead of the commitment's wording (a workshop is run, not carried). */
export function ReadOnlyNotice(props: { readOnly: ReadOnly | null; id?: string; message?: string }) {
    const t = useT();
    if (props.readOnly === null) return null;
    const r = props.readOnly;
    const message =
        props.message ??
        (r.kind === "reader"
            ? t.readOnly.reader
            : r.kind === "otherInstitution"
              ? t.readOnly.otherInstitution(r.lead)
              : r.kind === "library"
                ? t.readOnly.library(r.country)
                : t.readOnly.coordinationOnly);
    return (
        <div className="fr-notice fr-notice--info fr-mb-3w" id={props.id} data-testid="read-only">
            <div className="fr-container">
                <div className="fr-notice__body">
                    <p className="fr-notice__title">
                        <span className="fr-sr-only">{t.readOnly.title} : </span>
                        {message}
                    </p>
                </div>
            </div>
        </div>
    );
}

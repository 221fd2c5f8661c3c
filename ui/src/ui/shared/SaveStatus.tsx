/**
 * The screen's saving state: saving, saved (with the time), or not saved. The commitment editor
 * shows it in its sticky side column, so that it stays in sight while scrolling.
 */
import type { Autosave } from "../../core/autosave";
import { formatTime } from "../i18n/format";
import { useLocale, useT } from "../i18n";

export function SaveStatus(props: { autosave: Autosave }) {
    const t = useT();
    const locale = useLocale();
    const { busy, errors, lastSavedAt } = props.autosave.summary();
    let text: string;
    let className = "po-save-status";
    if (errors > 0) {
        text = t.commitment.unsaved(errors);
        className += " po-save-status--error";
    } else if (busy > 0) {
        text = t.commitment.saving;
        className += " po-save-status--busy";
    } else if (lastSavedAt !== null) {
        text = t.commitment.savedAt(formatTime(lastSavedAt, locale));
        className += " po-save-status--saved";
    } else {
        text = t.commitment.allSaved;
    }
    return (
        <p className={className} data-testid="save-status" role="status" aria-live="polite">
            <span
                className={
                    errors > 0 ? "fr-icon-error-warning-line" : busy > 0 ? "fr-icon-refresh-line" : "fr-icon-check-line"
                }
                aria-hidden="true"
            />{" "}
            {text}
        </p>
    );
}

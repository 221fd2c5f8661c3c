/** A change of a session's records, then the session read again. */
import type { Failure } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";

/** Makes `change`, reads the session again and puts the focus on `focusId`; a refusal goes to `onFailure`. */
export async function changeThenReload(change: () => Promise<unknown>, reload: () => Promise<void>, focusId: string, onFailure: (failure: Failure) => void) {
    try {
        await change();
        await reload();
        document.getElementById(focusId)?.focus();
    } catch (error) {
        onFailure(toFailure(error));
    }
}

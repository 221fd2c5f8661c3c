/**
 * Whether the person is in the middle of typing: the field that has the keyboard focus was
 * changed since it got it. Screens read this before replacing their data with what the server
 * sent, so that nothing moves under the cursor. One listener for the whole document.
 */
let typedIn: EventTarget | null = null;

if (typeof document !== "undefined") {
    document.addEventListener("input", event => {
        typedIn = event.target;
    }, true);
    document.addEventListener("focusout", event => {
        if (event.target === typedIn) typedIn = null;
    }, true);
}

export function isTypingInField(): boolean {
    if (typeof document === "undefined") return false;
    const active = document.activeElement;
    if (active === null || active !== typedIn) return false;
    return active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement || active instanceof HTMLSelectElement;
}

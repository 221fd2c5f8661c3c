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
    if (active instanceof HTMLTextAreaElement) return true;
    // Text typed in, not a choice made (a checkbox or a list saves at once and loses nothing).
    return active instanceof HTMLInputElement && !NOT_TYPED.has(active.type);
}

const NOT_TYPED = new Set(["checkbox", "radio", "range", "color", "file", "button", "submit", "reset"]);

/** The accessibility statement the footer links to. */
import { useT } from "../../i18n";

export function AccessibilityPage() {
    const t = useT();
    return (
        <>
            <h1>{t.accessibility.title}</h1>
            <p>{t.accessibility.status}</p>
            <p>{t.accessibility.tested}</p>
            <p>{t.accessibility.contact}</p>
        </>
    );
}

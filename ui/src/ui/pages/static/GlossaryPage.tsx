/**
 * The glossary the footer links to: the words of the OGP and of its action plans, in the
 * interface's language, each with its equivalent in the other language (marked as such for
 * screen readers), from `i18n/glossary.ts`.
 */
import { useLocale, useT } from "../../i18n";
import { GLOSSARY } from "../../i18n/glossary";

export function GlossaryPage() {
    const t = useT();
    const locale = useLocale();
    const other = locale === "fr" ? "en" : "fr";
    return (
        <>
            <h1>{t.glossary.title}</h1>
            <p className="fr-text--lead">{t.glossary.intro}</p>
            <nav aria-label={t.glossary.contents} className="fr-mb-4w">
                <ul className="fr-tags-group">
                    {GLOSSARY.map(entry => (
                        <li key={entry.id}>
                            <a className="fr-tag" href={`#glossary-${entry.id}`} onClick={e => jump(e, entry.id)}>
                                {entry[locale].term}
                            </a>
                        </li>
                    ))}
                </ul>
            </nav>
            <dl className="po-glossary" id="glossary">
                {GLOSSARY.map(entry => (
                    <div key={entry.id} className="po-glossary__entry">
                        <dt id={`glossary-${entry.id}`} tabIndex={-1} className="fr-h6 fr-mb-1v">
                            {entry[locale].term}
                        </dt>
                        <dd className="fr-mb-3w fr-ml-0">
                            <p className="fr-text--sm fr-mb-1v po-muted">
                                {t.glossary.otherLanguage} <span lang={other}>{entry[other].term}</span>
                            </p>
                            <p className="fr-mb-0">{entry[locale].definition}</p>
                        </dd>
                    </div>
                ))}
            </dl>
        </>
    );
}

/** Goes to a term without touching the URL (the hash holds the route). */
function jump(event: { preventDefault: () => void }, id: string) {
    event.preventDefault();
    const term = document.getElementById(`glossary-${id}`);
    term?.scrollIntoView({ block: "start" });
    term?.focus({ preventScroll: true });
}

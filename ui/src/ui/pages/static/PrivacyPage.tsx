/**
 * What personal data the app keeps, why, who sees it, for how long and how to exercise one's
 * rights (`#/donnees-personnelles`, linked from the footer and from each workshop's page): the
 * participants of workshops first, then the officials who use the app. The words are in the
 * i18n files (`privacy`).
 */
import { useT, type Messages } from "../../i18n";

export function PrivacyPage() {
    const t = useT();
    const p = t.privacy;
    return (
        <div className="po-measure po-privacy">
            <h1>{p.title}</h1>
            <p className="fr-text--lead">{p.intro}</p>
            <nav aria-labelledby="privacy-contents" className="fr-summary fr-mb-4w">
                <p className="fr-summary__title" id="privacy-contents">
                    {p.contents}
                </p>
                <ol>
                    {parts(p.sections).map(part => (
                        <li key={part.head.id}>
                            <SummaryLink id={part.head.id} title={part.head.title} />
                            {part.subs.length > 0 && (
                                <ol>
                                    {part.subs.map(section => (
                                        <li key={section.id}>
                                            <SummaryLink id={section.id} title={section.title} />
                                        </li>
                                    ))}
                                </ol>
                            )}
                        </li>
                    ))}
                </ol>
            </nav>
            {p.sections.map(section => (
                <section key={section.id} aria-labelledby={`privacy-${section.id}`}>
                    {section.sub ? (
                        <h3 id={`privacy-${section.id}`} className="fr-h5" tabIndex={-1}>
                            {section.title}
                        </h3>
                    ) : (
                        <h2 id={`privacy-${section.id}`} className="fr-h3 fr-mt-5w" tabIndex={-1}>
                            {section.title}
                        </h2>
                    )}
                    {section.paragraphs.map(paragraph => (
                        <p key={paragraph}>{paragraph}</p>
                    ))}
                    {section.items.length > 0 && (
                        <ul>
                            {section.items.map(item => (
                                <li key={item}>{item}</li>
                            ))}
                        </ul>
                    )}
                </section>
            ))}
        </div>
    );
}

type Section = Messages["privacy"]["sections"][number];

/** The sections, each with the parts under it. */
function parts(sections: readonly Section[]): { head: Section; subs: Section[] }[] {
    const grouped: { head: Section; subs: Section[] }[] = [];
    for (const section of sections) {
        const last = grouped.at(-1);
        if (section.sub && last) last.subs.push(section);
        else grouped.push({ head: section, subs: [] });
    }
    return grouped;
}

/** Moves to a part of the page without changing the address (the hash holds the route). */
function SummaryLink(props: { id: string; title: string }) {
    return (
        <a
            className="fr-summary__link"
            href={`#privacy-${props.id}`}
            onClick={e => {
                e.preventDefault();
                const heading = document.getElementById(`privacy-${props.id}`);
                heading?.scrollIntoView({ block: "start" });
                heading?.focus({ preventScroll: true });
            }}
        >
            {props.title}
        </a>
    );
}

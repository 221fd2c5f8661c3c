/**
 * DSFR pagination (`fr-pagination`) for a list cut into pages on this side: buttons rather than
 * links, since a page of a list is not an address of the app. Nothing when there is one page.
 * After a change of page the focus goes to `focusId` (the list's count), at the top of the new
 * page, rather than staying at the bottom of the previous one.
 */
import { useT } from "../i18n";
import { pageNumbers } from "./listView";

export function Pager(props: { id: string; page: number; pageCount: number; onPage: (page: number) => void; focusId: string }) {
    const t = useT();
    const { page, pageCount } = props;
    if (pageCount <= 1) return null;
    const go = (to: number) => {
        props.onPage(to);
        requestAnimationFrame(() => document.getElementById(props.focusId)?.focus());
    };
    const step = (to: number, className: string, label: string) => (
        <li>
            <button type="button" className={`fr-pagination__link ${className}`} disabled={to === page} onClick={() => go(to)}>
                {label}
            </button>
        </li>
    );
    return (
        <nav id={props.id} className="fr-pagination fr-mt-3w" aria-label={t.lists.pagination}>
            <ul className="fr-pagination__list">
                {step(1, "fr-pagination__link--first", t.lists.firstPage)}
                {step(Math.max(1, page - 1), "fr-pagination__link--prev fr-pagination__link--lg-label", t.lists.previousPage)}
                {pageNumbers(page, pageCount).map((n, i) =>
                    n === null ? (
                        <li key={`gap-${i}`}>
                            <span className="fr-pagination__link" aria-hidden="true">
                                …
                            </span>
                        </li>
                    ) : (
                        <li key={n}>
                            <button
                                type="button"
                                className="fr-pagination__link"
                                aria-current={n === page ? "page" : undefined}
                                aria-label={t.lists.page(n)}
                                onClick={() => n !== page && go(n)}
                            >
                                {n}
                            </button>
                        </li>
                    )
                )}
                {step(Math.min(pageCount, page + 1), "fr-pagination__link--next fr-pagination__link--lg-label", t.lists.nextPage)}
                {step(pageCount, "fr-pagination__link--last", t.lists.lastPage)}
            </ul>
        </nav>
    );
}

/**
 * Above a long list: a search field, the list's own filter, "Trier par", then the count
 * ("12 plans sur 150", announced as it changes) and "Effacer les filtres". `useListState` keeps
 * what they are set to; any change brings the list back to its first page.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type ReactNode } from "react";
import { useT } from "../i18n";

/** Below this many, a list is read at a glance: no controls above it (unless they narrow it now). */
export const SEARCHABLE_FROM = 10;

export type ListState<F extends string, S extends string> = {
    query: string;
    filter: F;
    sort: S;
    page: number;
};

export function useListState<F extends string, S extends string>(initial: { filter: F; sort: S }) {
    const [state, setState] = useState<ListState<F, S>>({ query: "", page: 1, ...initial });
    return {
        ...state,
        /** A search or a filter narrows the list. */
        narrowed: state.query.trim() !== "" || state.filter !== initial.filter,
        setQuery: (query: string) => setState(s => ({ ...s, query, page: 1 })),
        setFilter: (filter: F) => setState(s => ({ ...s, filter, page: 1 })),
        setSort: (sort: S) => setState(s => ({ ...s, sort, page: 1 })),
        setPage: (page: number) => setState(s => ({ ...s, page })),
        clear: () => setState(s => ({ ...s, query: "", filter: initial.filter, page: 1 }))
    };
}

export function ListControls<S extends string>(props: {
    /** Names the controls: `<id>-search`, `<id>-sort`, `<id>-count`. */
    id: string;
    title: string;
    searchLabel: string;
    searchHint: string;
    query: string;
    onQuery: (query: string) => void;
    /** The list's own filter (a DSFR select). */
    filter: ReactNode;
    sort: S;
    sorts: { value: S; label: string }[];
    onSort: (sort: S) => void;
    /** "12 plans sur 150". */
    count: string;
    narrowed: boolean;
    onClear: () => void;
}) {
    const t = useT();
    const { id } = props;
    return (
        <>
            <div role="search" className="po-filters" aria-label={props.title}>
                <div className="fr-grid-row fr-grid-row--gutters po-fields po-list-controls">
                    <div className="fr-col-12 fr-col-lg-5">
                        <Input
                            label={props.searchLabel}
                            hintText={`${props.searchHint} ${t.lists.ignoresCase}`}
                            iconId="fr-icon-search-line"
                            nativeInputProps={{
                                id: `${id}-search`,
                                type: "search",
                                value: props.query,
                                onChange: e => props.onQuery(e.target.value),
                                autoComplete: "off"
                            }}
                        />
                    </div>
                    <div className="fr-col-12 fr-col-md-6 fr-col-lg-4">{props.filter}</div>
                    <div className="fr-col-12 fr-col-md-6 fr-col-lg-3">
                        <Select
                            label={t.lists.sortBy}
                            nativeSelectProps={{ id: `${id}-sort`, value: props.sort, onChange: e => props.onSort(e.target.value as S) }}
                        >
                            {props.sorts.map(sort => (
                                <option key={sort.value} value={sort.value}>
                                    {sort.label}
                                </option>
                            ))}
                        </Select>
                    </div>
                </div>
            </div>
            <div className="po-filter-result">
                {/* Focused after a change of page: the top of the new page. */}
                <p id={`${id}-count`} className="fr-mb-0 fr-text--bold" role="status" tabIndex={-1}>
                    {props.count}
                </p>
                {props.narrowed && (
                    <Button priority="tertiary no outline" size="small" iconId="fr-icon-close-circle-line" onClick={props.onClear}>
                        {t.lists.clearFilters}
                    </Button>
                )}
            </div>
        </>
    );
}

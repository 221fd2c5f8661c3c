/**
 * The rows of a long list, rendered only near the screen: a national plan's area may hold
 * thousands of commitments, and the page would otherwise build (and the web view keep) every one
 * of them. The rows come in blocks; a block far from the screen is one empty item of the height
 * its rows had (or are estimated to have), and comes back as the person scrolls or moves the
 * focus towards it. Short lists are rendered whole.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

/** Lists up to this long are rendered whole. */
const WHOLE_UP_TO = 120;
/** Rows per block. */
const BLOCK = 20;
/** How far beyond the screen a block is rendered: more than a block's height, so that a block
 * in view always has its first or last row within reach. */
const REACH_PX = 1200;

export function WindowedRows<T>(props: { items: T[]; keyOf: (item: T) => string; render: (item: T) => ReactNode; rowEstimatePx: number }) {
    const { items, keyOf, render, rowEstimatePx } = props;
    // The block holding the focus: it and its neighbours stay built, so that Tab always finds
    // the next row, however fast it is pressed.
    const [focused, setFocused] = useState(-1);
    if (items.length <= WHOLE_UP_TO) return <>{items.map(item => render(item))}</>;
    const blocks: T[][] = [];
    for (let i = 0; i < items.length; i += BLOCK) blocks.push(items.slice(i, i + BLOCK));
    return (
        <>
            {blocks.map((rows, index) => (
                <Block
                    key={`${keyOf(items[index * BLOCK] as T)}:${index}`}
                    rows={rows}
                    render={render}
                    estimatePx={rows.length * rowEstimatePx}
                    // The first blocks are on screen when the page opens.
                    startShown={index < 2}
                    nearFocus={focused >= 0 && Math.abs(index - focused) <= 1}
                    onFocusInside={() => setFocused(index)}
                />
            ))}
        </>
    );
}

function Block<T>(props: {
    rows: T[];
    render: (item: T) => ReactNode;
    estimatePx: number;
    startShown: boolean;
    nearFocus: boolean;
    onFocusInside: () => void;
}) {
    const [seen, setShown] = useState(props.startShown);
    const shown = seen || props.nearFocus;
    const { onFocusInside } = props;
    const [heightPx, setHeightPx] = useState(props.estimatePx);
    const spacer = useRef<HTMLLIElement>(null);
    const first = useRef<HTMLLIElement>(null);
    const last = useRef<HTMLLIElement>(null);

    useLayoutEffect(() => {
        const targets = (shown ? [first.current, last.current] : [spacer.current]).filter((t): t is HTMLLIElement => t !== null);
        if (targets.length === 0 || typeof IntersectionObserver === "undefined") return;
        const near = new Map<Element, boolean>();
        const observer = new IntersectionObserver(
            entries => {
                for (const entry of entries) near.set(entry.target, entry.isIntersecting);
                const anyNear = [...near.values()].some(Boolean);
                if (!shown && anyNear) setShown(true);
                if (
                    shown &&
                    !props.nearFocus &&
                    near.size === targets.length &&
                    !anyNear &&
                    first.current &&
                    last.current &&
                    !holdsFocus(first.current, last.current)
                ) {
                    // Far away: kept as the height it had, so that nothing on screen moves.
                    const top = first.current.getBoundingClientRect().top;
                    const bottom = last.current.getBoundingClientRect().bottom;
                    setHeightPx(Math.max(0, bottom - top));
                    setShown(false);
                }
            },
            { rootMargin: `${REACH_PX}px 0px` }
        );
        for (const target of targets) observer.observe(target);
        return () => observer.disconnect();
    }, [shown, props.nearFocus]);

    useLayoutEffect(() => {
        if (!shown) return;
        const onFocusIn = () => {
            if (first.current && last.current && holdsFocus(first.current, last.current)) onFocusInside();
        };
        document.addEventListener("focusin", onFocusIn);
        return () => document.removeEventListener("focusin", onFocusIn);
    }, [shown, onFocusInside]);

    if (!shown) {
        return <li ref={spacer} aria-hidden="true" className="po-rows-spacer" style={{ height: `${heightPx}px` }} />;
    }
    return (
        <>
            <li ref={first} aria-hidden="true" className="po-rows-edge" />
            {props.rows.map(row => props.render(row))}
            <li ref={last} aria-hidden="true" className="po-rows-edge" />
        </>
    );
}

/** Whether the element with the focus lies between a block's two edges: such a block stays
 * (removing it would send the focus back to the top of the page). */
function holdsFocus(first: Element, last: Element): boolean {
    const focused = document.activeElement;
    if (focused === null || focused === document.body) return false;
    return (
        (first.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
        (last.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_PRECEDING) !== 0
    );
}

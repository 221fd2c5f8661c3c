/**
 * A commitment's number and its milestones' come from the core, which numbers the parts of a plan
 * by one rule for the screen and the printable plan (`crates/domain/src/numbering.rs`): the screen
 * never numbers anything itself. When milestones are added, moved or deleted, or the commitment
 * moves to another area, the numbers are read again.
 */
import { useEffect, useRef } from "react";
import type { CommitmentDetail } from "../../../core/bindings";
import type { Backend } from "../../../core/backend";

export function useFreshNumbers(
    detail: CommitmentDetail,
    setDetail: (update: (previous: CommitmentDetail) => CommitmentDetail) => void,
    backend: Backend
): void {
    const id = detail.commitment.id;
    const order = `${detail.commitment.areaId}|${detail.milestones.map(m => m.id).join(",")}`;
    const numbered = useRef(order);
    useEffect(() => {
        if (order === numbered.current) return;
        numbered.current = order;
        backend.getCommitment(id).then(
            fresh => {
                // Only the answer for the latest order counts.
                if (numbered.current === order) {
                    setDetail(d => ({ ...d, number: fresh.number, milestoneNumbers: fresh.milestoneNumbers }));
                }
            },
            // The numbers stay as they were; the next change or opening reads them again.
            () => undefined
        );
    }, [order, id, backend, setDetail]);
}

/** The top of a conflict or refused change: the kind of record, its title (a link to it), and a line about it. */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ReactNode } from "react";
import type { SyncRecordKind } from "../../../core/bindings";
import { useT } from "../../i18n";
import { href } from "../../router";

export function RecordHead(props: { titleId: string; kind: SyncRecordKind; title: string; commitmentId: string | null; meta: ReactNode }) {
    const t = useT();
    return (
        <div className="po-sync-item__head">
            <Badge as="span" small noIcon severity="info">
                {t.sync.inbox.kinds[props.kind]}
            </Badge>
            <h3 id={props.titleId} className="fr-h5 fr-mt-1w fr-mb-1v po-break">
                {props.commitmentId !== null ? <a href={href.commitment(props.commitmentId)}>{props.title}</a> : props.title}
            </h3>
            <p className="po-sync-item__meta">{props.meta}</p>
        </div>
    );
}

/** A value as it was written, paragraphs kept; "(empty)" for nothing. */
export function TextBlock(props: { id?: string; text: string; testId?: string }) {
    const t = useT();
    return (
        <div id={props.id} className="po-version__text" data-testid={props.testId}>
            {props.text === "" ? <span className="po-muted">{t.sync.inbox.empty}</span> : props.text}
        </div>
    );
}

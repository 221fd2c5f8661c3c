/**
 * A plan of another country imported as a reference stays on this laptop until someone shares
 * it. Sharing asks first, saying how many changes it will send (the backend's dry run), then
 * queues the plan and everything in it for the server.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import type { Plan } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";

export function LibraryShare(props: { plan: Plan; onShared: () => void }) {
    const t = useT();
    const s = t.library;
    const backend = useBackend();
    const [asking, setAsking] = useState<number | null>(null);
    const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
    if (!props.plan.library && message === null) return null;
    const ask = () => {
        setMessage(null);
        backend.previewShareLibraryPlan(props.plan.id).then(setAsking, error => setMessage({ error: true, text: toFailure(error).message }));
    };
    const share = () =>
        backend.shareLibraryPlan(props.plan.id).then(
            queued => {
                setAsking(null);
                setMessage({ error: false, text: s.shared(queued) });
                props.onShared();
            },
            error => {
                setAsking(null);
                setMessage({ error: true, text: toFailure(error).message });
            }
        );
    return (
        <div className="fr-mb-3w" id="library-share">
            {props.plan.library && asking === null && (
                <Button id="library-share-start" priority="secondary" iconId="fr-icon-upload-line" onClick={ask}>
                    {s.share}
                </Button>
            )}
            {asking !== null && (
                <div role="group" aria-labelledby="library-share-ask" className="po-card fr-p-2w">
                    <p id="library-share-ask">{s.ask(asking)}</p>
                    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                        <li>
                            <Button id="library-share-confirm" onClick={() => void share()}>
                                {s.confirm}
                            </Button>
                        </li>
                        <li>
                            <Button priority="secondary" onClick={() => setAsking(null)}>
                                {t.app.cancel}
                            </Button>
                        </li>
                    </ul>
                </div>
            )}
            {message !== null && (
                <p id="library-share-result" role={message.error ? "alert" : "status"} className={message.error ? "fr-error-text" : "fr-valid-text"}>
                    {message.text}
                </p>
            )}
        </div>
    );
}

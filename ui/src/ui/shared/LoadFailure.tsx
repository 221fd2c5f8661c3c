/** A screen whose data could not be loaded: says why (the backend's sentence) and leads back home. */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Failure } from "../../core/bindings";
import { useT } from "../i18n";
import { href } from "../router";

export function LoadFailure(props: { failure: Failure }) {
    const t = useT();
    return (
        <>
            <h1>{props.failure.code === "notFound" ? t.app.notFoundTitle : t.app.errorTitle}</h1>
            <Alert className="fr-mb-3w" severity="error" small description={props.failure.message} />
            <Button linkProps={{ href: href.plans() }} priority="secondary">
                {t.app.backHome}
            </Button>
        </>
    );
}

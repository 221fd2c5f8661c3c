import { Button } from "@codegouvfr/react-dsfr/Button";
import { useT } from "../../i18n";
import { href } from "../../router";

export function NotFoundPage() {
    const t = useT();
    return (
        <>
            <h1>{t.app.notFoundTitle}</h1>
            <p>{t.app.notFoundText}</p>
            <Button linkProps={{ href: href.plans() }}>{t.app.backHome}</Button>
        </>
    );
}

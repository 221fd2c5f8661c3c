import { useT } from "../i18n";

export function Loading() {
    const t = useT();
    return (
        <p className="fr-py-6w" role="status">
            {t.app.loading}
        </p>
    );
}

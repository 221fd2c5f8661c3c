/**
 * The frame of every screen (DSFR header with navigation and language switch, footer with the
 * display settings) and the screen the route names.
 */
import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { useEffect, useRef, useState } from "react";
import type { Failure, Locale } from "../core/bindings";
import { toFailure } from "../core/backend";
import { useBackend } from "./backendContext";
import { applyLocale, useLocale, useT } from "./i18n";
import { CommitmentPage } from "./pages/commitment/CommitmentPage";
import { DashboardPage } from "./pages/dashboard/DashboardPage";
import { RoundPage } from "./pages/rounds/RoundPage";
import { JuryScoringPage } from "./pages/jury/JuryScoringPage";
import { JurySessionPage } from "./pages/jury/JurySessionPage";
import { JurySessionsPage } from "./pages/jury/JurySessionsPage";
import { RoomPage } from "./pages/workshops/RoomPage";
import { WorkshopPage } from "./pages/workshops/WorkshopPage";
import { WorkshopsPage } from "./pages/workshops/WorkshopsPage";
import { TodoPage } from "./pages/todo/TodoPage";
import { ImportPage } from "./pages/import/ImportPage";
import { InstitutionsPage } from "./pages/institutions/InstitutionsPage";
import { OverviewPage } from "./pages/overview/OverviewPage";
import { PlansPage } from "./pages/plans/PlansPage";
import { SyncInboxPage } from "./pages/sync/SyncInboxPage";
import { SyncSettingsPage } from "./pages/sync/SyncSettingsPage";
import { AccessibilityPage } from "./pages/static/AccessibilityPage";
import { GlossaryPage } from "./pages/static/GlossaryPage";
import { PrivacyPage } from "./pages/static/PrivacyPage";
import { NotFoundPage } from "./pages/static/NotFoundPage";
import { href, useRoute, type Route } from "./router";
import { FailureAlert } from "./shared/FailureAlert";
import { SyncStatusProvider } from "./shared/syncStatus";
import { SyncStatusBar } from "./shared/SyncStatusBar";
import { DeletionNotice } from "./shared/DeletionNotice";
import { LeaveGuardModal } from "./shared/LeaveGuardModal";

const BRAND_TOP = (
    <>
        République
        <br />
        Française
    </>
);

export function App() {
    const t = useT();
    const route = useRoute();
    const [localeFailure, setLocaleFailure] = useState<Failure | null>(null);
    const routeKey = JSON.stringify(route);
    useRouteFocus(routeKey);

    // « Mode atelier »: the shared laptop in the room shows the capture alone, without the app's
    // navigation (a participant never reaches the workshop's page and its participants' names).
    if (route.name === "workshopRoom") {
        return (
            <main id="contenu" className="fr-container fr-pt-3w fr-pb-8w po-main po-room-main" tabIndex={-1}>
                <RoomPage key={route.workshopId} workshopId={route.workshopId} />
            </main>
        );
    }
    // The jury room's shared laptop likewise: a juror never reaches the session's page, its
    // ranking or the others' sheets from the scoring screen.
    if (route.name === "juryScoring") {
        return (
            <main id="contenu" className="fr-container fr-pt-3w fr-pb-8w po-main" tabIndex={-1}>
                <JuryScoringPage key={route.sessionId} sessionId={route.sessionId} />
            </main>
        );
    }

    const languageItems = (["fr", "en"] as const).map(lang => (
        <LanguageButton key={lang} lang={lang} onFailure={setLocaleFailure} />
    ));

    return (
        <SyncStatusProvider>
            <SkipLinks
                links={[
                    { label: t.app.skipToContent, anchor: "#contenu" },
                    { label: t.app.skipToFooter, anchor: "#fr-footer" }
                ]}
            />
            <Header
                brandTop={BRAND_TOP}
                serviceTitle={t.app.serviceTitle}
                serviceTagline={t.app.serviceTagline}
                homeLinkProps={{ href: href.plans(), title: t.app.homeTitle }}
                quickAccessItems={languageItems}
                navigation={[
                    {
                        text: t.app.navPlans,
                        linkProps: { href: href.plans(), id: "nav-plans" },
                        isActive:
                            route.name === "plans" ||
                            route.name === "overview" ||
                            route.name === "dashboard" ||
                            route.name === "commitment" ||
                            route.name === "workshops" ||
                            route.name === "workshop" ||
                            route.name === "juries" ||
                            route.name === "jurySession"
                    },
                    {
                        text: t.todo.nav,
                        linkProps: { href: href.todo(), id: "nav-todo" },
                        isActive: route.name === "todo"
                    },
                    {
                        text: t.app.navImport,
                        linkProps: { href: href.importOgp(), id: "nav-import" },
                        isActive: route.name === "importOgp"
                    },
                    {
                        text: t.app.navInstitutions,
                        linkProps: { href: href.institutions(), id: "nav-institutions" },
                        isActive: route.name === "institutions"
                    },
                    {
                        text: t.app.navSync,
                        linkProps: { href: href.sync(), id: "nav-sync" },
                        isActive: route.name === "sync" || route.name === "syncInbox"
                    }
                ]}
            />
            <SyncStatusBar />
            <main id="contenu" className="fr-container fr-pt-4w fr-pb-8w po-main" tabIndex={-1}>
                <FailureAlert failure={localeFailure} onClose={() => setLocaleFailure(null)} />
                <DeletionNotice />
                <Screen route={route} />
            </main>
            <LeaveGuardModal />
            <Footer
                accessibility="partially compliant"
                accessibilityLinkProps={{ href: href.accessibility() }}
                contentDescription={t.app.footerDescription}
                domains={[]}
                license={t.app.license}
                bottomItems={[
                    { text: t.glossary.title, linkProps: { href: href.glossary(), id: "footer-glossary" } },
                    { text: t.privacy.footer, linkProps: { href: href.privacy(), id: "footer-privacy" } },
                    headerFooterDisplayItem
                ]}
            />
        </SyncStatusProvider>
    );
}

function Screen(props: { route: Route }) {
    const { route } = props;
    switch (route.name) {
        case "plans":
            return <PlansPage />;
        case "overview":
            return <OverviewPage key={route.planId} planId={route.planId} />;
        case "dashboard":
            return <DashboardPage key={route.planId} planId={route.planId} />;
        case "commitment":
            return <CommitmentPage key={route.commitmentId} commitmentId={route.commitmentId} milestoneId={route.milestoneId} />;
        case "todo":
            return <TodoPage />;
        case "round":
            return <RoundPage key={route.roundId} roundId={route.roundId} />;
        case "workshops":
            return <WorkshopsPage key={route.planId} planId={route.planId} />;
        case "workshop":
            return <WorkshopPage key={route.workshopId} workshopId={route.workshopId} />;
        case "workshopRoom":
            return <RoomPage key={route.workshopId} workshopId={route.workshopId} />;
        case "juries":
            return <JurySessionsPage key={route.planId} planId={route.planId} />;
        case "jurySession":
            return <JurySessionPage key={route.sessionId} sessionId={route.sessionId} />;
        case "juryScoring":
            return <JuryScoringPage key={route.sessionId} sessionId={route.sessionId} />;
        case "privacy":
            return <PrivacyPage />;
        case "institutions":
            return <InstitutionsPage />;
        case "importOgp":
            return <ImportPage />;
        case "sync":
            return <SyncSettingsPage />;
        case "syncInbox":
            return <SyncInboxPage key={route.section} section={route.section} />;
        case "accessibility":
            return <AccessibilityPage />;
        case "glossary":
            return <GlossaryPage />;
        case "notFound":
            return <NotFoundPage />;
    }
}

/**
 * A language button of the header. The header clones its quick access items twice (desktop
 * and mobile menu) and gives each an id; the mobile copy's ids end with `-mobile`.
 */
function LanguageButton(props: { lang: Locale; id?: string; onFailure: (failure: Failure) => void }) {
    const t = useT();
    const backend = useBackend();
    const current = useLocale();
    const mobile = props.id?.endsWith("-mobile") ?? false;
    const label = props.lang === "fr" ? t.app.languageFr : t.app.languageEn;
    const active = current === props.lang;
    async function choose() {
        if (active) return;
        try {
            await backend.setLocale(props.lang);
            applyLocale(props.lang);
        } catch (error) {
            props.onFailure(toFailure(error));
        }
    }
    return (
        <button
            type="button"
            id={`lang-${props.lang}${mobile ? "-mobile" : ""}`}
            className={`fr-btn ${props.lang === "fr" ? "fr-icon-translate-2" : ""} po-lang${active ? " po-lang--active" : ""}`}
            lang={props.lang}
            aria-pressed={active}
            onClick={() => void choose()}
        >
            {label}
        </button>
    );
}

/**
 * After navigation, start at the top and put the keyboard focus on the new screen's title (not on
 * the first screen: the person has not moved yet). A screen opened at one of its parts marks it
 * `data-route-focus`: the focus goes there instead, scrolled into view; one that starts with a field
 * to fill marks it `data-autofocus`, and the focus goes into it. The window's title follows the
 * screen's.
 */
function useRouteFocus(routeKey: string) {
    const first = useRef(true);
    useEffect(() => {
        const initial = first.current;
        first.current = false;
        if (!initial) window.scrollTo(0, 0);
        // The screen may still be loading its data: wait for its title.
        let tries = 0;
        const timer = setInterval(() => {
            const heading = document.querySelector<HTMLElement>("main h1");
            if (heading || ++tries > 40) {
                clearInterval(timer);
                if (heading) {
                    document.title = `${heading.textContent} — Plan ouvert`;
                    const part = document.querySelector<HTMLElement>("main [data-route-focus]");
                    // A screen that starts with a field to fill (the room's first step) marks it.
                    const field = document.querySelector<HTMLElement>("main [data-autofocus]");
                    if (field) {
                        field.focus();
                    } else if (part) {
                        part.tabIndex = -1;
                        part.scrollIntoView({ block: "start" });
                        part.focus({ preventScroll: true });
                    } else if (!initial) {
                        heading.tabIndex = -1;
                        heading.focus({ preventScroll: true });
                    }
                }
            }
        }, 25);
        return () => clearInterval(timer);
    }, [routeKey]);
}

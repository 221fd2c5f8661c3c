/** The interface's texts in English, translated from `fr.ts` (the source). */
import { LABELS } from "../../core/labels";
import { UNDO_SECONDS } from "../shared/undoWindow";
import type { Messages } from "./fr";

/** The template's labels, written once in the core (`crates/domain/src/labels.rs`). */
const L = LABELS.en;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** `1,020`. */
const count = (n: number) => new Intl.NumberFormat("en-GB").format(n);
/** "12 of 150 plans", or "150 plans" when nothing is left out. */
const outOf = (n: number, total: number, one: string, many: string) =>
    n === total ? `${count(n)} ${plural(n, one, many)}` : `${count(n)} of ${count(total)} ${many}`;

export const en: Messages = {
    app: {
        serviceTitle: "Plan ouvert",
        serviceTagline: "Co-creating the national action plan for open government",
        homeTitle: "Home — Plan ouvert",
        navPlans: "Action plans",
        navInstitutions: "Institutions",
        navSync: "Sync",
        navImport: "Import",
        footerDescription:
            "Plan ouvert helps public administrations draft, offline, France's national action plan for the Open Government Partnership (OGP).",
        license: "Unless stated otherwise, the contents of this application are available under the Etalab 2.0 open licence.",
        languageFr: "Français",
        languageEn: "English",
        languageCurrent: "current language",
        skipToContent: "Content",
        skipToFooter: "Footer",
        loading: "Loading…",
        retry: "Try again",
        errorTitle: "Something went wrong",
        notFoundTitle: "Page not found",
        notFoundText: "This page does not exist, or no longer does.",
        backHome: "Back to home",
        cancel: "Cancel",
        save: "Save",
        delete: "Delete",
        edit: "Edit",
        close: "Close",
        required: "required",
        none: "None",
        notSaved: "Not saved."
    },
    dates: {
        hint: "Day/month/year, for example 31/12/2026.",
        monthNames: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        problems: {
            unreadable: (text: string) => `“${text}” is not a date: type it as day/month/year, for example 31/12/2026.`,
            incomplete: "Incomplete date: type the day, the month and the year, for example 31/12/2026.",
            shortYear: "Type the year in full, with four digits: for example 31/12/2026, not 31/12/26.",
            month: (month: number) => `There is no month ${month}: type the day first, then the month (1 to 12), then the year.`,
            day: (day: number, month: string, year: number, last: number) => `There is no ${day} ${month} ${year}: that month has ${last} days.`
        }
    },
    glossary: {
        title: "Glossary",
        intro: "The words of the Open Government Partnership (OGP) and its action plans, as Plan ouvert uses them, with their French equivalent, the language of the French plan.",
        otherLanguage: "In French:",
        contents: "Glossary terms"
    },
    accessibility: {
        title: "Accessibility statement",
        status: "Plan ouvert partially complies with the French accessibility standard (RGAA 4.1).",
        tested:
            "Every screen is checked automatically (axe-core) in the light and dark themes, and can be used entirely with the keyboard.",
        contact: "If you cannot reach some content or feature, tell your ministry's open government team."
    },
    plans: {
        title: "Action plans",
        intro: "Choose a national action plan to see its engagement areas, commitments and milestones.",
        listTitle: "Your action plans",
        emptyTitle: "No action plan yet",
        emptyText:
            "Create your country's action plan with the form below, or load the demonstration plan (France's 2021-2023 national plan) to discover the application.",
        libraryBadge: "Library, read only",
        demoBadge: "Demonstration",
        countryLine: (country: string) => `Country: ${country}`,
        periodLine: (period: string) => `Period: ${period}`,
        open: "Open",
        loadDemo: "Load the demonstration plan",
        demoHint: "France's 2021-2023 national plan, with its six areas, to discover the application.",
        importOgp: "Import the OGP commitment database (CSV)",
        importOgpHint: "Action plans already published, their commitments and their assessment by the Independent Reporting Mechanism (IRM).",
        createTitle: "Create an action plan",
        fieldCountry: "Country",
        fieldCountryHint: "Or locality, for example “France”.",
        fieldTitle: "Title",
        fieldTitlePlaceholder: "France — National action plan 2021-2023",
        fieldPeriodStart: "Period start",
        fieldPeriodEnd: "Period end",
        submit: "Create the action plan",
        created: (title: string) => `The plan “${title}” was created.`,
        filtersTitle: "Search the action plans",
        search: "Search for a plan",
        searchHint: "Title or country.",
        allCountries: "All countries",
        ownCountries: "Countries of your plans",
        otherCountries: "Other countries",
        countryOption: (country: string, plans: number) => `${country} (${count(plans)})`,
        sorts: {
            ownFirst: "Your plans first, most recent first",
            periodDesc: "Period, most recent first",
            periodAsc: "Period, oldest first",
            title: "Title, A to Z",
            country: "Country, A to Z"
        },
        shown: (n: number, total: number) => outOf(n, total, "plan", "plans"),
        noMatch: "No plan matches your search."
    },
    overview: {
        breadcrumbHome: "Action plans",
        counts: (areas: number, commitments: number, milestones: number) =>
            `${areas} ${plural(areas, "area", "areas")}, ${commitments} ${plural(commitments, "commitment", "commitments")}, ${milestones} ${plural(milestones, "milestone", "milestones")}`,
        planLine: (country: string, period: string) => `${country} · Period: ${period}`,
        editPlan: "Edit the plan",
        editPlanTitle: "Edit the action plan",
        planSaved: "The action plan was updated.",
        filtersTitle: "Search the plan",
        search: "Search for a commitment",
        searchHint: "Title or text of a commitment, title of an area.",
        institution: "Institution",
        institutionHint: "Lead or supporting",
        allInstitutions: "All institutions",
        matching: (n: number) => `${n} ${plural(n, "commitment matches", "commitments match")} your search.`,
        noMatchTitle: "No commitment matches your search.",
        noMatchText: "Try other words or another institution.",
        noAreasTitle: "This plan has no engagement area yet",
        noAreasText: "Add a first engagement area to draft commitments in it.",
        areaNumber: (number: string) => `Area ${number}`,
        kind: { transversal: "Cross-cutting", thematic: "Thematic" },
        areaEmpty: "No commitment in this area yet.",
        addCommitment: "Add a commitment",
        addCommitmentIn: (area: string) => `Add a commitment to the area “${area}”`,
        newCommitmentTitle: "New commitment",
        newCommitmentField: "Commitment title",
        newCommitmentHint: "Concrete, actionable and measurable. You can change it later.",
        create: "Create",
        addArea: "Add an area",
        addAreaTitle: "Add an engagement area",
        editArea: "Rename",
        editAreaOf: (area: string) => `Rename the area “${area}”`,
        editAreaTitle: "Edit the engagement area",
        deleteArea: "Delete",
        deleteAreaOf: (area: string) => `Delete the area “${area}”`,
        deleteAreaTitle: "Delete the area",
        deleteAreaConfirm: (area: string) => `Delete the area “${area}”? You can undo the deletion for ${UNDO_SECONDS} seconds.`,
        areaFieldTitle: "Area title",
        areaFieldKind: "Kind of area",
        areaFieldDescription: "Description",
        areaDeleted: (area: string) => `The area “${area}” was deleted.`,
        leadPrefix: "Lead institution: ",
        noLead: "Lead institution to be chosen",
        milestones: (n: number) => `${n} ${plural(n, "milestone", "milestones")}`,
        completeness: (filled: number, total: number) => `${filled}/${total} fields filled in`,
        exportTitle: "Export the plan",
        exportIntro:
            "The plan as open data, to publish or share it, or as a workbook to open in a spreadsheet. You will choose where to save it; the CSV export goes into a folder (one file for the commitments, one for the milestones).",
        exportJson: "JSON (whole plan)",
        exportCsv: "CSV (commitments and milestones)",
        exportHtml: "Printable document (HTML)",
        exportXlsx: "Spreadsheet workbook (Excel, LibreOffice)",
        exporting: "Exporting…",
        exported: (path: string) => `Plan exported: ${path}`,
        exportFailedTitle: "The export did not succeed"
    },
    commitment: {
        breadcrumbArea: (area: string) => `Area: ${area}`,
        number: (number: string) => `Commitment ${number}`,
        titleLabel: L.commitment.title,
        areaLabel: L.commitment.areaId,
        areaHint: "To move the commitment to another area.",
        menuTitle: "Sections",
        menuButton: "Commitment sections",
        sections: { ...L.sections, origin: "Origin and assessment" },
        fields: {
            ...L.commitment,
            briefDescriptionHint: "In a few lines: what the commitment will change.",
            problemHint: "What problem does the commitment address?",
            doneSoFarHint: "What has been done until now to solve the problem.",
            expectedResultsHint: "Concrete, actionable and measurable.",
            participationHint: "In defining, implementing and monitoring solutions.",
            valuesHint: "The Open Government Partnership values the commitment contributes to.",
            supportingHint: "Public bodies that support the commitment.",
            otherSupportersHint: "Civil society, private sector, other actors.",
            contactEmailHint: "For example first.last@example.gouv.fr"
        },
        characters: (n: number, max: number) => `${n} / ${max} characters`,
        saving: "Saving…",
        savedAt: (time: string) => `Saved at ${time}`,
        allSaved: "Saved automatically",
        unsaved: (n: number) => `Not saved: ${n} ${plural(n, "field", "fields")} to correct`,
        saveFailedTitle: "A change could not be saved",
        deleteCommitment: "Delete the commitment",
        deleteCommitmentTitle: "Delete the commitment",
        deleteCommitmentConfirm: (title: string) =>
            `Delete the commitment “${title}” and all its milestones? You can undo the deletion for ${UNDO_SECONDS} seconds.`,
        deleted: (title: string) => `The commitment “${title}” was deleted.`
    },
    milestones: {
        title: L.milestone.list,
        intro: "The verifiable deliverables of the commitment, in the order they will be achieved.",
        empty: "No milestone yet.",
        heading: (number: string) => `Milestone ${number}`,
        fieldTitle: L.milestone.title,
        fieldTitleHint: "A verifiable result, for example “Publish the evaluation report”.",
        fieldExpectedOutputs: L.milestone.expectedOutputs,
        fieldStartDate: L.milestone.startDate,
        fieldDueDate: L.milestone.dueDate,
        fieldLead: L.milestone.leadInstitutionId,
        moveUp: (title: string) => `Move the milestone “${title}” up`,
        moveDown: (title: string) => `Move the milestone “${title}” down`,
        moveUpShort: "Up",
        moveDownShort: "Down",
        moved: (title: string, position: number) => `Milestone “${title}” moved to position ${position}.`,
        delete: (title: string) => `Delete the milestone “${title}”`,
        deleteTitle: "Delete the milestone",
        deleteConfirm: (title: string) => `Delete the milestone “${title}”? You can undo the deletion for ${UNDO_SECONDS} seconds.`,
        deleted: (title: string) => `The milestone “${title}” was deleted.`,
        addTitle: "Add a milestone",
        addSubmit: "Add the milestone",
        added: (title: string) => `The milestone “${title}” was added.`
    },
    picker: {
        instructions: "Type a few letters of the name or acronym, then choose from the list.",
        choose: "Choose an institution",
        add: "Add an institution",
        chosen: "Chosen institutions",
        recentGroup: "Recently chosen",
        othersGroup: "In alphabetical order",
        remove: (label: string) => `Remove ${label}`,
        picked: (label: string) => `Institution chosen: ${label}.`,
        removed: (label: string) => `Institution removed: ${label}.`,
        matching: (n: number) => `${count(n)} ${plural(n, "institution matches", "institutions match")}.`,
        noMatch: (query: string) => `No institution matches “${query}”.`,
        hidden: (n: number) =>
            `${count(n)} more ${plural(n, "institution is", "institutions are")} not shown: narrow your search by name or acronym.`
    },
    lists: {
        ignoresCase: "Accents and capitals are ignored.",
        sortBy: "Sort by",
        clearFilters: "Clear filters",
        pagination: "Pagination",
        firstPage: "First page",
        previousPage: "Previous page",
        nextPage: "Next page",
        lastPage: "Last page",
        page: (n: number) => `Page ${n}`
    },
    origin: {
        ...L.origin,
        intro: "Commitment imported from the OGP commitment database. This information comes from the source: it cannot be changed here.",
        newWindow: "new window",
        values: {
            accessToInformation: L.commitment.accessToInformation,
            civicParticipation: L.commitment.civicParticipation,
            publicAccountability: L.commitment.publicAccountability,
            technology: L.commitment.technologyInnovation
        },
        scales: L.scales,
        sourceColumns: "Other columns of the OGP database",
        rawDate: (text: string) => `Original date not interpreted: “${text}”`
    },
    importOgp: {
        title: "Import the OGP commitment database",
        intro: "Bring into Plan ouvert the action plans already published, their commitments and the assessment of each by the Independent Reporting Mechanism (IRM).",
        aboutTitle: "Before importing",
        file: "The file expected is the CSV export of the Open Government Partnership's commitment database, as the OGP publishes it.",
        allOrNothing: "All or nothing: if a row cannot be read, nothing is saved, and each problem is given with its row number.",
        again: "Importing the file again, or a newer version of it, updates what changed: nothing is ever created twice.",
        dates: "Dates are never guessed: an ambiguous date, such as “5/6/2019”, is read in the day/month or month/day order the other dates of its plan follow; when nothing tells, it stays empty. A year alone stays a year. The original text is always kept.",
        runTitle: "Import the file",
        runHint: "Plan ouvert will ask you to choose the CSV file on this computer. The import takes a few seconds.",
        start: "Choose the CSV file and import",
        running: "Importing…",
        progressLabel: "Import progress",
        opening: "Opening the file…",
        reading: (done: number, total: number) =>
            total > 0 ? `Reading the file… ${count(done)} / ${count(total)} ${plural(total, "row", "rows")}` : `Reading the file… ${count(done)} ${plural(done, "row", "rows")}`,
        writing: (done: number, total: number) => (total > 0 ? `Saving… ${count(done)} / ${count(total)}` : `Saving… ${count(done)}`),
        doneTitle: "Import complete",
        /** A number in a table, written as the language writes numbers. */
        number: (n: number) => count(n),
        rowsRead: (n: number) => `${count(n)} ${plural(n, "row read", "rows read")}; the data is saved on this computer.`,
        countsCaption: "What the import saved",
        kindHeader: "Data",
        created: "Created",
        updated: "Updated",
        unchanged: "Unchanged",
        kinds: {
            plans: "Action plans",
            areas: "Engagement areas",
            institutions: "Institutions",
            commitments: "Commitments"
        },
        warningsTitle: (n: number) => `${count(n)} ${plural(n, "point to check", "points to check")}`,
        warningsIntro: "The import saved everything; these values could not be taken as they were. Check them in the commitments concerned.",
        noWarnings: "Nothing to check.",
        warningsShow: (n: number) => `Show the ${count(n)} points to check`,
        warningsCaption: "Points to check, row by row",
        row: "Row",
        identifier: "Identifier",
        column: "Column",
        message: "Message",
        seePlans: "See the action plans",
        refusedTitle: "The file was not imported",
        failedTitle: "The import did not succeed",
        nothingWritten: "Nothing was saved. Correct the file, then import it again.",
        startChoice: "Choose the CSV file",
        readingDone: "File read: choose the plans to import.",
        choiceTitle: (file: string) => `What “${file}” holds`,
        choiceIntro: (rows: number, countries: number, plans: number) =>
            `${count(rows)} ${plural(rows, "commitment", "commitments")}, ${count(plans)} ${plural(plans, "action plan", "action plans")}, ${count(countries)} ${plural(countries, "country", "countries")}. Nothing is saved yet.`,
        choiceHelp: (country: string) =>
            `The plans of ${country} are chosen beforehand and will be sent to the server. Plans of other countries you tick stay on this computer, read only, as a reference library; their institutions are offered for their own plans only.`,
        search: "Search a country or a plan",
        searchHint: "For example “Kenya” or “2019”.",
        chooseShown: "Tick the plans shown",
        clearShown: "Untick the plans shown",
        plansCaption: "Action plans of the file, by country",
        country: "Country",
        plan: "Action plan",
        commitmentsHeader: "Commitments",
        datesHeader: "Reading of dates",
        shared: "To send to the server",
        library: "Library on this computer",
        alreadyHere: "Already imported",
        noPlanShown: "No plan matches this search.",
        chosen: (n: number) => `${count(n)} ${plural(n, "plan chosen", "plans chosen")}`,
        computing: "Working out what will be saved…",
        willWrite: (commitments: number, institutions: number) =>
            `To be saved: ${count(commitments)} ${plural(commitments, "commitment", "commitments")} and ${count(institutions)} ${plural(institutions, "institution", "institutions")} (created or updated).`,
        willSend: (n: number) =>
            n === 0 ? "No change will be sent to the server." : `${count(n)} ${plural(n, "change", "changes")} will be sent to the server at the next sync.`,
        willKeep: (n: number) => `${count(n)} ${plural(n, "record", "records")} will stay on this computer only (reference library).`,
        confirm: (n: number) => `Import ${n === 1 ? "the plan chosen" : `the ${count(n)} plans chosen`}`,
        cancelChoice: "Give up",
        sent: (n: number) => (n === 0 ? "Nothing is sent to the server." : `${count(n)} ${plural(n, "change waits", "changes wait")} to be sent to the server.`),
        kept: (n: number) => `${count(n)} ${plural(n, "record stays", "records stay")} on this computer, read only.`,
        undo: "Undo this import",
        undoAsk: (deleted: number, restored: number, queued: number) =>
            `Undoing the import will delete ${count(deleted)} ${plural(deleted, "record it created", "records it created")} and restore ${count(restored)} ${plural(restored, "record it changed", "records it changed")}; ${count(queued)} ${plural(queued, "change", "changes")} will be sent to the server.`,
        undoConfirm: "Confirm undoing",
        undoKeep: "Keep the import",
        undone: (deleted: number, restored: number) => `Import undone: ${count(deleted)} ${plural(deleted, "record", "records")} deleted, ${count(restored)} restored.`,
        pastTitle: "Past imports",
        pastEmpty: "No import to undo.",
        pastItem: (file: string, when: string, plans: number, library: number) =>
            `“${file}”, ${when}: ${count(plans)} ${plural(plans, "plan", "plans")}${library > 0 ? `, ${count(library)} in the library` : ""}`,
        warningKinds: {
            date: "Dates",
            institution: "Institutions",
            assessment: "IRM assessment",
            value: "Other values"
        },
        dateRulesTitle: (deduced: number) =>
            deduced === 0 ? "Reading of dates, plan by plan" : `Reading of dates, plan by plan: the day/month order deduced for ${count(deduced)} ${plural(deduced, "plan", "plans")}`,
        warningsSearch: "Search the points to check",
        warningsSort: "Sort by",
        sortByRow: "Row of the file",
        sortByCountry: "Country",
        noWarningShown: "No point to check matches.",
        onlyCountry: (country: string) => `Only the plans of ${country}`,
        warningPlan: "Action plan",
        allPlans: "All plans",
        showMore: (n: number) => `Show ${count(n)} more`,
        openCommitment: (identifier: string) => `Open commitment ${identifier}`
    },
    institutions: {
        title: "Institutions",
        intro: "The public institutions that lead or support commitments: ministries, independent authorities, Parliament, courts.",
        empty: "No institution yet. Add one, or load the demonstration plan from the home page.",
        caption: "Registered institutions",
        name: "Name",
        acronym: "Acronym",
        acronymHint: "Optional, for example “HATVP”.",
        kind: "Kind",
        actions: "Actions",
        kinds: {
            ministry: "Ministry",
            independentAuthority: "Independent administrative authority",
            parliament: "Parliament",
            court: "Court",
            other: "Other"
        },
        createTitle: "Add an institution",
        submit: "Add the institution",
        created: (name: string) => `The institution “${name}” was added.`,
        editOf: (name: string) => `Edit the institution “${name}”`,
        editTitle: "Edit the institution",
        saved: (name: string) => `The institution “${name}” was updated.`,
        deleteOf: (name: string) => `Delete the institution “${name}”`,
        deleteTitle: "Delete the institution",
        deleteConfirm: (name: string) => `Delete the institution “${name}”? This cannot be undone.`,
        deleted: (name: string) => `The institution “${name}” was deleted.`,
        refusedTitle: "Cannot delete",
        filtersTitle: "Search the institutions",
        search: "Search for an institution",
        searchHint: "Name or acronym.",
        allKinds: "All kinds",
        sorts: {
            name: "Name, A to Z",
            nameDesc: "Name, Z to A",
            acronym: "Acronym, A to Z",
            kind: "Kind, then name"
        },
        shown: (n: number, total: number) => outOf(n, total, "institution", "institutions"),
        noMatch: "No institution matches your search."
    },
    syncLine: {
        notSent: "Not sent to the server yet",
        sent: "Sent to the server",
        refused: (n: number) => `${count(n)} ${plural(n, "change", "changes")} refused by the server: see why`
    },
    leave: {
        title: "Leave the page?",
        unsaved: (n: number) =>
            `${count(n)} ${plural(n, "value typed is not saved", "values typed are not saved")}: ${plural(n, "it is refused", "they are refused")} as typed. If you leave the page, ${plural(n, "it will be lost", "they will be lost")}.`,
        stay: "Stay on the page",
        leave: "Leave without saving"
    },
    deletion: {
        undo: "Undo the deletion",
        restored: "Deletion undone: it is back in its place.",
        close: "Hide"
    },
    library: {
        share: "Share this plan with the server",
        ask: (n: number) =>
            `Sharing this plan sends it to the server with everything in it: ${count(n)} ${plural(n, "change", "changes")} at the next sync. Those the server allows may then change it.`,
        confirm: "Share",
        shared: (n: number) => `Plan shared: ${count(n)} ${plural(n, "change waits", "changes wait")} to be sent to the server.`
    },
    readOnly: {
        title: "Read only",
        reader: "Your reader role lets you read the plan, not change it.",
        otherInstitution: (lead: string) =>
            `This commitment is led by ${lead}: only its teams and the plan's coordination may change it. You can read it.`,
        coordinationOnly: "Only the plan's coordination may change the plan, its areas and the list of institutions. You can add and draft your institution's commitments.",
        library: (country: string) =>
            `Plan of ${country} kept as a reference on this computer: it can be read, not changed, and it is not sent to the server.`
    },
    sync: {
        when: {
            today: (time: string) => time,
            yesterday: (time: string) => `yesterday at ${time}`,
            other: (date: string, time: string) => `${date} at ${time}`
        },
        at: {
            today: (time: string) => `today at ${time}`,
            yesterday: (time: string) => `yesterday at ${time}`,
            other: (date: string, time: string) => `on ${date} at ${time}`
        },
        bar: {
            label: "Sync status",
            connection: {
                notConfigured: "Not set up",
                online: "Online",
                offline: "Offline",
                unauthorized: "Token refused"
            },
            pending: (n: number) => `${count(n)} ${plural(n, "change", "changes")} to send`,
            pendingLocal: (n: number) => `${count(n)} ${plural(n, "change", "changes")} saved on this computer`,
            allSent: "Everything sent",
            last: (when: string) => `Last sync: ${when}`,
            never: "Not synced yet",
            localOnly: "Your data stays on this computer.",
            configure: "Set up sync",
            newToken: "Enter a new token",
            conflicts: (n: number) => `${n} ${plural(n, "conflict", "conflicts")} to resolve`,
            rejections: (n: number) => `${n} refused ${plural(n, "change", "changes")}`,
            conflictsShort: (n: number) => `${n} ${plural(n, "conflict", "conflicts")}`,
            rejectionsShort: (n: number) => `${n} refused`,
            syncNow: "Sync now",
            syncing: "Syncing…",
            done: "Sync complete: everything has been sent.",
            doneWithPending: (n: number) => `Sync complete. ${count(n)} ${plural(n, "change is", "changes are")} still to send.`,
            failed: (reason: string) => `The sync did not go through. ${reason}`,
            tokenRefused: "The server refused the token: enter a new one in the Sync screen.",
            newConflicts: (n: number) => `${n} ${plural(n, "conflict", "conflicts")} to resolve.`
        },
        settings: {
            title: "Sync",
            intro: "Plan ouvert works offline: your changes are saved on this computer, then sent to the plan's server as soon as the network allows. Your colleagues' changes arrive the same way.",
            offlineTitle: "The server is not answering",
            offlineText: "Your changes stay on this computer; they will be sent as soon as the server answers.",
            unauthorizedTitle: "The server refused the token",
            unauthorizedText: "Enter a new token below. Meanwhile, your changes stay on this computer.",
            inboxTitle: "To deal with",
            inboxEmpty: "No conflicts and no refused changes.",
            inboxLink: "See conflicts and refused changes",
            accountTitle: "Your account",
            name: "Name",
            institution: "Institution",
            role: "Role",
            roles: {
                drafter: "Drafting commitments",
                coordinator: "Coordinating the plan",
                reader: "Read only"
            },
            server: "Server",
            storage: {
                keyring: "The token is kept in the system keyring.",
                file: "No keyring is available on this computer: the token is kept in a file only you can read."
            },
            disconnect: "Sign out",
            disconnectTitle: "Sign out of the server",
            disconnectConfirm:
                "The token will be forgotten on this computer. Your data and the changes not sent yet stay here: they will be sent when you sign in again.",
            disconnected: "You are signed out of the server. Your data stays on this computer.",
            connectTitle: "Connect to the plan's server",
            reconnectTitle: "Enter a new token",
            serverUrl: "Server address",
            serverUrlHint: "For example https://plan.example.gouv.fr",
            token: "Access token",
            tokenHint: "Your personal sign-in code, given by the plan's administrator: it stands for a password with the server. Do not share it.",
            connect: "Connect",
            connecting: "Connecting…",
            connected: "Connected: your changes are being sent to the server."
        },
        inbox: {
            title: "Changes to deal with",
            breadcrumb: "Changes to deal with",
            intro: "When the same piece of information was changed both on this computer and by someone else, the server keeps the other version until you choose. Changes the server refused stay here so that you can reuse their text.",
            conflictsTitle: "Conflicts to resolve",
            conflictsEmpty: "No conflicts to resolve.",
            rejectionsTitle: "Refused changes",
            rejectionsEmpty: "No refused changes.",
            kinds: {
                plan: "Action plan",
                area: "Area",
                commitment: "Commitment",
                milestone: "Milestone",
                institution: "Institution"
            },
            field: (label: string) => `Field: ${label}`,
            conflictAt: (when: string) => `Conflict found ${when}`,
            mine: "My version",
            theirs: "Their version",
            proposed: "Suggested merge",
            empty: "(empty)",
            keepMine: "Keep my version",
            keepTheirs: "Keep their version",
            keepOf: (choice: string, field: string, title: string) => `${choice}: ${field}, “${title}”`,
            textLabel: "Text to save",
            textHintProposed: "Filled in with the suggested merge, which puts both versions together paragraph by paragraph: keep what is right.",
            textHintMine: "Filled in with your version: edit it to bring in what is right from the other one.",
            saveText: "Save this text",
            resolved: (field: string, title: string) => `Conflict resolved (${field}, “${title}”): your choice will be sent to the server.`,
            action: {
                create: "Creation",
                edit: (field: string) => `Change to “${field}”`,
                editAny: "Change",
                delete: "Deletion"
            },
            refusedAt: (when: string) => `Refused ${when}`,
            reason: "Reason:",
            text: "What the change contained",
            copy: "Copy the text",
            copyOf: (title: string) => `Copy the text: “${title}”`,
            copied: "Text copied.",
            selected: "The text is selected: copy it with Ctrl+C.",
            discard: "Dismiss",
            discardOf: (title: string) => `Dismiss: “${title}”`,
            discardTitle: "Dismiss the refused change",
            discardConfirm: (title: string) =>
                `Dismiss the refused change to “${title}”? Its text will no longer be available here: copy it first if you need it.`,
            discarded: (title: string) => `The refused change to “${title}” was dismissed.`
        },
        refresh: {
            notice: "Changes received from the server are available.",
            show: "Show them",
            shown: "The changes received from the server are now shown."
        }
    }
};

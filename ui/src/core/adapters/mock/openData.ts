/**
 * Open data, simulated in memory for the mock backend: the import of the OGP commitment database
 * (CSV) and the export of a plan. No file is read or written; what the desktop backend does is
 * imitated for what the screens rely on:
 *
 * - An import reads a "file" (rows of the OGP database, by default the small sample below),
 *   reporting its progress (`reading`, then `writing`) a step at a time, then writes the plans,
 *   engagement areas, institutions and commitments the rows name, all at once. Records keep an
 *   id made from their source identifier, so importing the same file again finds them: what
 *   differs is updated, the rest is unchanged, nothing is duplicated. An institution already
 *   here under the same name (ignoring case) is used rather than a second one. A date that
 *   cannot be read with certainty is not guessed: it stays empty, its text is kept in the
 *   commitment's origin and a warning names its row.
 * - Test-only controls (`MockOpenDataControls`) decide what the next import or export does: a
 *   file, a refusal (nothing written), a cancelled dialog (`null`).
 */
import type {
    Area,
    Assessed,
    Assessment,
    Commitment,
    CommitmentOrigin,
    ExportFormat,
    Failure,
    ImportCounts,
    ImportProgress,
    ImportSummary,
    ImportWarningView,
    Institution,
    InstitutionKind,
    Locale,
    Plan
} from "../../bindings";

/** One row of the OGP commitment database, as the simulated file holds it. */
export type OgpRow = {
    /** The OGP's identifier of the commitment, e.g. `FR0032`. */
    ogpId: string;
    plan: { sourceId: string; country: string; title: string; periodStart: string; periodEnd: string };
    area: string;
    number: string;
    shortTitle: string;
    title: string;
    fullText: string;
    lead: { name: string; kind: InstitutionKind } | null;
    /** Dates read with certainty (`YYYY-MM-DD`), or null. */
    startDate: string | null;
    endDate: string | null;
    /** The date as written in the file when it could not be read with certainty; empty otherwise. */
    startDateSource: string;
    endDateSource: string;
    policyAreas: string[];
    url: string;
    assessment: Assessment | null;
    sourceColumns: Record<string, string>;
};

/** What the next `importOgpCsv()` does. Without one staged, the sample file is imported. */
export type StagedImport =
    /** The person picks a file holding these rows (default: the sample); `stepMs` between progress steps. */
    | { outcome: "file"; rows?: OgpRow[]; stepMs?: number }
    /** The file cannot be read: refused after reading its first rows, with this message (default: one naming row 3). */
    | { outcome: "refused"; message?: string; stepMs?: number }
    /** The person closes the file dialog. */
    | { outcome: "cancelled" };

/** What the next `exportPlan()` does. Without one staged, it is written. */
export type StagedExport =
    | { outcome: "written"; path?: string }
    | { outcome: "cancelled" }
    | { outcome: "failed"; message: string };

export type ExportDone = { planId: string; format: ExportFormat; path: string };

/** Test-only: what the next import or export does, and origins for commitments. */
export type MockOpenDataControls = {
    stageImport(next: StagedImport): void;
    stageExport(next: StagedExport): void;
    /** Gives a commitment an origin, as if it had been imported (or takes it away with `null`). */
    setOrigin(commitmentId: string, origin: CommitmentOrigin | null): void;
    /** The rows of the sample file, to stage a variation of it. */
    sampleRows(): OgpRow[];
    /** An origin with a complete IRM assessment (starred), to give to a commitment. */
    sampleOrigin(): CommitmentOrigin;
    /** The exports written so far. */
    exports(): ExportDone[];
};

/** The records an import writes into, as the mock keeps them. */
export type ImportRecords = { plans: Plan[]; areas: Area[]; commitments: Commitment[]; institutions: Institution[] };

export type MockOpenDataOptions = {
    locale: () => Locale;
    records: () => ImportRecords;
    /** A commitment with every template field empty, not yet stored. */
    blankCommitment: (id: string, plan: Plan, area: Area, position: number, title: string) => Commitment;
    /** One record created or changed: one more change for the server. */
    recordChange: () => void;
    notFound: () => Failure;
    delay: (ms: number) => Promise<void>;
};

const yes = <T>(value: T): Assessed<T> => ({ status: "assessed", value });
const ND = { status: "notAssessed" } as const;
const NR = { status: "notRelevant" } as const;
const NA = { status: "notApplicable" } as const;
const MISSING = { status: "missing" } as const;

const PLAN_2018 = {
    sourceId: "france-2018-2020",
    country: "France",
    title: "France — Plan d'action national 2018-2020",
    periodStart: "2018-04-01",
    periodEnd: "2020-07-31"
};

const STARRED: Assessment = {
    specificity: yes("high"),
    verifiable: yes(true),
    relevantAccessToInformation: yes(true),
    relevantCivicParticipation: yes(false),
    relevantPublicAccountability: yes(true),
    relevantTechnology: yes(true),
    potentialImpact: yes("transformative"),
    potentialForResults: NA,
    completionProgressReport: yes("substantial"),
    completionEndOfTerm: yes("complete"),
    openedGovernment: yes("major"),
    openedGovernmentAccessToInformation: yes("major"),
    openedGovernmentCivicParticipation: NR,
    openedGovernmentPublicAccountability: yes("marginal"),
    earlyResults: NA,
    starred: yes(true)
};

const MIXED: Assessment = {
    specificity: yes("medium"),
    verifiable: yes(true),
    relevantAccessToInformation: yes(true),
    relevantCivicParticipation: NR,
    relevantPublicAccountability: yes(false),
    relevantTechnology: ND,
    potentialImpact: yes("minor"),
    potentialForResults: NA,
    completionProgressReport: yes("limited"),
    completionEndOfTerm: ND,
    openedGovernment: yes("marginal"),
    openedGovernmentAccessToInformation: yes("marginal"),
    openedGovernmentCivicParticipation: NR,
    openedGovernmentPublicAccountability: MISSING,
    earlyResults: NA,
    starred: yes(false)
};

const url = (id: string) => `https://www.opengovpartnership.org/members/france/commitments/${id}/`;

/** A few rows of France's 2018-2020 action plan, shaped like the OGP's export. */
export const SAMPLE_ROWS: OgpRow[] = [
    {
        ogpId: "FR0032",
        plan: PLAN_2018,
        area: "Transparence de l'action publique",
        number: "1",
        shortTitle: "Transparence de la commande publique",
        title: "Renforcer la transparence de la commande publique",
        fullText:
            "Publier en données ouvertes les données essentielles des marchés publics.\n\nCalendrier :\n- 2018 : format commun des données ;\n- 2019 : publication par l'ensemble des acheteurs.",
        lead: { name: "Ministère de l'Économie et des Finances", kind: "ministry" },
        startDate: "2018-04-01",
        endDate: "2020-07-31",
        startDateSource: "",
        endDateSource: "",
        policyAreas: ["Open Contracting and Procurement", "Open Data", "Public Procurement"],
        url: url("FR0032"),
        assessment: STARRED,
        sourceColumns: { "Action Plan": "France Action Plan 2018-2020", Cluster: "Commande publique", "Commitment Status": "Inactive" }
    },
    {
        ogpId: "FR0033",
        plan: PLAN_2018,
        area: "Transparence de l'action publique",
        number: "2",
        shortTitle: "Aide publique au développement",
        title: "Améliorer la transparence de l'aide publique au développement",
        fullText: "Publier les données de l'aide publique au développement selon le standard IATI.",
        lead: { name: "Ministère de l'Europe et des Affaires étrangères", kind: "ministry" },
        startDate: null,
        endDate: "2020-07-31",
        startDateSource: "5/6/2019",
        endDateSource: "",
        policyAreas: ["Aid", "Open Data"],
        url: url("FR0033"),
        assessment: MIXED,
        sourceColumns: { "Action Plan": "France Action Plan 2018-2020", Cluster: "Aide au développement", "Commitment Status": "Inactive" }
    },
    {
        ogpId: "FR0034",
        plan: PLAN_2018,
        area: "Participation citoyenne",
        number: "3",
        shortTitle: "Consultation sur la loi",
        title: "Mieux associer les citoyens à l'élaboration de la loi",
        fullText: "Ouvrir une plateforme de consultation en ligne sur les projets de loi.",
        lead: { name: "Assemblée nationale", kind: "parliament" },
        startDate: "2018-09-01",
        endDate: null,
        startDateSource: "",
        endDateSource: "fin 2019",
        policyAreas: ["Legislation & Regulation", "Public Participation"],
        url: url("FR0034"),
        assessment: MIXED,
        sourceColumns: { "Action Plan": "France Action Plan 2018-2020", Cluster: "Parlement ouvert", "Commitment Status": "Inactive" }
    },
    {
        ogpId: "FR0035",
        plan: PLAN_2018,
        area: "Participation citoyenne",
        number: "4",
        shortTitle: "Qualité des services publics",
        title: "Consulter les usagers sur la qualité des services publics",
        fullText: "Publier les résultats des enquêtes de satisfaction des usagers des services publics.",
        lead: { name: "Direction interministérielle de la transformation publique", kind: "ministry" },
        startDate: "2018-04-01",
        endDate: "2019-12-31",
        startDateSource: "",
        endDateSource: "",
        policyAreas: ["Public Service Delivery"],
        url: url("FR0035"),
        assessment: null,
        sourceColumns: { "Action Plan": "France Action Plan 2018-2020", Cluster: "Services publics", "Commitment Status": "Inactive" }
    },
    {
        ogpId: "FR0036",
        plan: PLAN_2018,
        area: "Transparence de l'action publique",
        number: "5",
        shortTitle: "Codes sources",
        title: "Ouvrir les codes sources des administrations",
        fullText: "Publier les codes sources des logiciels produits par l'administration.",
        lead: { name: "Direction interministérielle du numérique", kind: "ministry" },
        startDate: "2018-04-01",
        endDate: "2020-07-31",
        startDateSource: "",
        endDateSource: "",
        policyAreas: ["Open Data", "Technology"],
        url: url("FR0036"),
        assessment: STARRED,
        sourceColumns: { "Action Plan": "France Action Plan 2018-2020", Cluster: "Logiciels libres", "Commitment Status": "Inactive" }
    }
];

const originOf = (row: OgpRow): CommitmentOrigin => ({
    ogpId: row.ogpId,
    number: row.number,
    shortTitle: row.shortTitle,
    fullText: row.fullText,
    startDateSource: row.startDateSource,
    endDateSource: row.endDateSource,
    policyAreas: row.policyAreas,
    url: row.url,
    assessment: row.assessment,
    sourceColumns: row.sourceColumns
});

function dateWarning(locale: Locale, text: string): string {
    return locale === "fr"
        ? `Date « ${text} » non interprétée avec certitude : laissée vide, le texte d'origine est conservé.`
        : `Date “${text}” could not be read with certainty: left empty, the original text is kept.`;
}

function defaultRefusal(locale: Locale): string {
    return locale === "fr"
        ? "Le fichier ne peut pas être importé (2 problèmes) :\nligne 3 : la colonne « Commitment ID » est vide ;\nligne 3 : la colonne « Action Plan » est vide."
        : "The file cannot be imported (2 problems):\nrow 3: the “Commitment ID” column is empty;\nrow 3: the “Action Plan” column is empty.";
}

const EXPORT_PATHS: Record<ExportFormat, string> = {
    json: "~/Documents/plan.json",
    csv: "~/Documents/plan-csv",
    html: "~/Documents/plan.html"
};

const zero = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

export class MockOpenData {
    private nextImport: StagedImport | null = null;
    private nextExport: StagedExport | null = null;
    private readonly origins = new Map<string, CommitmentOrigin>();
    /** Ids of imported records, by source key: importing again finds them. */
    private readonly sourceIds = new Map<string, string>();
    private readonly listeners = new Set<(progress: ImportProgress) => void>();
    private readonly done: ExportDone[] = [];
    private importing = false;

    constructor(private readonly options: MockOpenDataOptions) {}

    origin(commitmentId: string): CommitmentOrigin | null {
        return structuredClone(this.origins.get(commitmentId) ?? null);
    }

    forget(commitmentId: string): void {
        this.origins.delete(commitmentId);
    }

    subscribe(listener: (progress: ImportProgress) => void): () => void {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    private emit(progress: ImportProgress): void {
        this.listeners.forEach(listener => listener({ ...progress }));
    }

    async importCsv(): Promise<ImportSummary | null> {
        const staged = this.nextImport ?? { outcome: "file" };
        this.nextImport = null;
        await this.options.delay(30); // the file dialog
        if (staged.outcome === "cancelled") return null;
        if (this.importing) {
            throw this.failure("internal", this.options.locale() === "fr" ? "Un import est déjà en cours." : "An import is already running.");
        }
        this.importing = true;
        try {
            const step = staged.stepMs ?? 120;
            if (staged.outcome === "refused") {
                for (let done = 1; done <= 3; done++) {
                    this.emit({ stage: "reading", done, total: 0 });
                    await this.options.delay(step);
                }
                throw this.failure("validation", staged.message ?? defaultRefusal(this.options.locale()));
            }
            const rows = staged.rows ?? SAMPLE_ROWS;
            const every = Math.max(1, Math.ceil(rows.length / 4));
            for (let done = every; ; done = Math.min(done + every, rows.length)) {
                this.emit({ stage: "reading", done, total: rows.length });
                await this.options.delay(step);
                if (done >= rows.length) break;
            }
            const records = this.countRecords(rows);
            const quarter = Math.max(1, Math.ceil(records / 4));
            for (let done = quarter; ; done = Math.min(done + quarter, records)) {
                this.emit({ stage: "writing", done, total: records });
                await this.options.delay(step);
                if (done >= records) break;
            }
            return this.write(rows);
        } finally {
            this.importing = false;
        }
    }

    async exportPlan(planId: string, format: ExportFormat): Promise<string | null> {
        const staged = this.nextExport ?? { outcome: "written" };
        this.nextExport = null;
        await this.options.delay(60); // the save dialog, then the writing
        if (!this.options.records().plans.some(p => p.id === planId)) throw this.options.notFound();
        if (staged.outcome === "cancelled") return null;
        if (staged.outcome === "failed") throw this.failure("storage", staged.message);
        const path = staged.path ?? EXPORT_PATHS[format];
        this.done.push({ planId, format, path });
        return path;
    }

    private failure(code: Failure["code"], message: string): Failure {
        return { code, message, fields: [] };
    }

    /** Plans, areas, institutions and commitments the rows name. */
    private countRecords(rows: OgpRow[]): number {
        const keys = new Set<string>();
        for (const row of rows) {
            keys.add(`plan:${row.plan.sourceId}`);
            keys.add(`area:${row.plan.sourceId}/${row.area}`);
            if (row.lead) keys.add(`institution:${row.lead.name.toLocaleLowerCase()}`);
            keys.add(`commitment:${row.ogpId}`);
        }
        return keys.size;
    }

    /** Writes what the rows hold, all at once; counts what was created, changed or already so. */
    private write(rows: OgpRow[]): ImportSummary {
        const store = this.options.records();
        const locale = this.options.locale();
        const stamp = new Date().toISOString();
        const summary: ImportSummary = {
            rows: rows.length,
            plans: zero(),
            areas: zero(),
            institutions: zero(),
            commitments: zero(),
            warnings: []
        };
        const seen = new Set<string>();
        const count = (counts: ImportCounts, key: string, outcome: keyof ImportCounts) => {
            if (seen.has(key)) return;
            seen.add(key);
            counts[outcome] += 1;
            if (outcome !== "unchanged") this.options.recordChange();
        };
        const idFor = (key: string) => {
            let id = this.sourceIds.get(key);
            if (id === undefined) {
                id = crypto.randomUUID();
                this.sourceIds.set(key, id);
            }
            return id;
        };

        rows.forEach((row, index) => {
            // Plan.
            const planKey = `plan:${row.plan.sourceId}`;
            const planId = idFor(planKey);
            const { country, title, periodStart, periodEnd } = row.plan;
            let plan = store.plans.find(p => p.id === planId);
            if (!plan) {
                plan = { id: planId, country, title, periodStart, periodEnd, isDemo: false, createdAt: stamp, updatedAt: stamp };
                store.plans.push(plan);
                count(summary.plans, planKey, "created");
            } else if (plan.country !== country || plan.title !== title || plan.periodStart !== periodStart || plan.periodEnd !== periodEnd) {
                Object.assign(plan, { country, title, periodStart, periodEnd, updatedAt: stamp });
                count(summary.plans, planKey, "updated");
            } else count(summary.plans, planKey, "unchanged");

            // Engagement area.
            const areaKey = `area:${row.plan.sourceId}/${row.area}`;
            const areaId = idFor(areaKey);
            let area = store.areas.find(a => a.id === areaId);
            if (!area) {
                const position = store.areas.filter(a => a.planId === planId).length;
                area = { id: areaId, planId, kind: "thematic", title: row.area, description: "", position };
                store.areas.push(area);
                count(summary.areas, areaKey, "created");
            } else count(summary.areas, areaKey, "unchanged");

            // Lead institution: one already here under the same name is used.
            let leadId: string | null = null;
            if (row.lead) {
                const name = row.lead.name;
                const institutionKey = `institution:${name.toLocaleLowerCase()}`;
                const existing = store.institutions.find(i => i.name.toLocaleLowerCase() === name.toLocaleLowerCase());
                if (existing) {
                    leadId = existing.id;
                    count(summary.institutions, institutionKey, "unchanged");
                } else {
                    const institution: Institution = { id: idFor(institutionKey), name, acronym: "", kind: row.lead.kind };
                    store.institutions.push(institution);
                    leadId = institution.id;
                    count(summary.institutions, institutionKey, "created");
                }
            }

            // Commitment; a date not read with certainty is left empty and said.
            const commitmentKey = `commitment:${row.ogpId}`;
            const commitmentId = idFor(commitmentKey);
            for (const [column, text] of [["Start Date", row.startDateSource], ["End Date", row.endDateSource]] as const) {
                if (text !== "") {
                    summary.warnings.push({ row: index + 2, identifier: row.ogpId, column, message: dateWarning(locale, text) } satisfies ImportWarningView);
                }
            }
            const origin = originOf(row);
            const fields = { title: row.title, areaId, leadInstitutionId: leadId, startDate: row.startDate, endDate: row.endDate };
            let commitment = store.commitments.find(c => c.id === commitmentId);
            if (!commitment) {
                const position = store.commitments.filter(c => c.areaId === areaId).length;
                commitment = this.options.blankCommitment(commitmentId, plan, area, position, row.title);
                Object.assign(commitment, fields);
                store.commitments.push(commitment);
                this.origins.set(commitmentId, origin);
                count(summary.commitments, commitmentKey, "created");
            } else {
                const changed =
                    (Object.keys(fields) as (keyof typeof fields)[]).some(field => commitment![field] !== fields[field]) ||
                    JSON.stringify(this.origins.get(commitmentId) ?? null) !== JSON.stringify(origin);
                if (changed) {
                    if (commitment.areaId !== areaId) commitment.position = store.commitments.filter(c => c.areaId === areaId).length;
                    Object.assign(commitment, fields, { updatedAt: stamp });
                    this.origins.set(commitmentId, origin);
                    count(summary.commitments, commitmentKey, "updated");
                } else count(summary.commitments, commitmentKey, "unchanged");
            }
        });
        return structuredClone(summary);
    }

    readonly controls: MockOpenDataControls = {
        stageImport: next => {
            this.nextImport = structuredClone(next);
        },
        stageExport: next => {
            this.nextExport = { ...next };
        },
        setOrigin: (commitmentId, origin) => {
            if (!this.options.records().commitments.some(c => c.id === commitmentId)) throw this.options.notFound();
            if (origin === null) this.origins.delete(commitmentId);
            else this.origins.set(commitmentId, structuredClone(origin));
        },
        sampleRows: () => structuredClone(SAMPLE_ROWS),
        sampleOrigin: () => originOf(structuredClone(SAMPLE_ROWS[0]!)),
        exports: () => structuredClone(this.done)
    };
}

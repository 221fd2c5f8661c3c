/**
 * The in-memory adapter: every screen runs in a plain browser with it (development, browser
 * tests). It behaves like the desktop backend for what the screens rely on: the same
 * validation (field names and sentences, in the locale last set), `inUse` refusals, `notFound`,
 * ordering of areas and milestones, accent-insensitive search. Data lives as long as the page;
 * only the chosen language is kept (in `localStorage`), as the desktop app keeps it in settings.
 *
 * Sync with the central plan API is simulated too (`mock/sync.ts`); its test-only controls are
 * the `sync` member of the returned backend. So are the import of the OGP commitment database
 * and the export of a plan (`mock/openData.ts`), controlled through the `openData` member.
 */
import type { Backend } from "../backend";
import type {
    Area,
    AreaInput,
    Commitment,
    ConflictView,
    CommitmentEdit,
    CommitmentSummary,
    Failure,
    Institution,
    InstitutionInput,
    Locale,
    Milestone,
    MilestoneEdit,
    MilestoneInput,
    Plan,
    PlanInput
} from "../bindings";
import { DEMO_AREAS, DEMO_INSTITUTIONS, DEMO_PLAN } from "./mock/demo";
import {
    ACRONYM_MAX,
    Problems,
    Refused,
    checkInPeriod,
    invalidFailure,
    matchesQuery,
    optionalDateInPeriod,
    parseEmail,
    parseLong,
    parsePhone,
    parseRequiredDate,
    parseShort,
    parseTitle,
    single,
    type Period
} from "./mock/rules";
import { MockOpenData, type MockOpenDataControls } from "./mock/openData";
import { MockSync, type MockSyncControls } from "./mock/sync";

const LOCALE_KEY = "plan-ouvert.mock.locale";

export type MockOptions = {
    /** Milliseconds each call takes, to let "saving…" states show. Default 30. */
    latencyMs?: number;
    /** Where the chosen language is kept; default `localStorage` when there is one. */
    storage?: Pick<Storage, "getItem" | "setItem"> | null;
};

/** The in-memory backend, with the controls tests use to put its simulated sync in a state. */
export type MockBackend = Backend & {
    sync: MockSyncControls & {
        /** Someone else's edit of a commitment arrives from the server and is written locally. */
        receiveCommitmentEdit(commitmentId: string, edit: CommitmentEdit): void;
    };
    openData: MockOpenDataControls;
};

type State = {
    plans: Plan[];
    areas: Area[];
    commitments: Commitment[];
    milestones: Milestone[];
    institutions: Institution[];
};

const TEXT_FIELDS = [
    "briefDescription",
    "problem",
    "causes",
    "doneSoFar",
    "solution",
    "expectedResults",
    "transparency",
    "accountability",
    "participation",
    "otherSupporters"
] as const;

const now = () => new Date().toISOString();
const newId = () => crypto.randomUUID();
const copy = <T>(value: T): T => structuredClone(value);

/** Mirrors `Commitment::completeness` of the domain crate: 15 template fields. */
export function completeness(c: Commitment): [number, number] {
    const texts = [
        c.briefDescription,
        c.problem,
        c.causes,
        c.doneSoFar,
        c.solution,
        c.expectedResults,
        c.transparency,
        c.accountability,
        c.participation,
        c.contactName,
        c.contactEmail
    ];
    const others = [
        c.leadInstitutionId !== null,
        c.startDate !== null,
        c.endDate !== null,
        c.accessToInformation || c.civicParticipation || c.publicAccountability || c.technologyInnovation
    ];
    const filled = texts.filter(t => t.trim() !== "").length + others.filter(Boolean).length;
    return [filled, texts.length + others.length];
}

export function createMockBackend(options: MockOptions = {}): MockBackend {
    const latency = options.latencyMs ?? 30;
    const storage =
        options.storage !== undefined ? options.storage : typeof localStorage !== "undefined" ? localStorage : null;
    let locale: Locale = storage?.getItem(LOCALE_KEY) === "en" ? "en" : "fr";
    const state: State = { plans: [], areas: [], commitments: [], milestones: [], institutions: [] };

    const fr = () => locale === "fr";
    const failure = (code: Failure["code"], message: string): Failure => ({ code, message, fields: [] });
    const notFound = () =>
        failure("notFound", fr() ? "Cet élément n'existe plus. Il a peut-être été supprimé." : "This item no longer exists. It may have been deleted.");

    const sync = new MockSync({
        locale: () => locale,
        applyResolution: (conflict, value) => applyResolution(conflict, value),
        notFound
    });
    const delay = (ms: number) => (ms > 0 ? new Promise<void>(resolve => setTimeout(resolve, ms)) : Promise.resolve());
    const openData = new MockOpenData({
        locale: () => locale,
        records: () => state,
        blankCommitment: (id, plan, area, position, title) => blankCommitment(id, plan, area, position, title),
        recordChange: () => sync.recordLocalChange(),
        notFound,
        // Without latency (unit tests), the simulated import and export take no time either.
        delay: ms => delay(latency > 0 ? ms : 0)
    });

    /** Runs one command: latency, then the body; refusals become `Failure`s in the current locale. */
    async function run<T>(body: () => T): Promise<T> {
        await delay(latency);
        try {
            return copy(body());
        } catch (error) {
            if (error instanceof Refused) throw invalidFailure(error.problems, locale);
            throw error;
        }
    }

    /** A command that changes data: once accepted, it is one more change for the server. */
    function change<T>(body: () => T): Promise<T> {
        return run(() => {
            const result = body();
            sync.recordLocalChange();
            return result;
        });
    }

    /** Writes the value a person chose for a conflict into the record, when it is still there. */
    function applyResolution(conflict: ConflictView, value: string): void {
        const stamp = now();
        if (conflict.recordKind === "commitment") {
            const c = state.commitments.find(x => x.id === conflict.recordId);
            if (c && (conflict.field === "title" || (TEXT_FIELDS as readonly string[]).includes(conflict.field))) {
                Object.assign(c, { [conflict.field]: value, updatedAt: stamp });
            }
        } else if (conflict.recordKind === "milestone") {
            const m = state.milestones.find(x => x.id === conflict.recordId);
            if (m && (conflict.field === "title" || conflict.field === "expectedOutputs")) {
                Object.assign(m, { [conflict.field]: value, updatedAt: stamp });
            }
        }
    }

    function find<T extends { id: string }>(list: T[], id: string): T {
        const item = list.find(x => x.id === id);
        if (item === undefined) throw notFound();
        return item;
    }

    const planOf = (planId: string) => find(state.plans, planId);
    const periodOf = (plan: Plan): Period => ({ start: plan.periodStart, end: plan.periodEnd });
    const institutionExists = (id: string | null) => id === null || state.institutions.some(i => i.id === id);

    function parsePlan(input: PlanInput) {
        const problems = new Problems();
        const country = problems.check("country", parseShort(input.country, 200, true));
        const title = problems.check("title", parseTitle(input.title));
        const start = problems.check("periodStart", parseRequiredDate(input.periodStart));
        const end = problems.check("periodEnd", parseRequiredDate(input.periodEnd));
        if (start !== undefined && end !== undefined && end < start) problems.push("periodEnd", { kind: "endBeforeStart", start });
        problems.finish();
        return { country: country!, title: title!, periodStart: start!, periodEnd: end! };
    }

    function parseArea(input: AreaInput) {
        const problems = new Problems();
        const title = problems.check("title", parseTitle(input.title));
        const description = problems.check("description", parseLong(input.description));
        problems.finish();
        return { kind: input.kind, title: title!, description: description! };
    }

    function parseInstitution(input: InstitutionInput, except: string | null) {
        const problems = new Problems();
        const name = problems.check("name", parseShort(input.name, 200, true));
        const acronym = problems.check("acronym", parseShort(input.acronym, ACRONYM_MAX));
        if (
            name !== undefined &&
            state.institutions.some(i => i.id !== except && i.name.toLocaleLowerCase() === name.toLocaleLowerCase())
        ) {
            problems.push("name", { kind: "duplicate" });
        }
        problems.finish();
        return { name: name!, acronym: acronym!, kind: input.kind };
    }

    function parseMilestone(input: MilestoneInput, period: Period) {
        const problems = new Problems();
        const title = problems.check("title", parseTitle(input.title));
        const expectedOutputs = problems.check("expectedOutputs", parseLong(input.expectedOutputs));
        const startDate = problems.check("startDate", optionalDateInPeriod(input.startDate, period));
        const dueDate = problems.check("dueDate", optionalDateInPeriod(input.dueDate, period));
        if (startDate && dueDate && dueDate < startDate) problems.push("dueDate", { kind: "endBeforeStart", start: startDate });
        if (!institutionExists(input.leadInstitutionId)) problems.push("leadInstitutionId", { kind: "unknownReference" });
        problems.finish();
        return {
            title: title!,
            expectedOutputs: expectedOutputs!,
            startDate: startDate ?? null,
            dueDate: dueDate ?? null,
            leadInstitutionId: input.leadInstitutionId
        };
    }

    const areasOf = (planId: string) =>
        state.areas.filter(a => a.planId === planId).sort((a, b) => a.position - b.position);
    const commitmentsOf = (areaId: string) =>
        state.commitments.filter(c => c.areaId === areaId).sort((a, b) => a.position - b.position);
    const milestonesOf = (commitmentId: string) =>
        state.milestones.filter(m => m.commitmentId === commitmentId).sort((a, b) => a.position - b.position);
    const renumber = <T extends { position: number }>(list: T[]) => list.forEach((item, i) => (item.position = i));

    function insertCommitment(plan: Plan, area: Area, title: string): Commitment {
        const commitment = blankCommitment(newId(), plan, area, commitmentsOf(area.id).length, title);
        state.commitments.push(commitment);
        return commitment;
    }

    function blankCommitment(id: string, plan: Plan, area: Area, position: number, title: string): Commitment {
        const stamp = now();
        return {
            id,
            planId: plan.id,
            areaId: area.id,
            position,
            title,
            briefDescription: "",
            problem: "",
            causes: "",
            doneSoFar: "",
            solution: "",
            expectedResults: "",
            transparency: "",
            accountability: "",
            participation: "",
            leadInstitutionId: null,
            supportingInstitutionIds: [],
            otherSupporters: "",
            startDate: null,
            endDate: null,
            accessToInformation: false,
            civicParticipation: false,
            publicAccountability: false,
            technologyInnovation: false,
            contactName: "",
            contactTitle: "",
            contactDepartment: "",
            contactEmail: "",
            contactPhone: "",
            createdAt: stamp,
            updatedAt: stamp
        };
    }

    function insertMilestone(commitmentId: string, valid: ReturnType<typeof parseMilestone>): Milestone {
        const stamp = now();
        const milestone: Milestone = {
            id: newId(),
            commitmentId,
            position: milestonesOf(commitmentId).length,
            ...valid,
            createdAt: stamp,
            updatedAt: stamp
        };
        state.milestones.push(milestone);
        return milestone;
    }

    function loadDemo(): Plan {
        const existing = state.plans.find(p => p.isDemo);
        if (existing) return existing;
        const byKey = new Map<string, string>();
        for (const demo of DEMO_INSTITUTIONS) {
            let institution = state.institutions.find(i => i.name === demo.name);
            if (!institution) {
                institution = { id: newId(), ...demo };
                state.institutions.push(institution);
            }
            byKey.set(demo.acronym || demo.name, institution.id);
        }
        const ref = (key: string | null) => (key === null ? null : (byKey.get(key) ?? null));
        const stamp = now();
        const plan: Plan = { id: newId(), ...DEMO_PLAN, isDemo: true, createdAt: stamp, updatedAt: stamp };
        state.plans.push(plan);
        DEMO_AREAS.forEach((demoArea, position) => {
            const area: Area = {
                id: newId(),
                planId: plan.id,
                kind: demoArea.kind,
                title: demoArea.title,
                description: demoArea.description,
                position
            };
            state.areas.push(area);
            for (const demo of demoArea.commitments) {
                const c = insertCommitment(plan, area, demo.title);
                Object.assign(c, demo.texts, demo.values);
                c.leadInstitutionId = ref(demo.lead);
                c.supportingInstitutionIds = demo.supporting.map(ref).filter((id): id is string => id !== null);
                c.startDate = demo.startDate;
                c.endDate = demo.endDate;
                for (const m of demo.milestones) {
                    insertMilestone(c.id, {
                        title: m.title,
                        expectedOutputs: m.expectedOutputs,
                        startDate: m.startDate,
                        dueDate: m.dueDate,
                        leadInstitutionId: ref(m.lead)
                    });
                }
            }
        });
        return plan;
    }

    function summary(c: Commitment): CommitmentSummary {
        const lead = state.institutions.find(i => i.id === c.leadInstitutionId);
        const [filledFields, totalFields] = completeness(c);
        return {
            id: c.id,
            areaId: c.areaId,
            title: c.title,
            leadInstitution: lead ? { id: lead.id, name: lead.name, acronym: lead.acronym } : null,
            milestoneCount: milestonesOf(c.id).length,
            filledFields,
            totalFields
        };
    }

    /** The words a commitment is found by: its title and template texts. */
    function searchable(c: Commitment): string {
        return [c.title, ...TEXT_FIELDS.map(f => c[f])].join(" ");
    }

    function applyEdit(c: Commitment, plan: Plan, edit: CommitmentEdit): void {
        const period = periodOf(plan);
        switch (edit.field) {
            case "title":
                c.title = single("title", parseTitle(edit.value));
                return;
            case "areaId": {
                const area = state.areas.find(a => a.id === edit.value && a.planId === plan.id);
                if (!area) throw new Refused([{ field: "areaId", problem: { kind: "unknownReference" } }]);
                if (area.id !== c.areaId) {
                    const from = c.areaId;
                    c.position = commitmentsOf(area.id).length;
                    c.areaId = area.id;
                    renumber(commitmentsOf(from));
                }
                return;
            }
            case "leadInstitutionId":
                if (!institutionExists(edit.value)) throw new Refused([{ field: edit.field, problem: { kind: "unknownReference" } }]);
                c.leadInstitutionId = edit.value;
                return;
            case "supportingInstitutionIds": {
                const unique = [...new Set(edit.value)];
                if (!unique.every(institutionExists)) throw new Refused([{ field: edit.field, problem: { kind: "unknownReference" } }]);
                c.supportingInstitutionIds = unique;
                return;
            }
            case "startDate": {
                const date = single("startDate", optionalDateInPeriod(edit.value, period));
                if (date !== null && c.endDate !== null && c.endDate < date) {
                    throw new Refused([{ field: "startDate", problem: { kind: "startAfterEnd", end: c.endDate } }]);
                }
                c.startDate = date;
                return;
            }
            case "endDate": {
                const date = single("endDate", optionalDateInPeriod(edit.value, period));
                if (date !== null && c.startDate !== null && date < c.startDate) {
                    throw new Refused([{ field: "endDate", problem: { kind: "endBeforeStart", start: c.startDate } }]);
                }
                c.endDate = date;
                return;
            }
            case "contactEmail":
                c.contactEmail = single("contactEmail", parseEmail(edit.value));
                return;
            case "contactPhone":
                c.contactPhone = single("contactPhone", parsePhone(edit.value));
                return;
            case "accessToInformation":
            case "civicParticipation":
            case "publicAccountability":
            case "technologyInnovation":
                c[edit.field] = edit.value;
                return;
            case "contactName":
            case "contactTitle":
            case "contactDepartment":
                c[edit.field] = single(edit.field, parseShort(edit.value));
                return;
            default:
                c[edit.field] = single(edit.field, parseLong(edit.value));
        }
    }

    function applyMilestoneEdit(m: Milestone, plan: Plan, edit: MilestoneEdit): void {
        const period = periodOf(plan);
        switch (edit.field) {
            case "title":
                m.title = single("title", parseTitle(edit.value));
                return;
            case "expectedOutputs":
                m.expectedOutputs = single("expectedOutputs", parseLong(edit.value));
                return;
            case "startDate": {
                const date = single("startDate", optionalDateInPeriod(edit.value, period));
                if (date !== null && m.dueDate !== null && m.dueDate < date) {
                    throw new Refused([{ field: "startDate", problem: { kind: "startAfterEnd", end: m.dueDate } }]);
                }
                m.startDate = date;
                return;
            }
            case "dueDate": {
                const date = single("dueDate", optionalDateInPeriod(edit.value, period));
                if (date !== null && m.startDate !== null && date < m.startDate) {
                    throw new Refused([{ field: "dueDate", problem: { kind: "endBeforeStart", start: m.startDate } }]);
                }
                m.dueDate = date;
                return;
            }
            case "leadInstitutionId":
                if (!institutionExists(edit.value)) throw new Refused([{ field: edit.field, problem: { kind: "unknownReference" } }]);
                m.leadInstitutionId = edit.value;
        }
    }

    /** Dates of a plan's commitments and milestones that a new period would leave outside. */
    function datesOutside(planId: string, period: Period): { before: number; after: number } {
        const dates: (string | null)[] = [];
        for (const c of state.commitments.filter(c => c.planId === planId)) {
            dates.push(c.startDate, c.endDate);
            for (const m of milestonesOf(c.id)) dates.push(m.startDate, m.dueDate);
        }
        const present = dates.filter((d): d is string => d !== null && !checkInPeriod(d, period).ok);
        return { before: present.filter(d => d < period.start).length, after: present.filter(d => d > period.end).length };
    }

    const backend: Backend = {
        getLocale: () => run(() => locale),
        setLocale: next =>
            run(() => {
                locale = next;
                storage?.setItem(LOCALE_KEY, next);
                return null;
            }),

        listPlans: () => run(() => [...state.plans].sort((a, b) => a.createdAt.localeCompare(b.createdAt))),
        createPlan: input =>
            change(() => {
                const valid = parsePlan(input);
                const stamp = now();
                const plan: Plan = { id: newId(), ...valid, isDemo: false, createdAt: stamp, updatedAt: stamp };
                state.plans.push(plan);
                return plan;
            }),
        updatePlan: (planId, input) =>
            change(() => {
                const plan = planOf(planId);
                const valid = parsePlan(input);
                const outside = datesOutside(planId, { start: valid.periodStart, end: valid.periodEnd });
                if (outside.before + outside.after > 0) {
                    const problems = new Problems();
                    if (outside.before > 0) problems.push("periodStart", { kind: "datesOutsideNewPeriod", count: outside.before });
                    if (outside.after > 0) problems.push("periodEnd", { kind: "datesOutsideNewPeriod", count: outside.after });
                    problems.finish();
                }
                Object.assign(plan, valid, { updatedAt: now() });
                return plan;
            }),
        loadDemoPlan: () =>
            run(() => {
                const loaded = state.plans.some(p => p.isDemo);
                const plan = loadDemo();
                if (!loaded) sync.recordLocalChange();
                return plan;
            }),
        planOverview: (planId, filter) =>
            run(() => {
                const plan = planOf(planId);
                const query = filter.query.trim();
                const filtered = query !== "" || filter.institutionId !== null;
                const areas = areasOf(planId).map(area => {
                    const all = commitmentsOf(area.id);
                    const areaMatches = query === "" || matchesQuery(area.title, query);
                    const commitments = all
                        .filter(c => areaMatches || matchesQuery(searchable(c), query))
                        .filter(
                            c =>
                                filter.institutionId === null ||
                                c.leadInstitutionId === filter.institutionId ||
                                c.supportingInstitutionIds.includes(filter.institutionId)
                        )
                        .map(summary);
                    return { area, commitments, totalCommitments: all.length };
                });
                const planCommitments = state.commitments.filter(c => c.planId === planId);
                return {
                    plan,
                    areas,
                    commitmentCount: planCommitments.length,
                    milestoneCount: planCommitments.reduce((n, c) => n + milestonesOf(c.id).length, 0),
                    matchingCount: areas.reduce((n, a) => n + a.commitments.length, 0),
                    filtered
                };
            }),

        createArea: (planId, input) =>
            change(() => {
                planOf(planId);
                const area: Area = { id: newId(), planId, ...parseArea(input), position: areasOf(planId).length };
                state.areas.push(area);
                return area;
            }),
        updateArea: (areaId, input) =>
            change(() => {
                const area = find(state.areas, areaId);
                Object.assign(area, parseArea(input));
                return area;
            }),
        deleteArea: areaId =>
            change(() => {
                const area = find(state.areas, areaId);
                const count = commitmentsOf(areaId).length;
                if (count > 0) {
                    throw failure(
                        "inUse",
                        fr()
                            ? `Cet axe contient encore ${count} engagement(s) : déplacez-les ou supprimez-les avant de supprimer l'axe.`
                            : `This area still holds ${count} commitment(s): move or delete them before deleting the area.`
                    );
                }
                state.areas = state.areas.filter(a => a.id !== areaId);
                renumber(areasOf(area.planId));
                return null;
            }),

        createCommitment: (areaId, title) =>
            change(() => {
                const area = find(state.areas, areaId);
                const valid = single("title", parseTitle(title));
                return insertCommitment(planOf(area.planId), area, valid);
            }),
        getCommitment: commitmentId =>
            run(() => {
                const commitment = find(state.commitments, commitmentId);
                const plan = planOf(commitment.planId);
                return {
                    plan,
                    area: find(state.areas, commitment.areaId),
                    commitment,
                    milestones: milestonesOf(commitmentId),
                    areas: areasOf(plan.id),
                    institutions: [...state.institutions].sort((a, b) => a.name.localeCompare(b.name, "fr")),
                    origin: openData.origin(commitmentId)
                };
            }),
        editCommitment: (commitmentId, edit) =>
            change(() => {
                const commitment = find(state.commitments, commitmentId);
                const draft = copy(commitment);
                applyEdit(draft, planOf(commitment.planId), edit);
                const previousArea = commitment.areaId;
                Object.assign(commitment, draft, { updatedAt: now() });
                if (previousArea !== commitment.areaId) renumber(commitmentsOf(previousArea));
                return commitment;
            }),
        deleteCommitment: commitmentId =>
            change(() => {
                const commitment = find(state.commitments, commitmentId);
                state.milestones = state.milestones.filter(m => m.commitmentId !== commitmentId);
                state.commitments = state.commitments.filter(c => c.id !== commitmentId);
                openData.forget(commitmentId);
                renumber(commitmentsOf(commitment.areaId));
                return null;
            }),

        createMilestone: (commitmentId, input) =>
            change(() => {
                const commitment = find(state.commitments, commitmentId);
                const valid = parseMilestone(input, periodOf(planOf(commitment.planId)));
                return insertMilestone(commitmentId, valid);
            }),
        editMilestone: (milestoneId, edit) =>
            change(() => {
                const milestone = find(state.milestones, milestoneId);
                const plan = planOf(find(state.commitments, milestone.commitmentId).planId);
                const draft = copy(milestone);
                applyMilestoneEdit(draft, plan, edit);
                Object.assign(milestone, draft, { updatedAt: now() });
                return milestone;
            }),
        moveMilestone: (milestoneId, position) =>
            change(() => {
                const milestone = find(state.milestones, milestoneId);
                const list = milestonesOf(milestone.commitmentId).filter(m => m.id !== milestoneId);
                const index = Math.max(0, Math.min(list.length, Math.trunc(position)));
                list.splice(index, 0, milestone);
                renumber(list);
                return list;
            }),
        deleteMilestone: milestoneId =>
            change(() => {
                const milestone = find(state.milestones, milestoneId);
                state.milestones = state.milestones.filter(m => m.id !== milestoneId);
                renumber(milestonesOf(milestone.commitmentId));
                return null;
            }),

        listInstitutions: () => run(() => [...state.institutions].sort((a, b) => a.name.localeCompare(b.name, "fr"))),
        createInstitution: input =>
            change(() => {
                const institution: Institution = { id: newId(), ...parseInstitution(input, null) };
                state.institutions.push(institution);
                return institution;
            }),
        updateInstitution: (institutionId, input) =>
            change(() => {
                const institution = find(state.institutions, institutionId);
                Object.assign(institution, parseInstitution(input, institutionId));
                return institution;
            }),
        deleteInstitution: institutionId =>
            change(() => {
                find(state.institutions, institutionId);
                const used =
                    state.commitments.some(
                        c => c.leadInstitutionId === institutionId || c.supportingInstitutionIds.includes(institutionId)
                    ) || state.milestones.some(m => m.leadInstitutionId === institutionId);
                if (used) {
                    throw failure(
                        "inUse",
                        fr()
                            ? "Cette institution porte ou soutient encore des engagements ou des jalons : retirez-la d'abord de ceux-ci."
                            : "This institution still leads or supports commitments or milestones: remove it from them first."
                    );
                }
                state.institutions = state.institutions.filter(i => i.id !== institutionId);
                return null;
            }),

        getSyncStatus: () => run(() => sync.status()),
        onSyncStatus: listener => Promise.resolve(sync.subscribe(listener)),
        getSyncSettings: () => run(() => sync.getSettings()),
        connectSync: async input => {
            await delay(latency * 4); // the server is asked
            return run(() => sync.connect(input));
        },
        disconnectSync: () =>
            run(() => {
                sync.disconnect();
                return null;
            }),
        syncNow: async () => {
            if (!sync.startSync()) return run(() => sync.status());
            await delay(latency * 8); // the exchange with the server
            return copy(sync.finishSync());
        },
        listConflicts: () => run(() => sync.listConflicts()),
        resolveConflict: (conflictId, choice) =>
            run(() => {
                sync.resolveConflict(conflictId, choice);
                return null;
            }),
        listRejections: () => run(() => sync.listRejections()),
        discardRejection: rejectionId =>
            run(() => {
                sync.discardRejection(rejectionId);
                return null;
            }),

        importOgpCsv: () => openData.importCsv(),
        onImportProgress: listener => Promise.resolve(openData.subscribe(listener)),
        exportPlan: (planId, format) => openData.exportPlan(planId, format)
    };
    return {
        ...backend,
        sync: {
            ...sync.controls,
            receiveCommitmentEdit: (commitmentId, edit) =>
                sync.controls.receiveChanges(() => {
                    const commitment = find(state.commitments, commitmentId);
                    applyEdit(commitment, planOf(commitment.planId), edit);
                    commitment.updatedAt = now();
                })
        },
        openData: openData.controls
    };
}

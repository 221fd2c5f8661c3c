/**
 * The desktop adapter: each port method is one Tauri command (snake_case name, camelCase
 * arguments). Tauri rejects with the command's error value, which is already a `Failure`;
 * anything else is wrapped so callers can always branch on `code`.
 */
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { Backend } from "../backend";
import type { ImportProgress, SyncStatus } from "../bindings";
import { toFailure } from "../backend";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
    try {
        return await invoke<T>(command, args);
    } catch (error) {
        throw toFailure(error);
    }
}

export function createTauriBackend(): Backend {
    return {
        getLocale: () => call("get_locale"),
        setLocale: locale => call("set_locale", { locale }),

        listPlans: () => call("list_plans"),
        createPlan: input => call("create_plan", { input }),
        updatePlan: (planId, input) => call("update_plan", { planId, input }),
        loadDemoPlan: () => call("load_demo_plan"),
        planOverview: (planId, filter) => call("plan_overview", { planId, filter }),

        createArea: (planId, input) => call("create_area", { planId, input }),
        updateArea: (areaId, input) => call("update_area", { areaId, input }),
        deleteArea: areaId => call("delete_area", { areaId }),

        createCommitment: (areaId, title) => call("create_commitment", { areaId, title }),
        getCommitment: commitmentId => call("get_commitment", { commitmentId }),
        editCommitment: (commitmentId, edit) => call("edit_commitment", { commitmentId, edit }),
        deleteCommitment: commitmentId => call("delete_commitment", { commitmentId }),

        createMilestone: (commitmentId, input) => call("create_milestone", { commitmentId, input }),
        editMilestone: (milestoneId, edit) => call("edit_milestone", { milestoneId, edit }),
        moveMilestone: (milestoneId, position) => call("move_milestone", { milestoneId, position }),
        deleteMilestone: milestoneId => call("delete_milestone", { milestoneId }),

        listInstitutions: () => call("list_institutions"),
        createInstitution: input => call("create_institution", { input }),
        updateInstitution: (institutionId, input) => call("update_institution", { institutionId, input }),
        deleteInstitution: institutionId => call("delete_institution", { institutionId }),

        getSyncStatus: () => call("get_sync_status"),
        // The backend emits `sync-status` with the whole status whenever one part of it changes.
        onSyncStatus: async listener => {
            try {
                return await listen<SyncStatus>("sync-status", event => listener(event.payload));
            } catch (error) {
                throw toFailure(error);
            }
        },
        getSyncSettings: () => call("get_sync_settings"),
        connectSync: input => call("connect_sync", { input }),
        disconnectSync: () => call("disconnect_sync"),
        syncNow: () => call("sync_now"),
        listConflicts: () => call("list_conflicts"),
        resolveConflict: (conflictId, choice) => call("resolve_conflict", { conflictId, choice }),
        listRejections: () => call("list_rejections"),
        discardRejection: rejectionId => call("discard_rejection", { rejectionId }),

        // The backend opens the file dialogs itself: no path from the interface.
        importOgpCsv: () => call("import_ogp_csv", { path: null }),
        // The backend emits `import-progress` while an import runs.
        onImportProgress: async listener => {
            try {
                return await listen<ImportProgress>("import-progress", event => listener(event.payload));
            } catch (error) {
                throw toFailure(error);
            }
        },
        exportPlan: (planId, format) => call("export_plan", { planId, format, path: null })
    };
}

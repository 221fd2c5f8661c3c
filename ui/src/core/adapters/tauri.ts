/**
 * The desktop adapter: carries each call to the Tauri command of the same name (camelCase
 * arguments) and each event from Tauri's event system. Tauri rejects with the command's error
 * value, which is already a `Failure`; anything else is wrapped so callers can always branch on
 * `code`.
 */
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { Backend } from "../backend";
import { toFailure } from "../backend";
import { backendOver } from "../commands";

export function createTauriBackend(): Backend {
    return backendOver({
        call: async (command, args) => {
            try {
                return await invoke(command, args);
            } catch (error) {
                throw toFailure(error);
            }
        },
        listen: async (event, listener) => {
            try {
                return await listen(event, message => listener(message.payload));
            } catch (error) {
                throw toFailure(error);
            }
        }
    });
}

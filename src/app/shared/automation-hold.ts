import type { KeyValueStore } from '../ports';

/** KVS key set while a platform check fails: automation runs in dry run until a later run passes. */
export const AUTOMATION_HOLD_KEY = 'platform-checks:hold';

export interface AutomationHold {
  since: string;
  failed: string[];
}

/** Whether a failed platform check holds automation in dry run (one KVS read). */
export async function automationHeld(store: KeyValueStore): Promise<boolean> {
  return (await store.get<AutomationHold>(AUTOMATION_HOLD_KEY)) !== undefined;
}

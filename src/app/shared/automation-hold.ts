import type { ProjectConfig } from '../../domain/config';
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

/**
 * The project's configuration as automation must apply it: in dry run while a failed platform check holds
 * automation, whatever the admin chose. Every writer (sweep, event rules, queued Delivery work) reads it here.
 */
export async function heldConfig(store: KeyValueStore, config: ProjectConfig): Promise<ProjectConfig> {
  if (config.automation.dryRun || !(await automationHeld(store))) return config;
  return { ...config, automation: { ...config.automation, dryRun: true } };
}

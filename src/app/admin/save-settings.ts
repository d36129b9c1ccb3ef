import type { SaveSettingsResult } from '../../contract/settings';
import { publishRulesItem } from '../rules/rules-work';
import { forgetFieldNameIndex } from '../shared/field-ids';
import { forgetKeptIds } from '../shared/kept-ids';
import type { SaveConflict, SaveResult } from '../shared/config-repository';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { contractErrors, type RowOrder } from './error-paths';
import type { SettingChange } from '../shared/audit-log';
import { settingChanges } from './settings-changes';
import { draftSettings, scopeSettings } from './settings-draft';

/**
 * Validates and saves the site settings or one project's overrides. The whole configuration is
 * validated before anything is stored; every problem comes back with the admin page's field path. A save based
 * on an older version than the stored one is refused, so two admins never overwrite each other unseen.
 * Jira administrators only.
 *
 * @throws NotJiraAdminError, InvalidPayloadError (a payload of the wrong shape, not a validation failure).
 */
export async function saveSettings(payload: unknown, deps: AdminDeps): Promise<SaveSettingsResult> {
  await requireJiraAdmin(deps);
  const draft = await draftSettings(payload, deps);
  if ('result' in draft) return draft.result;
  const { body, next, rows, prefix, loaded, after } = draft;
  const saved = await deps.app.config.save(next, body.expectedVersion, deps.now, deps.accountId);
  if (saved.ok) {
    const scope = body.scope === 'project' ? body.projectKey : null;
    const changes = settingChanges(scopeSettings(loaded.config, scope), scopeSettings(after, scope));
    await recordSave(deps, scope ?? '', saved.version, changes);
    // A field, type or security level name configured now may be one the kept lookups do not know yet.
    await forgetFieldNameIndex(deps.app.store);
    await forgetKeptIds(deps.app.store);
    // The Jira expressions look up tables in the configured names: publish them again (through the queue; the
    // publication keeps the issue types it reads, after the forgetting above).
    await deps.app.queue.push([publishRulesItem()]);
  }
  if ('conflict' in saved) return conflictResult(saved, deps);
  return saveResult(saved, rows, prefix);
}

/** Changed settings kept per save; a save of more keeps their number. */
const CHANGES_KEPT = 40;

/**
 * Every accepted save goes to the audit trail (source `admin`): which scope (`''` = the site, else the project
 * key), the new version, who saved (the account id from the Forge context, shown as a name by the admin page,
 * never logged) and which settings changed, old → new.
 */
async function recordSave(
  deps: AdminDeps,
  projectKey: string,
  version: number,
  changes: SettingChange[],
): Promise<void> {
  await deps.app.audit.append({
    ...(deps.accountId !== undefined ? { actorAccountId: deps.accountId } : {}),
    changes: changes.slice(0, CHANGES_KEPT),
    ...(changes.length > CHANGES_KEPT ? { moreChanges: changes.length - CHANGES_KEPT } : {}),
    at: deps.now.toISOString(),
    projectKey,
    issueKey: '',
    issueId: '',
    action: 'settingsSaved',
    outcome: 'done',
    source: 'admin',
    detail: `version ${version}`,
    idempotencyKey: `settings:v${version}`,
  });
}

/**
 * Another save got there first: who (display name looked up as the calling admin, who may see it; else the
 * account id for the page to show as a mention) and when, for the page's "changed meanwhile" message.
 */
async function conflictResult(saved: SaveConflict, deps: AdminDeps): Promise<SaveSettingsResult> {
  let savedByName: string | undefined;
  if (saved.savedBy !== undefined) {
    try {
      savedByName = await deps.userMeta.getUserDisplayName(saved.savedBy);
    } catch {
      savedByName = undefined;
    }
  }
  return {
    ok: false,
    errors: [
      {
        path: '',
        message: `The settings were changed meanwhile (now version ${saved.currentVersion}). Reload the page and apply your changes again.`,
      },
    ],
    conflict: {
      version: saved.currentVersion,
      ...(saved.savedAt !== undefined ? { savedAt: saved.savedAt } : {}),
      ...(saved.savedBy !== undefined ? { savedBy: saved.savedBy } : {}),
      ...(savedByName !== undefined ? { savedByName } : {}),
    },
  };
}

function saveResult(
  saved: Exclude<SaveResult, SaveConflict>,
  rows: RowOrder,
  prefix: string,
): SaveSettingsResult {
  if (saved.ok) return { ok: true, version: saved.version };
  return { ok: false, errors: contractErrors(saved.errors, rows, prefix) };
}

import type { ProcessSettings, SaveSettingsResult, SettingsSection } from '../../contract/settings';
import { configForProject, settingsSchema, type AppConfig } from '../../domain/config';
import { publishRulesItem } from '../rules/rules-work';
import { isRecord } from '../shared/is-record';
import type { SaveConflict, SaveResult } from '../shared/config-repository';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { contractErrors, type RowOrder } from './error-paths';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { applyFragment, sectionInput } from './settings-input';
import type { FieldProblem } from './section-result';
import {
  processSettingsSchema,
  projectOverrideSchema,
  saveSettingsPayloadSchema,
} from './settings-payload-schema';
import { settingsView } from './settings-view';

/**
 * Validates and saves the site settings or one project's overrides. The whole configuration is
 * validated before anything is stored; every problem comes back with the admin page's field path. A save based
 * on an older version than the stored one is refused, so two admins never overwrite each other unseen.
 * Jira administrators only.
 *
 * @throws NotJiraAdminError, InvalidPayloadError (a payload of the wrong shape, not a validation failure).
 */
export async function saveSettings(payload: unknown, deps: AdminDeps): Promise<SaveSettingsResult> {
  await requireJiraAdmin(deps.user);
  const request = saveSettingsPayloadSchema.safeParse(payload);
  if (!request.success) throw new InvalidPayloadError(issueLines(request.error.issues));
  const loaded = await deps.app.config.load();
  const stored = isRecord(loaded.input) ? loaded.input : {};
  const site = settingsSchema.parse(siteSettings(loaded.config));
  const body = request.data;

  let next: Record<string, unknown>;
  let rows: RowOrder;
  let prefix = '';
  if (body.scope === 'site') {
    const settings = processSettingsSchema.safeParse(body.settings);
    if (!settings.success) return shapeErrors(settings.error.issues);
    const current = settingsView(site);
    const changed = (Object.keys(settings.data) as SettingsSection[]).filter(
      (s) => !sameValue(settings.data[s], current[s]),
    );
    // Only edited sections are written: what the page cannot show (e.g. an Opsgenie on-call target) survives.
    const built = buildInput(stored, changed, settings.data, site);
    if ('problems' in built) return { ok: false, errors: built.problems };
    next = withManagedProjects(built.input, body.managedProjects, loaded.config.projects);
    // The master switch is site-wide only (a project cannot resume what the site paused); written when flipped.
    if (body.automationEnabled !== undefined && body.automationEnabled !== loaded.config.automation.enabled)
      next = applyFragment(next, { automation: { enabled: body.automationEnabled } });
    rows = rowOrder(settings.data.regions, settings.data.escalation);
  } else {
    const override = projectOverrideSchema.safeParse(body.override);
    if (!override.success) return shapeErrors(override.error.issues);
    const sections = Object.keys(override.data) as SettingsSection[];
    const built = buildInput({}, sections, override.data, configForProject(loaded.config, body.projectKey));
    if ('problems' in built) return { ok: false, errors: built.problems };
    const overrides = isRecord(stored.projectOverrides) ? { ...stored.projectOverrides } : {};
    if (sections.length === 0) delete overrides[body.projectKey];
    else overrides[body.projectKey] = built.input;
    next = { ...stored, projectOverrides: overrides };
    rows = rowOrder(override.data.regions, override.data.escalation);
    prefix = `projectOverrides.${body.projectKey}.`;
  }
  const saved = await deps.app.config.save(next, body.expectedVersion, deps.now, deps.accountId);
  if (saved.ok) {
    await recordSave(deps, body.scope === 'project' ? body.projectKey : '', saved.version);
    // The Jira expressions look up tables in the configured names: publish them again (through the queue).
    await deps.app.queue.push([publishRulesItem()]);
  }
  if ('conflict' in saved) return conflictResult(saved, deps);
  return saveResult(saved, rows, prefix);
}

/**
 * The managed projects are written only when the admin changed the list (order does not matter), so a save
 * that did not touch them keeps the stored input minimal.
 */
function withManagedProjects(
  input: Record<string, unknown>,
  managed: string[],
  current: readonly string[],
): Record<string, unknown> {
  const wanted = [...new Set(managed.map((k) => k.trim()))].sort();
  return sameValue(wanted, [...current].sort()) ? input : { ...input, projects: wanted };
}

function rowOrder(
  regions: ProcessSettings['regions'] | undefined,
  escalation: ProcessSettings['escalation'] | undefined,
): RowOrder {
  return {
    regions: (regions?.regions ?? []).map((r) => r.region.trim()),
    organizations: (regions?.organizations ?? []).map((o) => o.organization.trim()),
    regionGroups: (escalation?.regionGroups ?? []).map((g) => g.region.trim()),
  };
}

/**
 * Every accepted save goes to the audit trail (source `admin`): which scope (`''` = the site, else the project
 * key) and the new version. Who saved is deliberately not recorded; Jira's own audit log has the admin.
 */
async function recordSave(deps: AdminDeps, projectKey: string, version: number): Promise<void> {
  await deps.app.audit.append({
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

function buildInput(
  start: Record<string, unknown>,
  sections: SettingsSection[],
  values: Partial<ProcessSettings>,
  base: Parameters<typeof sectionInput>[2],
): { input: Record<string, unknown> } | { problems: FieldProblem[] } {
  let input = start;
  const problems: FieldProblem[] = [];
  for (const section of sections) {
    const value = values[section];
    if (value === undefined) continue;
    const translated = sectionInput(section, value, base);
    if ('problems' in translated) problems.push(...translated.problems);
    else input = applyFragment(input, translated.fragment);
  }
  return problems.length > 0 ? { problems } : { input };
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

function shapeErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): SaveSettingsResult {
  return {
    ok: false,
    errors: issues.map((i) => {
      const path = i.path.map(String).join('.');
      return { path, message: `${path || 'settings'}: ${i.message}` };
    }),
  };
}

function siteSettings(config: AppConfig): Record<string, unknown> {
  const { projects: _projects, projectOverrides: _overrides, ...settings } = config;
  return settings;
}

/** Structural equality of two JSON values, independent of key order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

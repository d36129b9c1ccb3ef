import type { ProcessSettings, SaveSettingsResult, SettingsSection } from '../../contract/settings';
import { configForProject, settingsSchema, type AppConfig } from '../../domain/config';
import { parseConfig } from '../../domain/config/parse-config';
import { isRecord } from '../shared/is-record';
import type { LoadedConfig } from '../shared/config-repository';
import type { AdminDeps } from './admin-access';
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

/** A save as it would be stored: the payload, the stored input it would write and both configurations. */
export interface SettingsDraft {
  body: ReturnType<typeof saveSettingsPayloadSchema.parse>;
  loaded: LoadedConfig;
  /** The stored input the save would write. */
  next: Record<string, unknown>;
  /** The configuration the save would put in force. */
  after: AppConfig;
  rows: RowOrder;
  /** Where the page's field paths start in the stored input (`projectOverrides.SD.` for a project). */
  prefix: string;
}

/**
 * What a `saveSettings` payload would store, without storing it: the new input and the configuration it puts
 * in force, or the field problems the save would answer with. The save and its impact preview share it, so
 * the preview judges exactly what the save would keep. Callers check admin rights first.
 *
 * @throws InvalidPayloadError for a payload of the wrong shape (not a validation failure).
 */
export async function draftSettings(
  payload: unknown,
  deps: AdminDeps,
): Promise<SettingsDraft | { result: SaveSettingsResult }> {
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
    if (!settings.success) return { result: shapeErrors(settings.error.issues) };
    const current = settingsView(site);
    const changed = (Object.keys(settings.data) as SettingsSection[]).filter(
      (s) => !sameValue(settings.data[s], current[s]),
    );
    // Only edited sections are written: what the page cannot show (e.g. an Opsgenie on-call target) survives.
    const built = buildInput(stored, changed, settings.data, site);
    if ('problems' in built) return { result: { ok: false, errors: built.problems } };
    next = withManagedProjects(built.input, body.managedProjects, loaded.config.projects);
    // The master switch is site-wide only (a project cannot resume what the site paused); written when flipped.
    if (body.automationEnabled !== undefined && body.automationEnabled !== loaded.config.automation.enabled)
      next = applyFragment(next, { automation: { enabled: body.automationEnabled } });
    rows = rowOrder(settings.data.regions, settings.data.escalation);
  } else {
    const override = projectOverrideSchema.safeParse(body.override);
    if (!override.success) return { result: shapeErrors(override.error.issues) };
    const sections = Object.keys(override.data) as SettingsSection[];
    const built = buildInput({}, sections, override.data, configForProject(loaded.config, body.projectKey));
    if ('problems' in built) return { result: { ok: false, errors: built.problems } };
    const overrides = isRecord(stored.projectOverrides) ? { ...stored.projectOverrides } : {};
    if (sections.length === 0) delete overrides[body.projectKey];
    else overrides[body.projectKey] = built.input;
    next = { ...stored, projectOverrides: overrides };
    rows = rowOrder(override.data.regions, override.data.escalation);
    prefix = `projectOverrides.${body.projectKey}.`;
  }
  const parsed = parseConfig(next);
  if (!parsed.ok) return { result: { ok: false, errors: contractErrors(parsed.errors, rows, prefix) } };
  return { body, loaded, next, after: parsed.config, rows, prefix };
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

/**
 * The settings of the save's scope as the admin page shows them: the site's with the managed projects and the
 * master switch, or the settings in force in one project. Two of them compared say what a save changed.
 */
export function scopeSettings(config: AppConfig, projectKey: string | null): Record<string, unknown> {
  if (projectKey !== null) return { ...settingsView(configForProject(config, projectKey)) };
  return {
    projects: [...config.projects].sort(),
    automationEnabled: config.automation.enabled,
    ...settingsView(settingsSchema.parse(siteSettings(config))),
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

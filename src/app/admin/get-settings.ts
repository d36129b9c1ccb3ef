import { z } from 'zod';
import type {
  MessageCatalogEntry,
  ProjectOverride,
  SettingsView,
  SiteProject,
} from '../../contract/settings';
import { configForProject, settingsSchema, type AppConfig } from '../../domain/config';
import { MESSAGE_PLACEHOLDERS } from '../../domain/texts/message-keys';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { DOMAIN_MESSAGE_KEY } from './message-key-map';
import { CONTRACT_MESSAGE_KEYS } from './settings-payload-schema';
import { settingsView } from './settings-view';
import { overriddenSections } from './override-sections';

/** Sample values the admin page's preview fills into each placeholder. */
const SAMPLES: Record<string, string> = {
  ticketKey: 'SUP-123',
  reminderNumber: '2',
  reminderCount: '3',
  closeDate: '2026-12-24',
  closeAfterDays: '40',
  expiryDate: '2027-03-19',
  validWeeks: '16',
  from: 'Open',
  to: 'Delivery Pending',
  reason: 'not allowed for Support Request',
  version: '14.21.3.1',
};

/** The messages the admin page edits, with their placeholders and sample values. */
export function messageCatalog(): MessageCatalogEntry[] {
  return CONTRACT_MESSAGE_KEYS.map((key) => ({
    key,
    params: MESSAGE_PLACEHOLDERS[DOMAIN_MESSAGE_KEY[key]].map((name) => ({
      name,
      sample: SAMPLES[name] ?? name,
    })),
  }));
}

/**
 * The admin page's settings: the site's, each managed project's overridden sections (as they apply after
 * merging), the site's service desk projects and the message catalogue. Jira administrators only.
 */
export async function getSettings(payload: unknown, deps: AdminDeps): Promise<SettingsView> {
  await requireJiraAdmin(deps.user);
  const parsed = z.strictObject({}).safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const [{ config, version }, desks] = await Promise.all([
    deps.app.config.load(),
    deps.userMeta.getServiceDesks(),
  ]);
  return {
    site: settingsView(settingsSchema.parse(siteInput(config))),
    overrides: projectOverrides(config),
    projects: siteProjects(config, desks),
    messages: messageCatalog(),
    version,
  };
}

function siteInput(config: AppConfig): Record<string, unknown> {
  const { projects: _projects, projectOverrides: _overrides, ...settings } = config;
  return settings;
}

function projectOverrides(config: AppConfig): Record<string, ProjectOverride> {
  const result: Record<string, ProjectOverride> = {};
  for (const [projectKey, override] of Object.entries(config.projectOverrides)) {
    const view = settingsView(configForProject(config, projectKey));
    const sections = overriddenSections(override);
    result[projectKey] = Object.fromEntries(sections.map((s) => [s, view[s]]));
  }
  return result;
}

function siteProjects(
  config: AppConfig,
  desks: { projectId: string; projectKey: string; projectName: string }[],
): SiteProject[] {
  const projects: SiteProject[] = desks.map((d) => ({
    id: d.projectId,
    key: d.projectKey,
    name: d.projectName,
    serviceDesk: true,
    overridden: d.projectKey in config.projectOverrides,
  }));
  // Managed projects the admin cannot see as service desks still appear, so their overrides stay editable.
  for (const key of config.projects) {
    if (!projects.some((p) => p.key === key)) {
      projects.push({
        id: key,
        key,
        name: key,
        serviceDesk: false,
        overridden: key in config.projectOverrides,
      });
    }
  }
  return projects.sort((a, b) => a.key.localeCompare(b.key));
}

import { z } from 'zod';
import type { ProjectOverride, SettingsView, SiteProject } from '../../contract/settings';
import { configForProject, settingsSchema, type AppConfig } from '../../domain/config';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { messageCatalog } from './message-catalog';
import { settingsView } from './settings-view';
import { overriddenSections } from './override-sections';

/**
 * The admin page's settings: the site's, each managed project's overridden sections (as they apply after
 * merging), the site's service desk projects and the message catalogue. Jira administrators only: the check is
 * the backend's own, as the user, before anything else. The service desks come from `reads` (the resolver hands
 * it the page's reads as the admin, decision 0018).
 */
export async function getSettings(
  payload: unknown,
  deps: AdminDeps,
  reads: Pick<AdminDeps, 'userMeta'> = deps,
): Promise<SettingsView> {
  await requireJiraAdmin(deps);
  const parsed = z.strictObject({}).safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const [{ config, version }, desks] = await Promise.all([
    deps.app.config.load(),
    reads.userMeta.getServiceDesks(),
  ]);
  return {
    site: settingsView(settingsSchema.parse(siteInput(config))),
    overrides: projectOverrides(config),
    projects: siteProjects(config, desks),
    messages: messageCatalog(),
    automationEnabled: config.automation.enabled,
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
    managed: config.projects.includes(d.projectKey),
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
        managed: true,
      });
    }
  }
  return projects.sort((a, b) => a.key.localeCompare(b.key));
}

import { siteSettings, type AppConfig } from './app-config-schema';
import { deepMerge } from './deep-merge';
import { settingsSchema, type Settings } from './settings-schema';

/** The settings in force for one project: what every rule receives. */
export type ProjectConfig = Settings & { readonly projectKey: string };

// Configs are immutable values; merge each (config, project) pair once.
const cache = new WeakMap<AppConfig, Map<string, ProjectConfig>>();

/**
 * Site settings merged with the project's overrides. A project without overrides gets the site settings.
 * The merged settings were validated by `parseConfig`, so this only throws for a config that bypassed it.
 *
 * @example
 * configForProject(defaultConfig, 'SUP').timers.clarification.closeAfterDays; // 40
 */
export function configForProject(config: AppConfig, projectKey: string): ProjectConfig {
  let byProject = cache.get(config);
  if (!byProject) {
    byProject = new Map();
    cache.set(config, byProject);
  }
  let projectConfig = byProject.get(projectKey);
  if (!projectConfig) {
    const override = config.projectOverrides[projectKey];
    const settings = settingsSchema.parse(deepMerge(siteSettings(config), override));
    // The site's "pause all automation" switch wins: no project override can resume what the site paused.
    const enabled = config.automation.enabled && settings.automation.enabled;
    projectConfig = { ...settings, automation: { ...settings.automation, enabled }, projectKey };
    byProject.set(projectKey, projectConfig);
  }
  return projectConfig;
}

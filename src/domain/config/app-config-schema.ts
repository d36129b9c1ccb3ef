import { z } from 'zod';
import { checkSettingsConsistency } from './consistency-rules';
import { deepMerge } from './deep-merge';
import { projectKeySchema } from './schema-helpers';
import { settingsSchema, settingsShape } from './settings-schema';

/** Settings keys of the site configuration, without the project list and overrides. */
function siteSettings(config: Record<string, unknown>): Record<string, unknown> {
  const { projects: _projects, projectOverrides: _overrides, ...settings } = config;
  return settings;
}

/**
 * The whole site configuration: one set of settings with the guide's values as defaults, the projects the app
 * manages, and per-project overrides. Unknown keys and contradictions anywhere (including in the result of
 * any override) reject the configuration as a whole.
 */
export const appConfigSchema = z
  .strictObject({
    ...settingsShape,
    /** Keys of the Jira projects whose tickets the app manages. */
    projects: z.array(projectKeySchema).default([]),
    /** Project key → partial settings merged onto the site settings (validated after merging). */
    projectOverrides: z.record(projectKeySchema, z.record(z.string(), z.unknown())).default({}),
  })
  .superRefine((config, ctx) => {
    checkSettingsConsistency(config, ctx);
    // Site problems would repeat under every override; report them once and check overrides when they are fixed.
    const siteIsValid = ctx.issues.length === 0;
    for (const [projectKey, override] of Object.entries(config.projectOverrides)) {
      if (!config.projects.includes(projectKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['projectOverrides', projectKey],
          message: `project ${projectKey} has overrides but is not listed in projects`,
          input: override,
        });
      }
      if (!siteIsValid) continue;
      const merged = settingsSchema.safeParse(deepMerge(siteSettings(config), override));
      if (!merged.success) {
        for (const issue of merged.error.issues) {
          ctx.addIssue({
            ...issue,
            path: ['projectOverrides', projectKey, ...issue.path],
          });
        }
      }
    }
  });

/** The parsed site configuration. */
export type AppConfig = z.output<typeof appConfigSchema>;

/**
 * The configuration of a site that has saved nothing yet: the guide's values.
 * @internal Exported for tests, the benchmark and the examples in these comments.
 */
export const defaultConfig: AppConfig = appConfigSchema.parse({});

export { siteSettings };

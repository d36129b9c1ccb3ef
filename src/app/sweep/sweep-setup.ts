import { configForProject, type AppConfig } from '../../domain/config';
import type { AppDeps } from '../deps';
import { heldConfig } from '../shared/automation-hold';
import { WorkflowTransitions } from '../shared/workflow-transitions';
import { organizationsFieldId } from './organizations-field';
import type { SweepContext } from './sweep-context';

/**
 * Builds the sweep context of one project, or `undefined` when the app is switched off for it (site-wide
 * `automation.enabled`, per-project override, or the project is not managed). The Organizations field is read
 * only when the project chooses texts per organization.
 */
export async function sweepContextFor(
  deps: AppDeps,
  config: AppConfig,
  projectKey: string,
  now: Date,
): Promise<SweepContext | undefined> {
  if (!config.projects.includes(projectKey)) return undefined;
  // A failed platform check holds automation in dry run until a later run passes.
  const cfg = await heldConfig(deps.store, configForProject(config, projectKey));
  if (!cfg.automation.enabled) return undefined;
  const byOrganization = Object.keys(cfg.languageByOrganization).length > 0;
  return {
    deps,
    cfg,
    now,
    dryRun: cfg.automation.dryRun,
    transitions: new WorkflowTransitions(deps.jira, deps.store),
    organizationsFieldId: byOrganization ? await organizationsFieldId(deps.jira, deps.store) : undefined,
  };
}

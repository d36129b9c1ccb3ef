import { configForProject, type AppConfig } from '../../domain/config';
import { KINDS, type Kind } from '../../domain/kinds';
import {
  RECLASSIFICATION_RULES_KEY,
  reclassificationRules,
  transitionRules,
  transitionRulesKey,
} from '../../domain/workflows/published-rules';
import type { KeyValueStore, RulesPublisher } from '../ports';
import { automationHeld } from '../shared/automation-hold';
import { appAccountId } from '../shared/app-account';
import { keepListedIds } from '../shared/kept-ids';

/** KVS key recording what was published last: which projects carry tables, from which config version. */
const PUBLISHED_RULES_KEY = 'rules:published';

export interface PublishedRules {
  configVersion: number;
  projects: string[];
  at: string;
}

export interface PublishRulesDeps {
  rules: RulesPublisher;
  store: KeyValueStore;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Projects whose tickets the expressions should guard: managed, automation on, not in dry run. */
function enforcedProjects(config: AppConfig): string[] {
  return config.projects.filter((key) => {
    const { automation } = configForProject(config, key);
    return automation.enabled && !automation.dryRun;
  });
}

/**
 * Publishes the tables the Jira expressions look up, in each enforced project's configured names: the transition
 * table as the Forge app property `jsm-process-rules.<KEY>` and the reclassification table as the project
 * property `jsm-process-rules`. Projects that no longer qualify (unmanaged, paused, dry run) lose their tables, so
 * the expressions allow everything there; while a failed platform check holds automation in dry run, every project
 * loses them (the event rules do not revert then either). Idempotent: every write replaces the whole value. Costs
 * the read of the issue types (kept a week for the events' lookups by name: `keepListedIds`; and, once a year, the
 * app's account id: `appAccountId`) plus 2 writes per enforced project and 2 deletes per withdrawn one.
 *
 * @example
 * await publishRules(config, 7, now, { rules, store }); // { configVersion: 7, projects: ['SUP'], at: '…' }
 */
export async function publishRules(
  config: AppConfig,
  configVersion: number,
  now: Date,
  deps: PublishRulesDeps,
): Promise<PublishedRules> {
  const previous = await deps.store.get<PublishedRules>(PUBLISHED_RULES_KEY);
  const projects = (await automationHeld(deps.store)) ? [] : enforcedProjects(config);
  if (projects.length > 0) {
    const [types, appAccount] = await Promise.all([
      deps.rules.issueTypes(),
      appAccountId(deps.store, () => deps.rules.myAccountId()),
    ]);
    // The same list names the types the e-mail intake re-types to: kept, so that an event need not read it.
    await keepListedIds(deps.store, 'issueType', '', types);
    for (const projectKey of projects) {
      const { names } = configForProject(config, projectKey);
      const typeIds = Object.fromEntries(
        KINDS.map((kind) => [kind, types.filter((t) => same(t.name, names.kinds[kind])).map((t) => t.id)]),
      ) as Record<Kind, string[]>;
      await deps.rules.setAppProperty(transitionRulesKey(projectKey), transitionRules(names, appAccount));
      await deps.rules.setProjectProperty(
        projectKey,
        RECLASSIFICATION_RULES_KEY,
        reclassificationRules(names, typeIds, appAccount),
      );
    }
  }
  for (const projectKey of previous?.projects ?? []) {
    if (projects.includes(projectKey)) continue;
    await deps.rules.deleteAppProperty(transitionRulesKey(projectKey));
    await deps.rules.deleteProjectProperty(projectKey, RECLASSIFICATION_RULES_KEY);
  }
  const published: PublishedRules = { configVersion, projects, at: now.toISOString() };
  await deps.store.set(PUBLISHED_RULES_KEY, published);
  return published;
}

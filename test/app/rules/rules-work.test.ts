import type { EventDeps } from '../../../src/app/events/event-deps';
import type { RulesPublisher } from '../../../src/app/ports';
import { publishRulesItem, RULES_WORK_HANDLERS } from '../../../src/app/rules/rules-work';
import { ConfigRepository } from '../../../src/app/shared/config-repository';
import { transitionRulesKey } from '../../../src/domain/workflows/published-rules';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');

describe('the queued publication of the expression tables', () => {
  it('publishes the tables of the configuration in force and logs what it published', async () => {
    const store = new MemoryStore();
    const config = new ConfigRepository(store);
    await config.save({ projects: ['SUP', 'ABC'] }, 0, NOW);
    const published: string[] = [];
    const rules: RulesPublisher = {
      setAppProperty: async (key) => void published.push(key),
      deleteAppProperty: async () => undefined,
      setProjectProperty: async () => undefined,
      deleteProjectProperty: async () => undefined,
      issueTypes: async () => [],
      myAccountId: async () => 'app-account',
    };
    const logged: [string, unknown][] = [];
    const log = { info: (event: string, data: unknown) => void logged.push([event, data]) };
    const deps = { store, config, rules, log, clock: { now: () => NOW } } as unknown as EventDeps;

    const item = publishRulesItem();
    const handler = RULES_WORK_HANDLERS[String(item.body.type)];
    if (!handler) throw new Error(`no handler for ${JSON.stringify(item.body)}`);
    await expect(handler(item.body, deps)).resolves.toEqual({ kind: 'done' });

    expect(published).toEqual([transitionRulesKey('SUP'), transitionRulesKey('ABC')]);
    const { version } = await new ConfigRepository(store).load();
    expect(await store.get('rules:published')).toEqual({
      configVersion: version,
      projects: ['SUP', 'ABC'],
      at: NOW.toISOString(),
    });
    expect(logged).toEqual([['rules.published', { configVersion: version, projects: 2 }]]);
  });
});

import { publishRules } from '../../../src/app/rules/publish-rules';
import type { RulesPublisher } from '../../../src/app/ports';
import { AUTOMATION_HOLD_KEY } from '../../../src/app/shared/automation-hold';
import type { AppConfig } from '../../../src/domain/config';
import { parseConfig } from '../../../src/domain/config/parse-config';
import {
  RECLASSIFICATION_RULES_KEY,
  reclassificationRules,
  transitionRules,
  transitionRulesKey,
} from '../../../src/domain/workflows/published-rules';
import { MemoryStore } from '../../support/memory-store';
import { appAccountId } from '../../../src/app/shared/app-account';
import { keptIdByName } from '../../../src/app/shared/kept-ids';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const APP = 'app-account';

function config(input: Record<string, unknown>): AppConfig {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

/** A site's rules publisher that records every call, with the given issue types. */
function fakeRules(types: { id: string; name: string }[] = []) {
  const calls: unknown[][] = [];
  const appProperties = new Map<string, unknown>();
  const projectProperties = new Map<string, unknown>();
  const rules: RulesPublisher = {
    setAppProperty: async (key, value) => {
      calls.push(['setAppProperty', key]);
      appProperties.set(key, value);
    },
    deleteAppProperty: async (key) => {
      calls.push(['deleteAppProperty', key]);
      appProperties.delete(key);
    },
    setProjectProperty: async (projectKey, key, value) => {
      calls.push(['setProjectProperty', projectKey, key]);
      projectProperties.set(`${projectKey}/${key}`, value);
    },
    deleteProjectProperty: async (projectKey, key) => {
      calls.push(['deleteProjectProperty', projectKey, key]);
      projectProperties.delete(`${projectKey}/${key}`);
    },
    issueTypes: async () => {
      calls.push(['issueTypes']);
      return types;
    },
    myAccountId: async () => {
      calls.push(['myAccountId']);
      return APP;
    },
  };
  return { rules, calls, appProperties, projectProperties };
}

describe('publishRules', () => {
  it('publishes both tables of every enforced project in its own names, and records what it published', async () => {
    const site = fakeRules([
      { id: '1', name: 'Incident' },
      { id: '2', name: ' störung ' },
      { id: '3', name: 'Support Request' },
    ]);
    const store = new MemoryStore();
    const cfg = config({
      projects: ['SUP', 'ABC'],
      projectOverrides: { ABC: { names: { kinds: { incident: 'Störung' } } } },
    });

    const published = await publishRules(cfg, 7, NOW, { rules: site.rules, store });

    expect(published).toEqual({ configVersion: 7, projects: ['SUP', 'ABC'], at: NOW.toISOString() });
    expect(await store.get('rules:published')).toEqual(published);
    // The first publication has nothing to withdraw.
    expect(site.calls.filter(([call]) => String(call).startsWith('delete'))).toEqual([]);
    const sup = cfg.names;
    const abc = { ...cfg.names, kinds: { ...cfg.names.kinds, incident: 'Störung' } };
    expect(site.appProperties.get(transitionRulesKey('SUP'))).toEqual(transitionRules(sup, APP));
    expect(site.appProperties.get(transitionRulesKey('ABC'))).toEqual(transitionRules(abc, APP));
    const ids = (incident: string[]) => ({
      incident,
      request: [],
      softwareDefect: [],
      nonSoftwareDefect: [],
      consultingRequest: [],
      supportRequest: ['3'],
      customisation: [],
      suggestion: [],
      delivery: [],
    });
    expect(site.projectProperties.get(`SUP/${RECLASSIFICATION_RULES_KEY}`)).toEqual(
      reclassificationRules(sup, ids(['1']), APP),
    );
    expect(site.projectProperties.get(`ABC/${RECLASSIFICATION_RULES_KEY}`)).toEqual(
      reclassificationRules(abc, ids(['2']), APP),
    );
  });

  it('keeps the issue types it read, so that the e-mail intake’s lookup by name asks Jira nothing', async () => {
    const site = fakeRules([
      { id: '1', name: 'Incident' },
      { id: '4', name: 'Request' },
    ]);
    const store = new MemoryStore();
    await publishRules(config({ projects: ['SUP'] }), 1, NOW, { rules: site.rules, store });
    const unasked = () => Promise.reject(new Error('Jira was asked'));
    await expect(keptIdByName(store, 'issueType', '', 'request', unasked)).resolves.toBe('4');
    await expect(keptIdByName(store, 'issueType', '', 'Incident', unasked)).resolves.toBe('1');
  });

  it('reads the app’s account id once: a later publication, and the sweep’s proof, take the kept one', async () => {
    const store = new MemoryStore();
    const first = fakeRules();
    await publishRules(config({ projects: ['SUP'] }), 1, NOW, { rules: first.rules, store });
    expect(first.calls.filter(([call]) => call === 'myAccountId')).toHaveLength(1);
    const second = fakeRules();
    await publishRules(config({ projects: ['SUP'] }), 2, NOW, { rules: second.rules, store });
    expect(second.calls.filter(([call]) => call === 'myAccountId')).toEqual([]);
    expect(second.appProperties.get(transitionRulesKey('SUP'))).toEqual(
      transitionRules(config({}).names, APP),
    );
    await expect(appAccountId(store, () => Promise.reject(new Error('not read again')))).resolves.toBe(APP);
  });

  it.each([
    ['paused', { automation: { enabled: false } }],
    ['in dry run', { automation: { dryRun: true } }],
  ])(
    'withdraws the tables of a project %s, and reads nothing from Jira when none is left',
    async (_name, override) => {
      const store = new MemoryStore();
      await publishRules(config({ projects: ['SUP'] }), 1, NOW, { rules: fakeRules().rules, store });
      const site = fakeRules();

      const published = await publishRules(
        config({ projects: ['SUP'], projectOverrides: { SUP: override } }),
        2,
        NOW,
        { rules: site.rules, store },
      );

      expect(published.projects).toEqual([]);
      expect(site.calls).toEqual([
        ['deleteAppProperty', transitionRulesKey('SUP')],
        ['deleteProjectProperty', 'SUP', RECLASSIFICATION_RULES_KEY],
      ]);
    },
  );

  it('withdraws only the tables of projects no longer enforced', async () => {
    const store = new MemoryStore();
    await publishRules(config({ projects: ['SUP', 'ABC'] }), 1, NOW, { rules: fakeRules().rules, store });
    const site = fakeRules();

    await publishRules(config({ projects: ['SUP'] }), 2, NOW, { rules: site.rules, store });

    expect(site.calls.filter(([call]) => String(call).startsWith('delete'))).toEqual([
      ['deleteAppProperty', transitionRulesKey('ABC')],
      ['deleteProjectProperty', 'ABC', RECLASSIFICATION_RULES_KEY],
    ]);
    expect(site.calls.filter(([call]) => String(call).startsWith('set'))).toEqual([
      ['setAppProperty', transitionRulesKey('SUP')],
      ['setProjectProperty', 'SUP', RECLASSIFICATION_RULES_KEY],
    ]);
  });

  it('withdraws every table while a failed platform check holds automation', async () => {
    const store = new MemoryStore();
    await publishRules(config({ projects: ['SUP'] }), 1, NOW, { rules: fakeRules().rules, store });
    await store.set(AUTOMATION_HOLD_KEY, { since: NOW.toISOString(), failed: ['kvsConflict'] });
    const site = fakeRules();

    const published = await publishRules(config({ projects: ['SUP'] }), 1, NOW, { rules: site.rules, store });

    expect(published.projects).toEqual([]);
    expect(site.calls).toEqual([
      ['deleteAppProperty', transitionRulesKey('SUP')],
      ['deleteProjectProperty', 'SUP', RECLASSIFICATION_RULES_KEY],
    ]);
  });
});

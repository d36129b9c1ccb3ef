import { AUTOMATION_HOLD_KEY } from '../../../src/app/shared/automation-hold';
import { sweepContextFor } from '../../../src/app/sweep/sweep-setup';
import type { AppConfig } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { now, sweepAppDeps } from './sweep-fakes';

const ORGANIZATIONS = 'customfield_10002';

/** The site's settings with `changes` applied to a managed project SUP. */
function config(changes: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig, projects: ['SUP'], ...changes };
}

/** The sweep's dependencies over a site whose Organizations field is known; counts the reads of the fields. */
async function deps() {
  const f = await sweepAppDeps();
  let reads = 0;
  f.deps.jira.getFields = async () => {
    reads += 1;
    return [
      {
        id: ORGANIZATIONS,
        name: 'Organizations',
        schema: { type: 'array', custom: 'com.atlassian.servicedesk:sd-customer-organizations' },
      },
    ];
  };
  return { ...f, fieldReads: () => reads };
}

describe('sweepContextFor: the sweep context of one project', () => {
  it('sweeps a managed project with its settings, as of the time given', async () => {
    const f = await deps();
    const ctx = await sweepContextFor(f.deps, config(), 'SUP', now);
    expect(ctx).toMatchObject({ deps: f.deps, now, dryRun: false, organizationsFieldId: undefined });
    expect(ctx?.cfg.projectKey).toBe('SUP');
    expect(ctx?.transitions).toBeDefined();
    expect(f.fieldReads()).toBe(0);
  });

  it('leaves out a project that is not managed', async () => {
    const f = await deps();
    expect(await sweepContextFor(f.deps, config(), 'OPS', now)).toBeUndefined();
  });

  it.each([
    ['site-wide', config({ automation: { ...defaultConfig.automation, enabled: false } })],
    ['for the project', config({ projectOverrides: { SUP: { automation: { enabled: false } } } })],
  ])('leaves out a project whose automation is off %s', async (_name, settings) => {
    const f = await deps();
    expect(await sweepContextFor(f.deps, settings, 'SUP', now)).toBeUndefined();
  });

  it('a dry run chosen in the settings is kept', async () => {
    const f = await deps();
    const settings = config({ automation: { ...defaultConfig.automation, dryRun: true } });
    expect((await sweepContextFor(f.deps, settings, 'SUP', now))?.dryRun).toBe(true);
  });

  it('a failed platform check holds the sweep in dry run', async () => {
    const f = await deps();
    await f.store.set(AUTOMATION_HOLD_KEY, { since: now.toISOString(), failed: ['expressions'] });
    const ctx = await sweepContextFor(f.deps, config(), 'SUP', now);
    expect(ctx?.dryRun).toBe(true);
    expect(ctx?.cfg.automation.dryRun).toBe(true);
  });

  it('reads the Organizations field only when the project chooses texts per organization', async () => {
    const f = await deps();
    const settings = config({ languageByOrganization: { 'Acme GmbH': 'de' } });
    expect((await sweepContextFor(f.deps, settings, 'SUP', now))?.organizationsFieldId).toBe(ORGANIZATIONS);
    expect(f.fieldReads()).toBe(1);
  });
});

import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { getOrganizationHealth } from '../../../src/app/admin/organization-health';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { adminDeps } from './admin-fixture';

/** The admin deps over a stored configuration and a directory answering these organization names. */
function organizationHealth(names: string[], input: Record<string, unknown> = {}, admin = true) {
  const { deps, store } = adminDeps({ admin });
  store.data.set(CONFIG_KEY, { version: 1, input, savedAt: '2026-11-01T00:00:00.000Z' });
  let reads = 0;
  const directory = {
    getOrganizations: async () => {
      reads += 1;
      return names;
    },
  };
  return {
    run: (payload: unknown = {}) => getOrganizationHealth(payload, { admin: deps, directory }),
    reads: () => reads,
  };
}

describe('getOrganizationHealth', () => {
  it('lists each organization without a region or a language once, by name, with the fallbacks', async () => {
    const { run } = organizationHealth(['Initech', 'ACME GmbH', 'Globex Ltd', 'Initech', 'Umbrella'], {
      regions: { organizations: { 'ACME GmbH': 'graz', 'Globex Ltd': 'london' } },
      languageByOrganization: { 'ACME GmbH': 'de', Umbrella: 'en' },
      defaultLanguage: 'en',
    });
    await expect(run()).resolves.toEqual({
      organizations: [
        { name: 'Globex Ltd', missing: ['language'] },
        { name: 'Initech', missing: ['region', 'language'] },
        { name: 'Umbrella', missing: ['region'] },
      ],
      defaultRegion: 'saarbruecken',
      defaultLanguage: 'en',
    });
  });

  it('answers a request without a payload and refuses unknown fields', async () => {
    const { run } = organizationHealth([]);
    await expect(run(undefined)).resolves.toMatchObject({ organizations: [], defaultLanguage: 'de' });
    await expect(run({ everything: true })).rejects.toBeInstanceOf(InvalidPayloadError);
  });

  it('refuses a caller without Jira admin rights before reading the directory', async () => {
    const { run, reads } = organizationHealth(['ACME GmbH'], {}, false);
    await expect(run()).rejects.toBeInstanceOf(NotJiraAdminError);
    expect(reads()).toBe(0);
  });
});

import { organizationGaps } from '../../../src/domain/service/organization-gaps';

const settings = {
  regions: { organizations: { 'ACME GmbH': 'dach', 'Initech Pte': 'apac' } },
  languageByOrganization: { 'ACME GmbH': 'de', 'Globex Ltd': 'en' },
} as unknown as Parameters<typeof organizationGaps>[1];

describe('organizations the settings leave to the fallbacks', () => {
  it.each([
    ['ACME GmbH', []],
    ['Globex Ltd', ['region']],
    ['Initech Pte', ['language']],
    ['Umbrella AG', ['region', 'language']],
    // A name every plain object inherits is still an unmapped organization.
    ['constructor', ['region', 'language']],
  ])('%s lacks %j', (name, missing) => {
    const gaps = organizationGaps([name], settings);
    expect(gaps).toEqual(missing.length === 0 ? [] : [{ name, missing }]);
  });
});

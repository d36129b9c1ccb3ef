import { regionsInput } from '../../../src/app/admin/regions-input';
import type { RegionSettings } from '../../../src/contract/settings';

const graz = {
  region: 'graz',
  name: 'Graz',
  securityLevel: 'Support Graz',
  timeZone: 'Europe/Vienna',
  holidayRegion: 'AT-6',
};

const section = (edit: Partial<RegionSettings>): RegionSettings => ({
  regions: [graz],
  organizations: [],
  defaultRegion: 'graz',
  fallbackSecurityLevel: 'Support restricted',
  liftRestrictionOnNo: true,
  defaultLanguage: 'de',
  ...edit,
});

describe('regionsInput', () => {
  it('writes the regions by trimmed id, and the organizations by region and by language', () => {
    const result = regionsInput(
      section({
        regions: [
          { ...graz, region: ' graz ', name: ' Graz ', timeZone: ' Europe/Vienna ', holidayRegion: ' AT-6 ' },
          { ...graz, region: 'linz', name: '  ', securityLevel: 'Support Linz' },
        ],
        organizations: [
          { organization: ' ACME ', region: ' graz ', language: 'en' },
          { organization: 'Globex', region: '  ', language: 'de' },
          { organization: 'Initech', region: 'linz', language: '' },
        ],
        defaultRegion: ' linz ',
        fallbackSecurityLevel: 'Restricted',
        liftRestrictionOnNo: false,
        defaultLanguage: 'en',
      }),
    );
    expect(result).toEqual({
      fragment: {
        regions: {
          regions: {
            graz: {
              name: 'Graz',
              securityLevel: 'Support Graz',
              timeZone: 'Europe/Vienna',
              holidayRegion: 'AT-6',
            },
            linz: { securityLevel: 'Support Linz', timeZone: 'Europe/Vienna', holidayRegion: 'AT-6' },
          },
          organizations: { ACME: 'graz', Initech: 'linz' },
          defaultRegion: 'linz',
          fallbackSecurityLevel: 'Restricted',
          liftRestrictionOnNo: false,
        },
        languageByOrganization: { ACME: 'en', Globex: 'de' },
        defaultLanguage: 'en',
      },
    });
  });

  it('names every row without a name and every name listed twice, in both tables', () => {
    const result = regionsInput(
      section({
        regions: [graz, { ...graz, region: ' ' }, { ...graz, region: ' graz ' }],
        organizations: [
          { organization: 'ACME', region: 'graz', language: '' },
          { organization: '', region: 'graz', language: '' },
          { organization: 'ACME ', region: 'graz', language: '' },
        ],
      }),
    );
    expect(result).toEqual({
      problems: [
        {
          path: 'regions.regions.1.region',
          message: 'regions.regions.1.region: must name the region',
          rule: { kind: 'rowUnnamed' },
        },
        {
          path: 'regions.regions.2.region',
          message: 'regions.regions.2.region: "graz" is listed twice',
          rule: { kind: 'rowTwice', name: 'graz' },
        },
        {
          path: 'regions.organizations.1.organization',
          message: 'regions.organizations.1.organization: must name the organization',
          rule: { kind: 'rowUnnamed' },
        },
        {
          path: 'regions.organizations.2.organization',
          message: 'regions.organizations.2.organization: "ACME" is listed twice',
          rule: { kind: 'rowTwice', name: 'ACME' },
        },
      ],
    });
  });

  it('asks for a region or a language of an organization that has neither', () => {
    const result = regionsInput(
      section({ organizations: [{ organization: ' ACME ', region: ' ', language: '' }] }),
    );
    expect(result).toEqual({
      problems: [
        {
          path: 'regions.organizations.0.region',
          message:
            'regions.organizations.0.region: choose a region or a language for "ACME", or remove the row',
          rule: { kind: 'regionOrLanguage' },
        },
      ],
    });
  });
});

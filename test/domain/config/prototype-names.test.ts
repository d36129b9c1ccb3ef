import { configForProject, parseConfig, type Settings } from '../../../src/domain/config';
import { deepMerge } from '../../../src/domain/config/deep-merge';
import { PROTOTYPE_NAMES, ownValue } from '../../../src/domain/own-property';
import { customerRegion, supportRegion } from '../../../src/domain/service/customer-region';
import { languageFor, renderMessage } from '../../../src/domain/texts';

/** Names every plain object inherits; users and sites may use any of them as an organization or field name. */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

function errorsOf(input: unknown) {
  const result = parseConfig(input);
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.errors;
}

function settings(input: Record<string, unknown>): Settings {
  const parsed = parseConfig({ projects: ['SD'], ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return configForProject(parsed.config, 'SD');
}

describe('prototype names are plain names where they are data', () => {
  // A language map for another organization: the lookup of the ticket's organization must miss, not inherit.
  const cfg = settings({ languageByOrganization: { 'Globex Ltd': 'en' } });

  it('covers every name Object.prototype provides', () => {
    expect([...PROTOTYPE_NAMES]).toEqual(expect.arrayContaining(NAMES));
  });

  it.each(NAMES)('an organization named %s gets the default language and the default region', (name) => {
    expect(languageFor(cfg, name)).toBe('de');
    expect(supportRegion([name], cfg)?.regionId).toBe('saarbruecken');
  });

  it.each(NAMES)('the texts for an organization named %s render (no matchAll on a non-string)', (name) => {
    const text = renderMessage(cfg, 'deliveryResolved', languageFor(cfg, name), {
      ticketKey: 'SD-1',
      version: '14.21.3.1',
      closeAfterDays: 50,
    });
    expect(text).toContain('14.21.3.1');
  });

  it.each(NAMES)(
    'a confidential ticket of an organization named %s falls back to the restricted level',
    (name) => {
      expect(customerRegion([name], cfg)).toBeUndefined();
    },
  );

  it.each(['constructor', 'toString', 'hasOwnProperty'])(
    'an organization named %s can be given a language and a region',
    (name) => {
      const mapped = settings({
        languageByOrganization: { [name]: 'en' },
        regions: { organizations: { [name]: 'london' } },
      });
      expect(languageFor(mapped, name)).toBe('en');
      expect(supportRegion([name], mapped)?.regionId).toBe('london');
      expect(languageFor(mapped, 'Other Ltd')).toBe('de');
    },
  );

  it('ownValue reads own properties only', () => {
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
    for (const name of NAMES) expect(ownValue({ a: 1 }, name)).toBeUndefined();
    expect(ownValue(JSON.parse('{"__proto__": 3}') as Record<string, number>, '__proto__')).toBe(3);
  });
});

describe('prototype names are refused by validation where they cannot be data', () => {
  it.each(NAMES.filter((n) => n !== '__proto__'))('a region id %s is refused, naming the field', (name) => {
    const errors = errorsOf({
      regions: {
        regions: {
          [name]: { securityLevel: 'Support X', timeZone: 'Europe/Berlin', holidayRegion: 'DE' },
          saarbruecken: { securityLevel: 'Support S', timeZone: 'Europe/Berlin', holidayRegion: 'DE-SL' },
        },
      },
    });
    expect(errors).toContainEqual({
      path: `regions.regions.${name}`,
      message: `regions.regions.${name}: is a reserved name in JavaScript; choose another id`,
    });
  });

  it.each(NAMES.filter((n) => n !== '__proto__'))(
    'an organization mapped to region %s (not configured) is refused; so is it as default region',
    (name) => {
      expect(errorsOf({ regions: { organizations: { ACME: name } } })).toContainEqual({
        path: 'regions.organizations.ACME',
        message: `regions.organizations.ACME: region "${name}" is not one of the configured regions`,
        rule: { kind: 'unknownRegion', region: name },
      });
      expect(errorsOf({ regions: { defaultRegion: name } })).toContainEqual({
        path: 'regions.defaultRegion',
        message: `regions.defaultRegion: "${name}" is not one of the configured regions`,
        rule: { kind: 'unknownRegion', region: name },
      });
    },
  );

  it.each([
    ['languageByOrganization', '{"languageByOrganization": {"__proto__": "en"}}'],
    ['regions.organizations', '{"regions": {"organizations": {"__proto__": "london"}}}'],
    ['regions.regions', '{"regions": {"regions": {"__proto__": {}}}}'],
  ])('a key __proto__ in %s is refused by name, not silently dropped', (path, json) => {
    expect(errorsOf(JSON.parse(json))).toContainEqual({
      path: `${path}.__proto__`,
      message: `${path}.__proto__: "__proto__" cannot be stored as a name`,
    });
  });

  it('a project override with a key __proto__ is refused by name after merging', () => {
    const errors = errorsOf(
      JSON.parse(
        '{"projects": ["SD"], "projectOverrides": {"SD": {"languageByOrganization": {"__proto__": "en"}}}}',
      ),
    );
    expect(errors.map((e) => e.path)).toContain('projectOverrides.SD.languageByOrganization.__proto__');
  });

  it('deepMerge keeps a key __proto__ as a key and never replaces the prototype', () => {
    const merged = deepMerge({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect((merged as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

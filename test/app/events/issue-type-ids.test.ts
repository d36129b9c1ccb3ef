import { issueTypeIdOf } from '../../../src/app/events/issue-type-ids';
import { forgetKeptIds, keepListedIds } from '../../../src/app/shared/kept-ids';
import type { AppDeps } from '../../../src/app/deps';
import { ExpiringStore } from '../../support/memory-store';

/** A site with `types` (name → id), counting the reads of Jira's list of issue types. */
function site(types: Record<string, string>) {
  const store = new ExpiringStore();
  const site = { lists: 0 };
  const links = {
    async issueTypes() {
      site.lists += 1;
      return Object.entries(types).map(([name, id]) => ({ id, name }));
    },
  } as unknown as AppDeps['links'];
  return { store, site, typeId: (name: string) => issueTypeIdOf({ store, links }, name) };
}

describe('issue type ids: Jira’s type list is read once a week for every type it lists, unknown names every time', () => {
  const rows: { name: string; days: number; lists: number }[] = [
    { name: 'the next day', days: 1, lists: 1 },
    { name: 'six days later', days: 6, lists: 1 },
    { name: 'a week later', days: 7, lists: 2 },
  ];
  it.each(rows)('$name: the list is read $lists time(s)', async ({ days, lists }) => {
    const s = site({ Request: '10010' });
    await expect(s.typeId('Request')).resolves.toBe('10010');
    s.store.advanceDays(days);
    await expect(s.typeId(' request ')).resolves.toBe('10010');
    expect(s.site.lists).toBe(lists);
  });

  it('one read serves every type it listed', async () => {
    const s = site({ Request: '10010', Incident: '10011' });
    await expect(s.typeId('Request')).resolves.toBe('10010');
    await expect(s.typeId('incident')).resolves.toBe('10011');
    expect(s.site.lists).toBe(1);
  });

  it('a name the site lacks is asked again; a settings save forgets the known ones', async () => {
    const s = site({ Request: '10010' });
    await expect(s.typeId('Anfrage')).resolves.toBeUndefined();
    await expect(s.typeId('Anfrage')).resolves.toBeUndefined();
    await s.typeId('Request');
    await forgetKeptIds(s.store);
    await s.typeId('Request');
    expect(s.site.lists).toBe(4);
  });

  it('types kept from the rule tables’ publication are not read again', async () => {
    const s = site({ Request: '10010' });
    await keepListedIds(s.store, 'issueType', '', [{ id: '10010', name: 'Request' }]);
    await expect(s.typeId('request')).resolves.toBe('10010');
    expect(s.site.lists).toBe(0);
  });

  it('a type called like an Object property is looked up, never taken from the prototype', async () => {
    const s = site({ constructor: '10077', ['__proto__']: '10078' });
    await expect(s.typeId('Request')).resolves.toBeUndefined();
    await expect(s.typeId('constructor')).resolves.toBe('10077');
    await expect(s.typeId('__proto__')).resolves.toBe('10078');
    await expect(s.typeId('constructor')).resolves.toBe('10077');
    await expect(s.typeId('toString')).resolves.toBeUndefined();
  });
});

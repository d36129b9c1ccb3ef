import { forgetKeptIds, keepListedIds, keptIdByName, type NamedId } from '../../../src/app/shared/kept-ids';
import { ExpiringStore } from '../../support/memory-store';

/** A site whose security levels per project are listed by `lookup`, counting the lists asked for. */
function site(levels: Record<string, NamedId[]>) {
  const store = new ExpiringStore();
  const asked: string[] = [];
  const levelId = (project: string, name: string) =>
    keptIdByName(store, 'securityLevel', project, name, async () => {
      asked.push(project);
      return levels[project] ?? [];
    });
  return { store, asked, levelId };
}

const SD = [
  { id: '10100', name: 'DACH support' },
  { id: '10101', name: 'UK support' },
];

describe('kept ids: a project’s security levels are listed once a week, whichever of them is asked for', () => {
  it('one list serves every level of the project, in any case, for a week', async () => {
    const s = site({ SD });
    await expect(s.levelId('SD', 'DACH support')).resolves.toBe('10100');
    await expect(s.levelId('SD', ' uk SUPPORT ')).resolves.toBe('10101');
    s.store.advanceDays(6);
    await expect(s.levelId('SD', 'DACH support')).resolves.toBe('10100');
    expect(s.asked).toEqual(['SD']);
    s.store.advanceDays(1);
    await expect(s.levelId('SD', 'DACH support')).resolves.toBe('10100');
    expect(s.asked).toEqual(['SD', 'SD']);
  });

  it('levels are kept per project: another project’s level of the same name is its own', async () => {
    const s = site({ SD, HR: [{ id: '20100', name: 'DACH support' }] });
    await expect(s.levelId('SD', 'DACH support')).resolves.toBe('10100');
    await expect(s.levelId('HR', 'DACH support')).resolves.toBe('20100');
    await expect(s.levelId('SD', 'DACH support')).resolves.toBe('10100');
    expect(s.asked).toEqual(['SD', 'HR']);
  });

  it('a level the project lacks is asked for again; forgetting the levels keeps the issue types', async () => {
    const s = site({ SD });
    await expect(s.levelId('SD', 'Support Graz')).resolves.toBeUndefined();
    await expect(s.levelId('SD', 'Support Graz')).resolves.toBeUndefined();
    expect(s.asked).toEqual(['SD', 'SD']);
    await s.store.set('events:issue-type-ids', { byName: { request: '10010' } });
    await s.levelId('SD', 'DACH support');
    await forgetKeptIds(s.store, ['securityLevel']);
    await s.levelId('SD', 'DACH support');
    expect(s.asked).toEqual(['SD', 'SD', 'SD', 'SD']);
    expect(s.store.data.has('events:issue-type-ids')).toBe(true);
  });

  it('a level called like an Object property is looked up, never taken from the prototype', async () => {
    const s = site({ SD: [{ id: '10177', name: '__proto__' }, ...SD] });
    await expect(s.levelId('SD', 'DACH support')).resolves.toBe('10100');
    await expect(s.levelId('SD', '__proto__')).resolves.toBe('10177');
    await expect(s.levelId('SD', 'toString')).resolves.toBeUndefined();
    expect(s.asked).toEqual(['SD', 'SD']);
  });
});

describe('kept ids: the record in storage is shared by every invocation of the installation', () => {
  it('a record kept by an earlier invocation serves its names: issue types by name, levels by project', async () => {
    const store = new ExpiringStore();
    await store.set('events:issue-type-ids', { byName: { request: '10010' } });
    await store.set('events:security-level-ids', { byName: { 'SD:dach support': '10100' } });
    const unasked = () => Promise.reject(new Error('Jira was asked'));
    await expect(keptIdByName(store, 'issueType', '', ' Request', unasked)).resolves.toBe('10010');
    await expect(keptIdByName(store, 'securityLevel', 'SD', 'DACH Support', unasked)).resolves.toBe('10100');
  });

  it('a lookup keeps what it learnt in the same form, for a week', async () => {
    const store = new ExpiringStore();
    const types = [
      { id: '10010', name: 'Request' },
      { id: '10011', name: 'Incident ' },
    ];
    await keptIdByName(store, 'issueType', '', 'request', async () => types);
    expect(store.data.get('events:issue-type-ids')).toEqual({
      byName: { request: '10010', incident: '10011' },
    });
    store.advanceDays(7);
    expect(store.data.has('events:issue-type-ids')).toBe(false);
  });

  it('a settings save forgets the issue types and the security levels', async () => {
    const s = site({ SD });
    await s.store.set('events:issue-type-ids', { byName: { request: '10010' } });
    await s.levelId('SD', 'DACH support');
    await forgetKeptIds(s.store);
    expect([...s.store.data.keys()]).toEqual([]);
  });

  it('a list answered elsewhere is kept beside the kept names, for a week; Jira’s newer ids replace kept ones', async () => {
    const store = new ExpiringStore();
    await store.set('events:issue-type-ids', { byName: { request: '10001', suggestion: '10002' } });
    await keepListedIds(store, 'issueType', '', [
      { id: '10010', name: ' Request' },
      { id: '10011', name: 'Incident' },
      { id: '10099', name: 'incident' },
    ]);
    expect(store.data.get('events:issue-type-ids')).toEqual({
      byName: { request: '10010', suggestion: '10002', incident: '10011' },
    });
    const unasked = () => Promise.reject(new Error('Jira was asked'));
    store.advanceDays(6);
    await expect(keptIdByName(store, 'issueType', '', 'incident', unasked)).resolves.toBe('10011');
    store.advanceDays(1);
    expect(store.data.has('events:issue-type-ids')).toBe(false);
  });

  it('an empty list keeps nothing and writes nothing', async () => {
    const store = new ExpiringStore();
    await keepListedIds(store, 'securityLevel', 'SD', []);
    expect([...store.data.keys()]).toEqual([]);
  });
});

import { issueTypeIdOf } from '../../../src/app/events/issue-type-ids';
import { forgetKeptIds } from '../../../src/app/shared/kept-ids';
import type { AppDeps } from '../../../src/app/deps';
import { ExpiringStore } from '../../support/memory-store';

function site(types: Record<string, string>) {
  const store = new ExpiringStore();
  const asked: string[] = [];
  const links = {
    async issueTypeId(name: string) {
      asked.push(name);
      // Case-insensitive, as the gateway compares.
      const key = name.trim().toLowerCase();
      return Object.entries(types).find(([type]) => type.toLowerCase() === key)?.[1];
    },
  } as unknown as AppDeps['links'];
  return { store, asked, deps: { store, links } };
}

describe('issue type ids: Jira’s type list is asked once a week per name, unknown names every time', () => {
  const rows: { name: string; days: number; asked: number }[] = [
    { name: 'the next day', days: 1, asked: 1 },
    { name: 'six days later', days: 6, asked: 1 },
    { name: 'a week later', days: 7, asked: 2 },
  ];
  it.each(rows)('$name: asked $asked time(s)', async ({ days, asked }) => {
    const s = site({ Request: '10010' });
    await expect(issueTypeIdOf(s.deps, 'Request')).resolves.toBe('10010');
    s.store.advanceDays(days);
    await expect(issueTypeIdOf(s.deps, ' request ')).resolves.toBe('10010');
    expect(s.asked).toHaveLength(asked);
  });

  it('a name the site lacks is asked again; a settings save forgets the known ones', async () => {
    const s = site({ Request: '10010' });
    await expect(issueTypeIdOf(s.deps, 'Anfrage')).resolves.toBeUndefined();
    await expect(issueTypeIdOf(s.deps, 'Anfrage')).resolves.toBeUndefined();
    await issueTypeIdOf(s.deps, 'Request');
    await forgetKeptIds(s.store);
    await issueTypeIdOf(s.deps, 'Request');
    expect(s.asked).toEqual(['Anfrage', 'Anfrage', 'Request', 'Request']);
  });

  it('a type called like an Object property is looked up, never taken from the prototype', async () => {
    const s = site({ constructor: '10077', ['__proto__']: '10078' });
    await expect(issueTypeIdOf(s.deps, 'Request')).resolves.toBeUndefined();
    await expect(issueTypeIdOf(s.deps, 'constructor')).resolves.toBe('10077');
    await expect(issueTypeIdOf(s.deps, '__proto__')).resolves.toBe('10078');
    await expect(issueTypeIdOf(s.deps, 'constructor')).resolves.toBe('10077');
    await expect(issueTypeIdOf(s.deps, 'toString')).resolves.toBeUndefined();
  });
});

import type { ExecutionContext } from '../../../src/app/events/execution-context';
import { relistedSecurityLevelId, securityLevelId } from '../../../src/app/events/security-level-ids';
import { ticket } from '../../domain/events/rule-fixtures';
import { MemoryStore } from '../../support/memory-store';

/** A ticket of project `projectKey` on a site whose projects list `levels`; every list asked for is counted. */
function context(levels: Record<string, { id: string; name: string }[]>, projectKey = 'SD') {
  const store = new MemoryStore();
  const asked: string[] = [];
  const links = {
    async securityLevels(project: string) {
      asked.push(project);
      return levels[project] ?? [];
    },
  };
  const ctx = {
    deps: { store, links },
    ticket: ticket({ projectKey, key: `${projectKey}-1` }),
  } as unknown as Pick<ExecutionContext, 'deps' | 'ticket'>;
  return { ctx, store, asked, levels };
}

describe('security level ids: the ticket’s project’s level of a name, kept until Jira refuses it', () => {
  it('no level asks nothing', async () => {
    const s = context({ SD: [{ id: '10100', name: 'Support Graz' }] });
    await expect(securityLevelId(s.ctx, null)).resolves.toBeNull();
    expect(s.asked).toEqual([]);
  });

  it('a level is looked up in the ticket’s own project and kept', async () => {
    const s = context(
      { SD: [{ id: '10100', name: 'Support Graz' }], HR: [{ id: '20100', name: 'Support Graz' }] },
      'HR',
    );
    await expect(securityLevelId(s.ctx, 'Support Graz')).resolves.toBe('20100');
    await expect(securityLevelId(s.ctx, 'support graz')).resolves.toBe('20100');
    expect(s.asked).toEqual(['HR']);
  });

  it('a level the project lacks is unknown', async () => {
    const s = context({ SD: [{ id: '10100', name: 'Support Graz' }] });
    await expect(securityLevelId(s.ctx, 'Support Wien')).resolves.toBeUndefined();
  });

  it('a refused level recreated under a new id is found by listing the project again', async () => {
    const s = context({ SD: [{ id: '10100', name: 'Support Graz' }] });
    await securityLevelId(s.ctx, 'Support Graz');
    s.levels.SD = [{ id: '10177', name: 'Support Graz' }];
    await expect(relistedSecurityLevelId(s.ctx, 'Support Graz', { id: '10100' })).resolves.toBe('10177');
    expect(s.asked).toEqual(['SD', 'SD']);
    // The new id is kept for the next edit.
    await expect(securityLevelId(s.ctx, 'Support Graz')).resolves.toBe('10177');
    expect(s.asked).toEqual(['SD', 'SD']);
  });

  const notNew: { name: string; levels: { id: string; name: string }[]; refused: unknown }[] = [
    {
      name: 'the same id as refused',
      levels: [{ id: '10100', name: 'Support Graz' }],
      refused: { id: '10100' },
    },
    { name: 'a level the project no longer lists', levels: [], refused: { id: '10100' } },
  ];
  it.each(notNew)('a relisting that finds $name has no id to retry with', async ({ levels, refused }) => {
    const s = context({ SD: [{ id: '10100', name: 'Support Graz' }] });
    await securityLevelId(s.ctx, 'Support Graz');
    s.levels.SD = levels;
    await expect(relistedSecurityLevelId(s.ctx, 'Support Graz', refused)).resolves.toBeUndefined();
    expect(s.asked).toEqual(['SD', 'SD']);
  });

  it.each([null, undefined, 'garbage', { name: 'Support Graz' }])(
    'a refused value without an id (%p) is retried with the listed id',
    async (refused) => {
      const s = context({ SD: [{ id: '10100', name: 'Support Graz' }] });
      await expect(relistedSecurityLevelId(s.ctx, 'Support Graz', refused)).resolves.toBe('10100');
    },
  );

  it('relisting forgets only the kept levels, not the issue types', async () => {
    const s = context({ SD: [{ id: '10100', name: 'Support Graz' }] });
    await s.store.set('events:issue-type-ids', { byName: { request: '10010' } });
    await relistedSecurityLevelId(s.ctx, 'Support Graz', { id: '10100' });
    expect(s.store.data.has('events:issue-type-ids')).toBe(true);
  });
});

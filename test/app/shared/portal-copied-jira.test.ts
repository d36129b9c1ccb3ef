import { dueIndexedJira } from '../../../src/app/shared/due-indexed-jira';
import { portalCopiedJira } from '../../../src/app/shared/portal-copied-jira';
import type { JiraGateway } from '../../../src/app/ports/jira';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { CUSTOMER_STATE_KEY } from '../../../src/domain/service/customer-state';
import { MemoryDueIndex, MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const VIEW = '2026-11-27T08:59:00.000Z';

/** Jira's property writes, recorded; the rest of the port is never called here. */
function recordingJira(): { jira: JiraGateway; written: unknown[] } {
  const written: unknown[] = [];
  const jira = {
    setIssueProperty: async (_key: string, _propertyKey: string, value: unknown) => void written.push(value),
  } as unknown as JiraGateway;
  return { jira, written };
}

describe('the portal copy wrapper around the due-indexed Jira port (as the app builds it)', () => {
  it('passes the view a state was decided from through to the due index, which keeps a usable copy', async () => {
    const { jira, written } = recordingJira();
    const index = new MemoryDueIndex();
    const app = portalCopiedJira(dueIndexedJira(jira, index, { now: () => NOW }), new MemoryStore());
    const state = { timer: 'clarification', nextDueAt: '2026-12-01T09:00:00Z' };
    await app.setIssueProperty('SD-1', PROCESS_STATE_KEY, state, { stateBasis: VIEW });
    expect(written).toEqual([state]);
    expect(index.entries.get('SD-1')).toMatchObject({ state, basis: VIEW });
    expect(index.entries.get('SD-1')?.viewless).toBeUndefined();
  });
});

describe("the portal copy after the app's own writes (the app receives no event of them)", () => {
  const COPY = {
    bean: { id: '10001', key: 'SD-1', fields: { status: { id: '1', name: 'Open' } }, properties: {} },
    basis: VIEW,
  };
  const jira = {
    setIssueProperty: () => Promise.resolve(),
    editIssue: () => Promise.resolve(),
    doTransition: () => Promise.resolve(),
  } as unknown as JiraGateway;

  it.each<[string, (app: JiraGateway) => Promise<void>, 'patched' | 'marked']>([
    [
      'a property alone: patched',
      (app) => app.setIssueProperty('SD-1', PROCESS_STATE_KEY, { timer: 'none' }),
      'patched',
    ],
    [
      'an edit carrying only the property: patched',
      (app) => app.editIssue('SD-1', { properties: [{ key: PROCESS_STATE_KEY, value: { timer: 'none' } }] }),
      'patched',
    ],
    [
      'an edit of a field (a re-typing set back): marked stale',
      (app) =>
        app.editIssue('SD-1', {
          fields: { issuetype: { id: '10100' } },
          properties: [{ key: PROCESS_STATE_KEY, value: { timer: 'none' } }],
        }),
      'marked',
    ],
    ['a transition: marked stale', (app) => app.doTransition('SD-1', { id: '31' }), 'marked'],
  ])('%s', async (_case, write, expected) => {
    const store = new MemoryStore();
    await store.set('portal:copy:SD-1', COPY);
    await write(portalCopiedJira(jira, store));
    const stored = await store.get<{ bean?: { properties: Record<string, unknown> } }>('portal:copy:SD-1');
    if (expected === 'marked') expect(stored).toEqual({});
    else expect(stored?.bean?.properties[PROCESS_STATE_KEY]).toEqual({ timer: 'none' });
  });
});

describe('the portal copy wrapper passes every call through to Jira', () => {
  const COPY = {
    bean: { id: '10001', key: 'SD-1', fields: {}, properties: { [PROCESS_STATE_KEY]: { timer: 'old' } } },
    basis: VIEW,
  };

  /** A Jira port that records each call with its arguments and its `this`, failing the writes when told. */
  function port(failing = false) {
    const calls: unknown[][] = [];
    const jira = {
      name: 'site',
      async setIssueProperty(...args: unknown[]) {
        calls.push(['setIssueProperty', ...args]);
        if (failing) throw new Error('HTTP 409');
      },
      async editIssue(...args: unknown[]) {
        calls.push(['editIssue', ...args]);
        if (failing) throw new Error('HTTP 400');
      },
      async doTransition(...args: unknown[]) {
        calls.push(['doTransition', ...args]);
        if (failing) throw new Error('HTTP 400');
      },
      async getIssue(this: { name: string }, key: string) {
        calls.push(['getIssue', key, this.name]);
        return { id: '10001', key };
      },
    };
    return { jira: jira as unknown as JiraGateway, calls };
  }

  async function storeWithCopy() {
    const store = new MemoryStore();
    await store.set('portal:copy:SD-1', COPY);
    return store;
  }

  it('hands each write its arguments as given', async () => {
    const { jira, calls } = port();
    const app = portalCopiedJira(jira, await storeWithCopy());
    const edit = { fields: { summary: 'x' } };
    await app.setIssueProperty('SD-1', PROCESS_STATE_KEY, { timer: 'none' }, { stateBasis: VIEW });
    await app.editIssue('SD-1', edit, { notifyUsers: false });
    await app.doTransition('SD-1', { id: '31' });
    expect(calls).toEqual([
      ['setIssueProperty', 'SD-1', PROCESS_STATE_KEY, { timer: 'none' }, { stateBasis: VIEW }],
      ['editIssue', 'SD-1', edit, { notifyUsers: false }],
      ['doTransition', 'SD-1', { id: '31' }],
    ]);
  });

  it('any other call reaches the port itself, as a method of it', async () => {
    const { jira, calls } = port();
    const app = portalCopiedJira(jira, new MemoryStore());
    const { getIssue } = app;
    await expect(getIssue('SD-2', { fields: [], properties: [] })).resolves.toEqual({
      id: '10001',
      key: 'SD-2',
    });
    expect(calls).toEqual([['getIssue', 'SD-2', 'site']]);
    expect((app as unknown as { name: string }).name).toBe('site');
  });

  it.each<[string, (app: JiraGateway) => Promise<void>]>([
    ['a property write', (app) => app.setIssueProperty('SD-1', PROCESS_STATE_KEY, { timer: 'none' })],
    [
      'an edit of the property',
      (app) => app.editIssue('SD-1', { properties: [{ key: PROCESS_STATE_KEY, value: { timer: 'none' } }] }),
    ],
    ['an edit of a field', (app) => app.editIssue('SD-1', { fields: { summary: 'x' } })],
    ['a transition', (app) => app.doTransition('SD-1', { id: '31' })],
  ])('%s Jira refused leaves the copy as it was', async (_case, write) => {
    const store = await storeWithCopy();
    await expect(write(portalCopiedJira(port(true).jira, store))).rejects.toThrow();
    expect(await store.get('portal:copy:SD-1')).toEqual(COPY);
  });

  it('an edit with an empty field list and both properties patches both into the copy', async () => {
    const store = await storeWithCopy();
    await portalCopiedJira(port().jira, store).editIssue('SD-1', {
      fields: {},
      properties: [
        { key: PROCESS_STATE_KEY, value: { timer: 'none' } },
        { key: CUSTOMER_STATE_KEY, value: { seen: 2 } },
      ],
    });
    expect(await store.get('portal:copy:SD-1')).toEqual({
      ...COPY,
      bean: {
        ...COPY.bean,
        properties: { [PROCESS_STATE_KEY]: { timer: 'none' }, [CUSTOMER_STATE_KEY]: { seen: 2 } },
      },
    });
  });

  it('an edit of neither fields nor properties leaves the copy as it was', async () => {
    const store = await storeWithCopy();
    await portalCopiedJira(port().jira, store).editIssue('SD-1', {});
    expect(await store.get('portal:copy:SD-1')).toEqual(COPY);
  });
});

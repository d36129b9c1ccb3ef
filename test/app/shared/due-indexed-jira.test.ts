import type { EntityProperty, JiraGateway } from '../../../src/app/ports/jira';
import { dueIndexedJira } from '../../../src/app/shared/due-indexed-jira';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { MemoryDueIndex } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const VIEW = '2026-11-27T08:59:00.000Z';
const DUE = '2026-12-01T09:00:00.000Z';
const STATE = { timer: 'clarification', nextDueAt: DUE };

/** Jira's writes as the port received them (method, arguments), failing the next `failures` writes. */
function recordingJira(failures = 0) {
  const calls: unknown[][] = [];
  let refuse = failures;
  const record = (method: string) =>
    async function (this: unknown, ...args: unknown[]) {
      calls.push([method, ...args]);
      if (refuse > 0) {
        refuse -= 1;
        throw new Error(`${method} refused`);
      }
      return `${method} done`;
    };
  /** A port whose own members need the port itself as `this` (a private field). */
  class Port {
    readonly site = 'example.atlassian.net';
    readonly #secret = 'own';
    setIssueProperty = record('setIssueProperty');
    editIssue = record('editIssue');
    doTransition = record('doTransition');
    whoAmI() {
      return Promise.resolve(`${this.site} ${this.#secret}`);
    }
  }
  const jira = new Port();
  return { jira: jira as unknown as JiraGateway, calls };
}

const stateProperty = (value: unknown = STATE): EntityProperty[] => [{ key: PROCESS_STATE_KEY, value }];

function wrapped(failures = 0) {
  const { jira, calls } = recordingJira(failures);
  const index = new MemoryDueIndex();
  const app = dueIndexedJira(jira, index, { now: () => NOW });
  return { app, index, calls, entry: () => index.entries.get('SD-1') };
}

describe('the due index follows every write of the state property', () => {
  it('the property alone: the index keeps its due time and a copy of the view it was decided from', async () => {
    const s = wrapped();
    await expect(
      s.app.setIssueProperty('SD-1', PROCESS_STATE_KEY, STATE, { stateBasis: VIEW }),
    ).resolves.toBe('setIssueProperty done');
    expect(s.calls).toEqual([['setIssueProperty', 'SD-1', PROCESS_STATE_KEY, STATE]]);
    expect(s.entry()).toMatchObject({ dueAt: DUE, state: STATE, basis: VIEW });
    expect(s.entry()?.viewless).toBeUndefined();
  });

  it('the property written without a view: its copy is viewless', async () => {
    const s = wrapped();
    await s.app.setIssueProperty('SD-1', PROCESS_STATE_KEY, STATE);
    expect(s.entry()).toMatchObject({ dueAt: DUE, state: STATE, viewless: true });
  });

  it('another property passes by the index', async () => {
    const s = wrapped();
    await s.app.setIssueProperty('SD-1', 'other', STATE, { stateBasis: VIEW });
    expect(s.calls).toEqual([['setIssueProperty', 'SD-1', 'other', STATE]]);
    expect(s.entry()).toBeUndefined();
  });

  const dueRows: [string, unknown][] = [
    ['no due time', { timer: 'none' }],
    ['a due time that is no text', { timer: 'clarification', nextDueAt: 42 }],
    ['no object', 'none'],
    ['null', null],
  ];
  it.each(dueRows)('a state with %s is indexed as nothing due', async (_name, value) => {
    const s = wrapped();
    await s.app.setIssueProperty('SD-1', PROCESS_STATE_KEY, value);
    expect(s.entry()).toBeDefined();
    expect(s.entry()?.dueAt).toBeUndefined();
  });

  it('an edit carrying the state: indexed with its view; the view is not sent to Jira, the other options are', async () => {
    const s = wrapped();
    const edit = { comment: { body: 'x', internal: true }, properties: stateProperty() };
    await expect(
      s.app.editIssue('SD-1', edit as never, { notifyUsers: false, stateBasis: VIEW }),
    ).resolves.toBe('editIssue done');
    expect(s.calls).toEqual([['editIssue', 'SD-1', edit, { notifyUsers: false }]]);
    expect(s.entry()).toMatchObject({ dueAt: DUE, state: STATE, basis: VIEW });
  });

  it('an edit without options is sent without options of the index', async () => {
    const s = wrapped();
    await s.app.editIssue('SD-1', { properties: stateProperty() });
    expect(s.calls).toEqual([['editIssue', 'SD-1', { properties: stateProperty() }, {}]]);
  });

  const snapshotRows: [string, Record<string, unknown>, boolean][] = [
    ['the summary', { summary: 'x' }, false],
    ['the issue type', { issuetype: { id: '1' } }, false],
    ['the project', { project: { key: 'OPS' } }, false],
    ['the reporter', { reporter: null }, false],
    ['the assignee', { assignee: null }, false],
    ['a custom field', { customfield_10020: '2026.11' }, true],
  ];
  it.each(snapshotRows)(
    'an edit of %s with the state: the copy keeps its view: %s',
    async (_name, fields, keepsView) => {
      const s = wrapped();
      await s.app.editIssue('SD-1', { fields, properties: stateProperty() }, { stateBasis: VIEW });
      expect(s.entry()?.state).toEqual(STATE);
      expect(s.entry()?.viewless).toBe(keepsView ? undefined : true);
    },
  );

  it('an edit without properties passes by the index', async () => {
    const s = wrapped();
    await s.app.editIssue('SD-1', { fields: { customfield_10020: '2026.11' } }, { stateBasis: VIEW });
    expect(s.entry()).toBeUndefined();
    expect(s.calls).toHaveLength(1);
  });

  it('an edit without the state passes by the index', async () => {
    const s = wrapped();
    await s.app.editIssue('SD-1', { fields: { summary: 'x' }, properties: [{ key: 'other', value: 1 }] });
    expect(s.entry()).toBeUndefined();
  });

  it('a transition carrying the state: indexed, its copy viewless (the status an event shows changes)', async () => {
    const s = wrapped();
    const transition = { id: '31', properties: stateProperty() };
    await expect(s.app.doTransition('SD-1', transition)).resolves.toBe('doTransition done');
    expect(s.calls).toEqual([['doTransition', 'SD-1', transition]]);
    expect(s.entry()).toMatchObject({ dueAt: DUE, state: STATE, viewless: true });
  });

  it('a transition without the state passes by the index', async () => {
    const s = wrapped();
    await s.app.doTransition('SD-1', { id: '31' });
    expect(s.entry()).toBeUndefined();
  });

  it('a write Jira refused keeps no copy, and its error passes through', async () => {
    const s = wrapped(1);
    await expect(
      s.app.setIssueProperty('SD-1', PROCESS_STATE_KEY, STATE, { stateBasis: VIEW }),
    ).rejects.toThrow('setIssueProperty refused');
    expect(s.entry()?.state).toBeUndefined();
  });

  it('every other member of the port is the port’s own, called on it', async () => {
    const s = wrapped();
    const app = s.app as unknown as { whoAmI(): Promise<string>; site: string };
    await expect(app.whoAmI()).resolves.toBe('example.atlassian.net own');
    expect(app.site).toBe('example.atlassian.net');
  });
});

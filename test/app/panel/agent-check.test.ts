import { cachedAgentCheck } from '../../../src/app/panel/agent-check';
import { MemoryStore } from '../../support/memory-store';

const T0 = new Date('2026-11-30T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function asker(answer: boolean) {
  const asked: string[] = [];
  return {
    asked,
    ask: (label: string) => () => {
      asked.push(label);
      return Promise.resolve(answer);
    },
  };
}

describe('cachedAgentCheck', () => {
  it('asks Jira once per user and project for a working day, then again', async () => {
    const store = new MemoryStore();
    const jira = asker(true);
    const who = { accountId: 'agent-1', projectKey: 'SD' };
    for (const minutes of [0, 60, 8 * 60, 12 * 60 - 1])
      await expect(cachedAgentCheck(store, who, at(minutes), jira.ask('a'))).resolves.toBe(true);
    expect(jira.asked).toEqual(['a']);
    await cachedAgentCheck(store, who, at(12 * 60), jira.ask('b'));
    expect(jira.asked).toEqual(['a', 'b']);
  });

  it('never answers one user or project with the answer of another', async () => {
    const store = new MemoryStore();
    await cachedAgentCheck(store, { accountId: 'agent-1', projectKey: 'SD' }, T0, asker(true).ask('x'));
    const other = asker(false);
    await expect(
      cachedAgentCheck(store, { accountId: 'customer-1', projectKey: 'SD' }, T0, other.ask('user')),
    ).resolves.toBe(false);
    await expect(
      cachedAgentCheck(store, { accountId: 'agent-1', projectKey: 'HR' }, T0, other.ask('project')),
    ).resolves.toBe(false);
    expect(other.asked).toEqual(['user', 'project']);
  });

  it('keeps a refusal only minutes, so a new agent sees the panel soon', async () => {
    const store = new MemoryStore();
    const who = { accountId: 'new-agent', projectKey: 'SD' };
    await expect(cachedAgentCheck(store, who, T0, asker(false).ask('no'))).resolves.toBe(false);
    await expect(cachedAgentCheck(store, who, at(4), asker(true).ask('early'))).resolves.toBe(false);
    await expect(cachedAgentCheck(store, who, at(5), asker(true).ask('later'))).resolves.toBe(true);
  });

  it('asks again when the stored answer lies in the future (a clock set back)', async () => {
    const store = new MemoryStore();
    const who = { accountId: 'agent-1', projectKey: 'SD' };
    await cachedAgentCheck(store, who, at(60), asker(true).ask('future'));
    const jira = asker(false);
    await expect(cachedAgentCheck(store, who, T0, jira.ask('now'))).resolves.toBe(false);
    expect(jira.asked).toEqual(['now']);
  });
});

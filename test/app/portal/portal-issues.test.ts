import { copyFirst, readAndKeep } from '../../../src/app/portal/portal-issues';
import type { PortalIssues } from '../../../src/app/portal/portal-ports';
import type { IssueBean } from '../../../src/app/ports/jira';
import { readPortalCopy } from '../../../src/app/shared/portal-copy';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { MemoryStore } from '../../support/memory-store';

const OPTIONS = { fields: ['summary', 'status'], properties: [PROCESS_STATE_KEY] };

const bean = (summary: string): IssueBean => ({
  id: '7000',
  key: 'SUP-7',
  fields: { summary, status: { id: '1', name: 'Open' }, description: 'not shown on the portal' },
  properties: {},
});

/** Jira as the app, answering with `current` and counting its reads. */
function jiraWith(current: () => IssueBean) {
  const reads: { key: string; options: typeof OPTIONS }[] = [];
  const jira: PortalIssues = {
    async getIssue(key, options) {
      reads.push({ key, options });
      return current();
    },
  };
  return { jira, reads };
}

describe('readAndKeep: the portal actions read Jira and keep the copy in step', () => {
  it('answers what Jira holds, asked with the caller’s fields and properties', async () => {
    const { jira, reads } = jiraWith(() => bean('Printer on fire'));
    const issue = await readAndKeep(jira, new MemoryStore()).getIssue('SUP-7', OPTIONS);
    expect(issue.fields?.summary).toBe('Printer on fire');
    expect(reads).toEqual([{ key: 'SUP-7', options: OPTIONS }]);
  });

  it('keeps a copy of the read with only the requested fields', async () => {
    const store = new MemoryStore();
    const { jira } = jiraWith(() => bean('Printer on fire'));
    await readAndKeep(jira, store).getIssue('SUP-7', OPTIONS);
    const copy = await readPortalCopy(store, 'SUP-7');
    expect(copy?.fields).toEqual({ summary: 'Printer on fire', status: { id: '1', name: 'Open' } });
  });

  it('reads Jira on every call, even when a copy exists', async () => {
    const store = new MemoryStore();
    let summary = 'first';
    const { jira, reads } = jiraWith(() => bean(summary));
    const issues = readAndKeep(jira, store);
    await issues.getIssue('SUP-7', OPTIONS);
    summary = 'second';
    expect((await issues.getIssue('SUP-7', OPTIONS)).fields?.summary).toBe('second');
    expect(reads).toHaveLength(2);
    expect((await readPortalCopy(store, 'SUP-7'))?.fields?.summary).toBe('second');
  });
});

describe('copyFirst: the portal view reads the app’s copy', () => {
  it('answers from the copy without reading Jira', async () => {
    const store = new MemoryStore();
    let summary = 'kept';
    const { jira, reads } = jiraWith(() => bean(summary));
    await readAndKeep(jira, store).getIssue('SUP-7', OPTIONS);
    summary = 'changed since';
    const issue = await copyFirst(jira, store).getIssue('SUP-7', OPTIONS);
    expect(issue.fields?.summary).toBe('kept');
    expect(reads).toHaveLength(1);
  });

  it('reads an issue it has no copy of from Jira once, and keeps it for the next view', async () => {
    const store = new MemoryStore();
    const { jira, reads } = jiraWith(() => bean('Printer on fire'));
    const issues = copyFirst(jira, store);
    expect((await issues.getIssue('SUP-7', OPTIONS)).fields?.summary).toBe('Printer on fire');
    expect((await issues.getIssue('SUP-7', OPTIONS)).fields?.summary).toBe('Printer on fire');
    expect(reads).toEqual([{ key: 'SUP-7', options: OPTIONS }]);
  });
});

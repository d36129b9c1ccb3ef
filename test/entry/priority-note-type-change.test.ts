import { ISSUE_TYPE } from '../../sandbox/jira/seed/demo-ids';
import { decidePriorityNote } from '../../src/domain/events/priority-note-rule';
import type { Priority } from '../../src/domain/priorities/priority-catalogue';
import type { Kind } from '../../src/domain/kinds';
import { initialState } from '../../src/domain/process-state';
import { event, input, ticket } from '../domain/events/rule-fixtures';
import { startEventsSite, type LocalSite, closeSiteAfterEach } from '../support/local-site';

/**
 * P1/P2 are availability priorities (guide §3.1): a ticket that BECOMES a Software Defect while rated P1 or P2
 * gets one internal note, as does a Software Defect set to P1/P2. The type change is the case checked here.
 */
describe('the P1/P2 note on a type change', () => {
  const state = initialState(new Date('2026-11-20T10:00:00Z'), 's-open');
  const typeChange = event({
    changelogId: 'h7',
    items: [
      {
        field: 'issuetype',
        fieldId: 'issuetype',
        fromString: 'Non-Software Defect',
        toString: 'Software Defect',
      },
    ],
  });
  const summaryChange = event({
    items: [{ field: 'summary', fieldId: 'summary', fromString: 'a', toString: 'b' }],
  });

  const events = { 'type change': typeChange, 'summary change': summaryChange };
  it.each([
    ['type change', 'softwareDefect', 'P1', true],
    ['type change', 'softwareDefect', 'P2', true],
    ['type change', 'softwareDefect', 'P3', false],
    ['type change', 'softwareDefect', 'P4', false],
    ['type change', 'nonSoftwareDefect', 'P1', false],
    ['type change', 'incident', 'P1', false],
    ['summary change', 'softwareDefect', 'P1', false],
  ] as const)('%s to %s at %s: note %s', (change, kind: Kind, priority: Priority, noted) => {
    const e = events[change];
    const decided = decidePriorityNote(input(ticket({ kind, priority, priorityName: priority }), e), state);
    expect(decided.actions.map((a) => (a.type === 'comment' ? a.messageKey : a.type))).toEqual(
      noted ? ['priorityMismatch'] : [],
    );
  });

  describe('on the local site', () => {
    let s: LocalSite;
    closeSiteAfterEach(() => s);

    it('a P1 Incident reclassified as a Software Defect gets one internal note', async () => {
      s = await startEventsSite();
      const key = await s
        .as('customer-acme-1')
        .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Server down' });
      await s.agent.edit(key, { priority: { name: 'P1' } });
      await s.settle();
      expect(s.appComments(key)).toEqual([]);
      await s.agent.edit(key, { issuetype: { id: ISSUE_TYPE.softwareDefect } });
      await s.settle();
      expect(s.typeName(key)).toBe('Software Defect');
      expect(s.appComments(key)).toEqual([
        expect.objectContaining({ internal: true, text: expect.stringContaining('Priorität P1') }),
      ]);
    });
  });
});

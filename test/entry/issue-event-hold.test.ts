import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { AUTOMATION_HOLD_KEY } from '../../src/app/shared/automation-hold';
import { useEventsSite } from '../support/local-site';

/**
 * A failed platform check holds automation in dry run (admin page, Health tab). The event rules honour the hold
 * as the sweep does: they record what they would do and change no ticket until a later run of the checks passes.
 */
describe('issue events while a failed platform check holds automation', () => {
  const s = useEventsSite();

  function hold(): void {
    const at = Date.now();
    s().host.kvs.put('kvs', AUTOMATION_HOLD_KEY, {
      value: { since: new Date(at).toISOString(), failed: ['expressions'] },
      createdAt: at,
      updatedAt: at,
    });
  }

  async function forbiddenChange(): Promise<string> {
    const workflow = s().site.store.projects.get('10000')?.workflows[ISSUE_TYPE.customisation];
    workflow?.transitions.push({
      id: '902',
      name: 'Back to open',
      from: [STATUS.inProgress],
      to: STATUS.open,
      screenFields: [],
    });
    const key = await s()
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Customisation', summary: 'Q' });
    await s().settle();
    await s().agent.transition(key, { status: 'In Progress' });
    await s().settle();
    return key;
  }

  it('records the revert as a dry run and leaves the ticket as the agent left it', async () => {
    hold();
    const key = await forbiddenChange();
    expect(s().status(key)).toBe('In Progress');
    expect(s().appComments(key)).toEqual([]);
    expect(s().audit()).toContainEqual(
      expect.objectContaining({ issueKey: key, action: 'revertStatus', outcome: 'dryRun' }),
    );
  });

  it('reverts as usual once the hold is lifted', async () => {
    const key = await forbiddenChange();
    expect(s().status(key)).toBe('Open');
  });
});

import type { JiraGateway } from '../../../src/app/ports/jira';
import { WorkflowTransitions } from '../../../src/app/shared/workflow-transitions';
import type { SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { ExpiringStore } from '../../support/memory-store';

type Offered = Awaited<ReturnType<JiraGateway['getTransitions']>>[number];

/** The transitions of a workflow from the status the ticket is in, as Jira lists them. */
const RESOLVED_WORKFLOW: Offered[] = [
  { id: '11', name: 'Reopen', to: { id: '1', name: 'Open' } },
  { id: '31', name: 'Close', to: { id: '6', name: ' closed ' }, fields: { resolution: { required: true } } },
];

/**
 * Jira's transitions endpoint reduced to one workflow per status id: screen fields are listed only when
 * `expand=transitions.fields` is asked for, as in Jira.
 */
function fakeJira(workflows: Record<string, Offered[]>) {
  const reads: string[] = [];
  const statusOf = new Map<string, string>();
  const jira = {
    async getTransitions(key: string, options?: { withFields?: boolean }) {
      reads.push(key);
      const offered = workflows[statusOf.get(key) ?? ''] ?? [];
      return offered.map(({ fields, ...t }) => (options?.withFields ? { ...t, fields } : t));
    },
  } as unknown as JiraGateway;
  const ticket = (key: string, statusId: string, typeId = '7'): SweepTicket => {
    statusOf.set(key, statusId);
    return { key, statusId, typeId } as SweepTicket;
  };
  return { jira, reads, ticket };
}

describe('workflow transitions: read once per project, issue type and status, then kept', () => {
  it('finds the transition to the configured Closed status by name, ignoring case and spaces', async () => {
    const { jira, ticket } = fakeJira({ '5': RESOLVED_WORKFLOW });
    const transitions = new WorkflowTransitions(jira, new ExpiringStore());
    await expect(transitions.resolve('SUP', ticket('SUP-1', '5'), 'Closed')).resolves.toEqual({
      id: '31',
      toStatusId: '6',
      resolutionOnScreen: true,
    });
    const other = fakeJira({ '5': RESOLVED_WORKFLOW });
    const configured = new WorkflowTransitions(other.jira, new ExpiringStore());
    await expect(configured.resolve('SUP', other.ticket('SUP-1', '5'), 'CLOSED ')).resolves.toMatchObject({
      id: '31',
    });
  });

  it('knows whether the screen asks for a resolution (sending one otherwise is a 400)', async () => {
    const withoutScreen = RESOLVED_WORKFLOW.map(({ fields: _fields, ...t }) => t);
    const { jira, ticket } = fakeJira({ '5': withoutScreen });
    const transitions = new WorkflowTransitions(jira, new ExpiringStore());
    await expect(transitions.resolve('SUP', ticket('SUP-1', '5'), 'Closed')).resolves.toEqual({
      id: '31',
      toStatusId: '6',
      resolutionOnScreen: false,
    });
  });

  it('reads Jira once per workflow triple: other tickets of the same project, type and status use the cache', async () => {
    const { jira, reads, ticket } = fakeJira({ '5': RESOLVED_WORKFLOW, '8': RESOLVED_WORKFLOW });
    const transitions = new WorkflowTransitions(jira, new ExpiringStore());
    await transitions.resolve('SUP', ticket('SUP-1', '5'), 'Closed');
    await expect(transitions.resolve('SUP', ticket('SUP-2', '5'), 'Closed')).resolves.toMatchObject({
      id: '31',
    });
    expect(reads).toEqual(['SUP-1']);
    await transitions.resolve('SUP', ticket('SUP-3', '8'), 'Closed');
    await transitions.resolve('SUP', ticket('SUP-4', '5', '9'), 'Closed');
    await transitions.resolve('OPS', ticket('OPS-1', '5'), 'Closed');
    expect(reads).toEqual(['SUP-1', 'SUP-3', 'SUP-4', 'OPS-1']);
  });

  it('a workflow without a way to Closed answers null, and is not asked again every hour', async () => {
    const { jira, reads, ticket } = fakeJira({ '5': RESOLVED_WORKFLOW.slice(0, 1) });
    const transitions = new WorkflowTransitions(jira, new ExpiringStore());
    await expect(transitions.resolve('SUP', ticket('SUP-1', '5'), 'Closed')).resolves.toBeNull();
    await expect(transitions.resolve('SUP', ticket('SUP-2', '5'), 'Closed')).resolves.toBeNull();
    expect(reads).toEqual(['SUP-1']);
  });

  it('forgets a transition Jira refused, so the next close reads the edited workflow', async () => {
    const workflows = { '5': RESOLVED_WORKFLOW };
    const { jira, reads, ticket } = fakeJira(workflows);
    const transitions = new WorkflowTransitions(jira, new ExpiringStore());
    await transitions.resolve('SUP', ticket('SUP-1', '5'), 'Closed');
    workflows['5'] = [{ id: '41', name: 'Done', to: { id: '6', name: 'Closed' } }];
    await transitions.forget('SUP', ticket('SUP-1', '5'));
    await expect(transitions.resolve('SUP', ticket('SUP-2', '5'), 'Closed')).resolves.toEqual({
      id: '41',
      toStatusId: '6',
      resolutionOnScreen: false,
    });
    expect(reads).toEqual(['SUP-1', 'SUP-2']);
  });

  it('answers every target from the one read: Resolved and Closed from the same workflow and status', async () => {
    const workflow: Offered[] = [
      ...RESOLVED_WORKFLOW,
      { id: '21', name: 'Ship', to: { id: '5', name: 'Resolved' } },
    ];
    const { jira, reads, ticket } = fakeJira({ '4': workflow });
    const transitions = new WorkflowTransitions(jira, new ExpiringStore());
    await expect(transitions.resolve('SUP', ticket('SUP-1', '4'), 'Resolved')).resolves.toEqual({
      id: '21',
      toStatusId: '5',
      resolutionOnScreen: false,
    });
    await expect(transitions.resolve('SUP', ticket('SUP-2', '4'), 'Closed')).resolves.toMatchObject({
      id: '31',
    });
    await expect(transitions.resolve('SUP', ticket('SUP-3', '4'), 'Open')).resolves.toMatchObject({
      id: '11',
    });
    expect(reads).toEqual(['SUP-1']);
  });

  it('forgetting one workflow keeps the others cached', async () => {
    const { jira, reads, ticket } = fakeJira({ '5': RESOLVED_WORKFLOW, '8': RESOLVED_WORKFLOW });
    const transitions = new WorkflowTransitions(jira, new ExpiringStore());
    await transitions.resolve('SUP', ticket('SUP-1', '5'), 'Closed');
    await transitions.resolve('SUP', ticket('SUP-2', '8'), 'Closed');
    await transitions.forget('SUP', ticket('SUP-2', '8'));
    await transitions.resolve('SUP', ticket('SUP-3', '5'), 'Closed');
    expect(reads).toEqual(['SUP-1', 'SUP-2']);
  });

  it('reads a workflow again after a month, so an edit that Jira never refused is seen too', async () => {
    const store = new ExpiringStore();
    const { jira, reads, ticket } = fakeJira({ '5': RESOLVED_WORKFLOW });
    const transitions = new WorkflowTransitions(jira, store);
    await transitions.resolve('SUP', ticket('SUP-1', '5'), 'Closed');
    store.advanceDays(29);
    await transitions.resolve('SUP', ticket('SUP-2', '5'), 'Closed');
    store.advanceDays(1);
    await transitions.resolve('SUP', ticket('SUP-3', '5'), 'Closed');
    expect(reads).toEqual(['SUP-1', 'SUP-3']);
  });
});

import { textToAdf } from '../../../src/app/shared/adf';
import type { WorkflowTransitions } from '../../../src/app/shared/workflow-transitions';
import type { SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { NoCloseTransitionError, writeStep } from '../../../src/app/sweep/write-step';
import { PROCESS_STATE_KEY, type ProcessState } from '../../../src/domain/process-state';
import { renderMessage } from '../../../src/domain/texts';
import { decideTimer } from '../../../src/domain/timers/decide-timer';
import { MemoryStore } from '../../support/memory-store';
import {
  CLOSE_TRANSITION,
  cfg,
  clarificationTicket,
  fakeSite,
  now,
  sweepContext,
  type Site,
} from './sweep-fakes';

/** 12 days into Clarification: the first reminder is due; 60: the close. */
const REMINDER_DAYS = 12;
const CLOSE_DAYS = 60;

function dueStep(ticket: SweepTicket) {
  const decision = decideTimer(ticket.state as ProcessState, now, cfg, ticket);
  if (!decision.due) throw new Error('fixture: a step must be due');
  return decision;
}

type Decision = ReturnType<typeof dueStep>;

/** Writes the step due on `ticket` (or `decision`) on a fake site; `settings` change the project's settings. */
async function write(
  ticket: SweepTicket,
  options: { site?: Site; settings?: Partial<typeof cfg>; decision?: Decision; transitions?: unknown } = {},
) {
  const fake = fakeSite({ property: ticket.state, ...options.site });
  const base = sweepContext(new MemoryStore(), fake);
  const ctx = {
    ...base,
    cfg: { ...cfg, ...options.settings },
    ...(options.transitions ? { transitions: options.transitions as WorkflowTransitions } : {}),
  };
  const decision = options.decision ?? dueStep(ticket);
  await writeStep(ctx, ticket, decision);
  return { fake, decision };
}

const commentOf = (body: unknown) => (body as { comment?: { body: unknown; internal: boolean } }).comment;

describe('writeStep: a due timer step is exactly one Jira write', () => {
  it('a reminder is one edit with the public comment in the project language, the next state and the view it was decided on', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const { fake, decision } = await write(ticket);
    const action = decision.actions.find((a) => a.type === 'comment');
    if (action?.type !== 'comment') throw new Error('fixture: a reminder comments');
    expect(fake.writes).toEqual([
      {
        kind: 'edit',
        body: {
          comment: {
            body: textToAdf(renderMessage(cfg, action.messageKey, 'de', action.params)),
            internal: false,
            occurrence: decision.idempotencyKey,
          },
          properties: [{ key: PROCESS_STATE_KEY, value: decision.state }],
        },
      },
    ]);
    expect(fake.writeOptions).toEqual([{ stateBasis: new Date(ticket.updatedMs as number).toISOString() }]);
  });

  it('an internal text is written as an internal comment', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const due = dueStep(ticket);
    const decision = {
      ...due,
      actions: due.actions.map((a) => (a.type === 'comment' ? { ...a, visibility: 'internal' as const } : a)),
    };
    const { fake } = await write(ticket, { decision });
    expect(commentOf(fake.writes[0]?.body)?.internal).toBe(true);
  });

  it('writes in the language of the first organization the ticket is shared with that has one', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS, {
      organizations: [
        { id: '1', name: 'Beta AG' },
        { id: '2', name: 'Acme Ltd' },
        { id: '3', name: 'Gamma GmbH' },
      ],
    });
    const settings = { languageByOrganization: { 'Acme Ltd': 'en', 'Gamma GmbH': 'de' } } as Partial<
      typeof cfg
    >;
    const { fake, decision } = await write(ticket, { settings });
    const action = decision.actions.find((a) => a.type === 'comment');
    if (action?.type !== 'comment') throw new Error('fixture: a reminder comments');
    expect(commentOf(fake.writes[0]?.body)?.body).toEqual(
      textToAdf(renderMessage(cfg, action.messageKey, 'en', action.params)),
    );
  });

  it('an organization named like a built-in property has no language of its own', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS, { organizations: [{ id: '1', name: 'constructor' }] });
    const { fake, decision } = await write(ticket, { settings: { languageByOrganization: {} } });
    const action = decision.actions.find((a) => a.type === 'comment');
    if (action?.type !== 'comment') throw new Error('fixture: a reminder comments');
    expect(commentOf(fake.writes[0]?.body)?.body).toEqual(
      textToAdf(renderMessage(cfg, action.messageKey, 'de', action.params)),
    );
  });

  it('a close is one transition to Closed with the resolution on its screen, the comment and the state', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const { fake, decision } = await write(ticket);
    const action = decision.actions.find((a) => a.type === 'transition');
    if (action?.type !== 'transition' || !action.comment) throw new Error('fixture: a close transitions');
    expect(fake.writes).toEqual([
      {
        kind: 'transition',
        body: {
          id: CLOSE_TRANSITION,
          fields: { resolution: { name: action.resolution } },
          comment: {
            body: textToAdf(renderMessage(cfg, action.comment.messageKey, 'de', action.comment.params)),
            internal: false,
            occurrence: decision.idempotencyKey,
          },
          properties: [{ key: PROCESS_STATE_KEY, value: decision.state }],
        },
      },
    ]);
  });

  it('a close whose screen has no resolution field sets none; one without a text writes no comment', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const due = dueStep(ticket);
    const decision = {
      ...due,
      actions: due.actions.map((a) => (a.type === 'transition' ? { ...a, comment: undefined } : a)),
    };
    const transitions = { resolve: async () => ({ id: '41', resolutionOnScreen: false }) };
    const { fake } = await write(ticket, { decision, transitions });
    expect(fake.writes).toEqual([
      {
        kind: 'transition',
        body: { id: '41', properties: [{ key: PROCESS_STATE_KEY, value: decision.state }] },
      },
    ]);
  });

  it('a close without a resolution to set sets none, even where the screen has the field', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const due = dueStep(ticket);
    const decision = {
      ...due,
      actions: due.actions.map((a) => (a.type === 'transition' ? { ...a, resolution: undefined } : a)),
    };
    const { fake } = await write(ticket, { decision });
    expect(fake.writes[0]?.body).not.toHaveProperty('fields');
  });

  it('a workflow without a way to Closed writes nothing and says from which status', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const error = await write(ticket, { site: { closable: false } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCloseTransitionError);
    expect(error).toMatchObject({
      statusId: ticket.statusId,
      name: 'NoCloseTransitionError',
      message: `no transition to Closed from status ${ticket.statusId}`,
    });
  });

  it('a step with nothing left to write but its state brings the property up to date', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const due = dueStep(ticket);
    const decision = { ...due, actions: due.actions.filter((a) => a.type === 'setState') };
    const { fake } = await write(ticket, { decision });
    expect(fake.writes).toEqual([{ kind: 'property', body: decision.state }]);
    expect(fake.writeOptions).toEqual([{ stateBasis: new Date(ticket.updatedMs as number).toISOString() }]);
  });
});

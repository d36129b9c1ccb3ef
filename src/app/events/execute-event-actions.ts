import { textToAdf } from '../shared/adf';
import type { CommentInput } from '../ports/jira';
import type { MessageRef } from '../../domain/actions';
import { assertNever } from '../../domain/assert-never';
import type { EventAction, RevertStatusAction, RevertTypeAction } from '../../domain/events/event-actions';
import {
  holdsNothing,
  PROCESS_STATE_KEY,
  withDone,
  withFlag,
  type ProcessState,
} from '../../domain/process-state';
import { renderMessage } from '../../domain/texts';
import { EVENT_WRITER, markStateWrite } from '../shared/state-write-marker';
import { CommentLanguages } from './comment-language';
import { errorCode } from './error-code';
import { writeAudits, type Audit, type ExecutionContext } from './execution-context';
import { alertOnce } from './on-call-alert-once';
import { performRevert } from './revert-change';
import { isSecurityRefusal } from './security-refusal';
import { issueTypeIdOf } from './issue-type-ids';
import { relistedSecurityLevelId, securityLevelId } from './security-level-ids';

/** Flag shown in the panel when Jira refused to set the security level of a confidential ticket. */
const SECURITY_FAILED_FLAG = 'confidentialityFailed';
/** Flag shown in the panel when the configured security level does not exist in the project. */
const SECURITY_MISSING_FLAG = 'securityLevelMissing';

/** Renders a message as the comment posted for `occurrence` (its idempotency key). */
type Render = (ref: MessageRef, occurrence: string) => Promise<CommentInput>;

interface PendingComment {
  readonly ref: MessageRef;
  readonly key: string;
}

/** The claimed comments Jira accepted so far, and those whose ledger claim is already completed. */
interface Written {
  readonly landed: Set<PendingComment>;
  readonly completed: Set<PendingComment>;
}

/** What the actions add up to: one edit's fields, the comments, at most one revert, and the audit entries. */
interface Plan {
  state: ProcessState;
  readonly fields: Record<string, unknown>;
  comments: PendingComment[];
  revert?: RevertStatusAction | RevertTypeAction;
  /** Whether the revert set the change back; `false` when the workflow had no way back. */
  reverted?: boolean;
  readonly audits: Audit[];
  /** The security level the fields set, by name: looked up again when Jira refuses its kept id. */
  securityLevel?: string;
}

function keyOf(action: EventAction): string | undefined {
  return 'idempotencyKey' in action ? action.idempotencyKey : undefined;
}

/**
 * Whether the decided state must be written: the state property is rewritten only when something in it changed,
 * and a ticket without one gets one only when the decision records more than its status (`holdsNothing`): the
 * rules decide a ticket without a state from its status alone, so such a write would change nothing.
 */
function stateChanged(stored: ProcessState | undefined, decided: ProcessState): boolean {
  if (!stored) return !holdsNothing(decided);
  const strip = (s: ProcessState) => JSON.stringify({ ...s, updatedAt: '' });
  return strip(stored) !== strip(decided);
}

/**
 * Performs the actions of the event rules with as few REST calls as Jira allows: the state property, field
 * changes and the first comment travel in ONE edit (or in the revert transition); further comments follow one by
 * one. Actions whose idempotency key the state lists as done are skipped; the on-call alert and every comment,
 * public or internal, go through the `ActionLedger`, so duplicates delivered at the same time write once. In
 * dry-run mode nothing is written; the audit trail records what would have happened. Returns the state as written,
 * and whether a forbidden change was set back (or is being set back by a copy of this event): a revert the workflow
 * has no way back for leaves the ticket where the change put it.
 */
export async function executeEventActions(
  ctx: ExecutionContext,
  decided: ProcessState,
  actions: readonly EventAction[],
): Promise<{ state: ProcessState; reverted: boolean }> {
  const pending = actions.filter((a) => {
    const key = keyOf(a);
    return key === undefined || !decided.done.includes(key);
  });
  if (ctx.config.automation.dryRun) {
    const audits = pending.map((a): Audit => {
      const key = keyOf(a);
      return { action: a.type, outcome: 'dryRun', ...(key ? { idempotencyKey: key } : {}) };
    });
    await writeAudits(ctx, audits);
    return {
      state: decided,
      reverted: pending.some((a) => a.type === 'revertStatus' || a.type === 'revertType'),
    };
  }
  const plan: Plan = { state: decided, fields: {}, comments: [], audits: [] };
  for (const action of pending) await addToPlan(ctx, plan, action);
  dropUntrueSecurityNotes(plan, decided);
  if (plan.revert && !(await claimRevert(ctx, plan.revert))) return { state: decided, reverted: true };
  const claimed = await claimComments(ctx, plan);
  markCommentsDone(plan, claimed);
  const written: Written = { landed: new Set(), completed: new Set() };
  try {
    await writePlan(ctx, plan, claimed, written);
    if (plan.revert) await ctx.deps.ledger.complete(plan.revert.idempotencyKey, ctx.now);
    for (const c of claimed) if (!written.completed.has(c)) await ctx.deps.ledger.complete(c.key, ctx.now);
  } catch (error) {
    if (plan.revert) await ctx.deps.ledger.release(plan.revert.idempotencyKey);
    // A comment that landed is done; the others are free again for the retry.
    for (const c of claimed) {
      if (written.completed.has(c)) continue;
      if (written.landed.has(c)) await ctx.deps.ledger.complete(c.key, ctx.now);
      else await ctx.deps.ledger.release(c.key);
    }
    plan.audits.push({ action: 'write', outcome: 'failed', detail: errorCode(error) });
    await writeAudits(ctx, plan.audits);
    throw error;
  }
  await writeAudits(ctx, plan.audits);
  return { state: plan.state, reverted: plan.reverted === true };
}

/** Folds one action into the plan; the compiler checks that every kind of {@link EventAction} has a case. */
async function addToPlan(ctx: ExecutionContext, plan: Plan, action: EventAction): Promise<void> {
  switch (action.type) {
    case 'comment':
      plan.comments.push({ ref: action, key: action.idempotencyKey });
      return;
    case 'setSecurityLevel':
      return planSecurityLevel(ctx, plan, action.level, action.idempotencyKey);
    case 'setType': {
      const typeId = await issueTypeIdOf(ctx.deps, action.typeName);
      if (typeId !== undefined) plan.fields.issuetype = { id: typeId };
      plan.state = withDone(plan.state, action.idempotencyKey);
      plan.audits.push({
        action: 'emailIntake',
        outcome: typeId ? 'done' : 'failed',
        idempotencyKey: action.idempotencyKey,
        ...(typeId ? {} : { detail: 'typeNotFound' }),
      });
      return;
    }
    case 'alertOnCall':
      plan.audits.push(await alertOnce(ctx, action));
      plan.state = withDone(plan.state, action.idempotencyKey);
      return;
    case 'revertStatus':
    case 'revertType':
      plan.revert = action;
      return;
    case 'audit':
      plan.audits.push(action.entry);
      return;
    default:
      return assertNever(action);
  }
}

async function planSecurityLevel(
  ctx: ExecutionContext,
  plan: Plan,
  name: string | null,
  idempotencyKey: string,
): Promise<void> {
  const level = await securityLevelId(ctx, name);
  if (level === undefined) {
    plan.audits.push({ action: 'securitySet', outcome: 'failed', detail: 'levelNotFound', idempotencyKey });
    plan.state = withFlag(plan.state, SECURITY_MISSING_FLAG);
    return;
  }
  plan.fields.security = level === null ? null : { id: level };
  if (name !== null) plan.securityLevel = name;
  plan.state = withDone(plan.state, idempotencyKey);
  plan.audits.push({ action: 'securitySet', outcome: 'done', idempotencyKey });
}

/** A confidentiality note that names a level the app could not set would be untrue: it goes with the level. */
function dropUntrueSecurityNotes(plan: Plan, decided: ProcessState): void {
  if (!plan.state.flags.includes(SECURITY_MISSING_FLAG) || decided.flags.includes(SECURITY_MISSING_FLAG))
    return;
  plan.comments = plan.comments.filter((c) => !c.ref.messageKey.startsWith('confidentiality'));
}

/**
 * A revert needs a ledger claim too: two deliveries of one forbidden change at the same time both find the ticket
 * in the forbidden status. The delivery that loses the claim is a copy of the winner's event and writes nothing.
 */
async function claimRevert(
  ctx: ExecutionContext,
  revert: RevertStatusAction | RevertTypeAction,
): Promise<boolean> {
  const claim = await ctx.deps.ledger.claim(revert.idempotencyKey, ctx.now);
  if (claim.kind === 'claimed' || claim.kind === 'stale') return true;
  await writeAudits(ctx, [
    {
      action: revert.type === 'revertStatus' ? 'transitionReverted' : 'reclassificationReverted',
      outcome: 'skipped',
      detail: 'alreadyDone',
      idempotencyKey: revert.idempotencyKey,
    },
  ]);
  return false;
}

/**
 * Every comment needs a ledger claim: two duplicates of one event delivered at the same time both read a state
 * that does not list the comment as done, and only the claim tells them apart.
 */
async function claimComments(ctx: ExecutionContext, plan: Plan): Promise<PendingComment[]> {
  const claimed: PendingComment[] = [];
  for (const c of plan.comments) {
    const claim = await ctx.deps.ledger.claim(c.key, ctx.now);
    if (claim.kind === 'claimed' || claim.kind === 'stale') claimed.push(c);
    else
      plan.audits.push({
        action: 'comment',
        outcome: 'skipped',
        detail: 'alreadyDone',
        idempotencyKey: c.key,
      });
  }
  return claimed;
}

/**
 * The state written lists as done what that write itself carries or what another run already posted: the first
 * claimed comment travels in the edit (and every comment with a revert, which carries or drops them); the rest
 * follow one by one after it, so only the ledger records them, each once it landed. Listing them in the state
 * would lose them when the edit lands and a later comment fails: the retry would read them as done.
 */
function markCommentsDone(plan: Plan, claimed: readonly PendingComment[]): void {
  const later = new Set(plan.revert ? [] : claimed.slice(1));
  for (const c of plan.comments) if (!later.has(c)) plan.state = withDone(plan.state, c.key);
}

/** The Jira writes of the plan: the revert, or one edit with fields, state and first comment, then the rest. */
async function writePlan(
  ctx: ExecutionContext,
  plan: Plan,
  claimed: PendingComment[],
  { landed, completed }: Written,
): Promise<void> {
  const { deps, ticket, config, now } = ctx;
  const languages = new CommentLanguages(deps, config, ticket, ctx.actorId, now);
  const render: Render = async (ref, occurrence) => {
    const language = ref.visibility === 'internal' ? await languages.internal() : languages.customer();
    return {
      body: textToAdf(renderMessage(config, ref.messageKey, language, ref.params)),
      internal: ref.visibility === 'internal',
      occurrence,
    };
  };
  // Marker before property (docs/decisions/0003): a sweep that searched the old state sees it before its own
  // write and re-reads instead of overwriting this state (a timer reset above all) with one derived from it.
  const announce = () => markStateWrite(deps.store, ticket.id, now.toISOString(), EVENT_WRITER);
  if (plan.revert) {
    plan.state = withDone(plan.state, plan.revert.idempotencyKey);
    await announce();
    const outcome = await performRevert(ctx, plan.revert, plan.state, plan.fields, render, plan.audits);
    plan.reverted = outcome.reverted;
    plan.state = outcome.state;
    for (const c of claimed) landed.add(c);
    return;
  }
  const [first, ...rest] = claimed;
  if (Object.keys(plan.fields).length > 0 || first || stateChanged(ctx.stored, plan.state)) {
    await announce();
    await editWithSecurityFallback(ctx, plan, first, render);
    if (first) landed.add(first);
  }
  for (const c of rest) {
    await deps.jira.addComment(ticket.key, await render(c.ref, c.key));
    landed.add(c);
    await deps.ledger.complete(c.key, now);
    completed.add(c);
  }
}

/**
 * One edit carrying fields, state and the first comment. When Jira refuses the security field (the app lacks
 * "Set Issue Security", or the kept level id is gone and the level is not listed under another), the state keeps
 * the action as done and gets a flag for the panel, the audit tells the admin, and the edit is repeated without
 * the field; a confidentiality note would be untrue, so it goes.
 */
async function editWithSecurityFallback(
  ctx: ExecutionContext,
  plan: Plan,
  first: PendingComment | undefined,
  render: Render,
): Promise<void> {
  const { deps, ticket, now } = ctx;
  const hasFields = Object.keys(plan.fields).length > 0;
  const edit = async (withFields: boolean, s: ProcessState, comment: boolean) =>
    deps.jira.editIssue(
      ticket.key,
      {
        ...(withFields && hasFields ? { fields: plan.fields } : {}),
        ...(comment && first ? { comment: await render(first.ref, first.key) } : {}),
        properties: [{ key: PROCESS_STATE_KEY, value: { ...s, updatedAt: now.toISOString() } }],
      },
      {
        notifyUsers: first?.ref.visibility === 'public',
        ...(ticket.updated !== undefined ? { stateBasis: ticket.updated } : {}),
      },
    );
  let refusal: unknown;
  try {
    await edit(true, plan.state, true);
    return;
  } catch (error) {
    if (!('security' in plan.fields) || !isSecurityRefusal(error)) throw error;
    refusal = error;
  }
  // The kept level id may be one deleted since (a level deleted and created again has a new id): with the
  // project's levels listed again, a level of that name under another id is tried once.
  const relisted =
    plan.securityLevel === undefined
      ? undefined
      : await relistedSecurityLevelId(ctx, plan.securityLevel, plan.fields.security);
  if (relisted !== undefined) {
    plan.fields.security = { id: relisted };
    try {
      await edit(true, plan.state, true);
      return;
    } catch (error) {
      if (!isSecurityRefusal(error)) throw error;
      refusal = error;
    }
  }
  plan.state = withFlag(plan.state, SECURITY_FAILED_FLAG);
  plan.audits.push({ action: 'securitySet', outcome: 'failed', detail: errorCode(refusal) });
  deps.log.warn('events.securityRefused', { issueId: ticket.id });
  const onlySecurityNote = first?.ref.messageKey.startsWith('confidentiality') === true;
  await edit(false, plan.state, !onlySecurityNote);
}

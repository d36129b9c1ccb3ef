import { textToAdf } from '../shared/adf';
import type { CommentInput } from '../ports/jira';
import type { MessageRef } from '../../domain/actions';
import {
  PROCESS_STATE_KEY,
  withDone,
  withFlag,
  withoutFlag,
  type ProcessState,
} from '../../domain/process-state';
import { renderMessage } from '../../domain/texts';
import { EVENT_WRITER, markStateWrite } from '../shared/state-write-marker';
import { CommentLanguages } from './comment-language';
import { errorCode } from './error-code';
import type { EventAction, RevertStatusAction, RevertTypeAction } from './event-actions';
import { writeAudits, type Audit, type ExecutionContext } from './execution-context';
import { alertOnce } from './on-call-alert-once';
import { performRevert } from './revert-change';
import { isSecurityRefusal } from './security-refusal';

/** Flag shown in the panel when Jira refused to set the security level of a confidential ticket. */
const SECURITY_FAILED_FLAG = 'confidentialityFailed';

function keyOf(action: EventAction): string | undefined {
  return 'idempotencyKey' in action ? action.idempotencyKey : undefined;
}

/** Same JSON → no write: the state property is rewritten only when something in it changed. */
function sameState(a: ProcessState | undefined, b: ProcessState): boolean {
  if (!a) return false;
  const strip = (s: ProcessState) => JSON.stringify({ ...s, updatedAt: '' });
  return strip(a) === strip(b);
}

/**
 * Performs the actions of the event rules with as few REST calls as Jira allows: the state property, field
 * changes and the first comment travel in ONE edit (or in the revert transition); further comments follow one by
 * one. Actions whose idempotency key the state lists as done are skipped; customer-visible once-only actions
 * (on-call alert, public comments) go through the `ActionLedger`. In dry-run mode nothing is written; the audit
 * trail records what would have happened. Returns the state as written.
 */
export async function executeEventActions(
  ctx: ExecutionContext,
  decided: ProcessState,
  actions: readonly EventAction[],
): Promise<ProcessState> {
  const { deps, ticket, config, now } = ctx;
  const languages = new CommentLanguages(deps, config, ticket, ctx.actorId);
  const audits: Audit[] = [];
  const pending = actions.filter((a) => {
    const key = keyOf(a);
    return key === undefined || !decided.done.includes(key);
  });
  if (config.automation.dryRun) {
    for (const a of pending)
      audits.push({ action: a.type, outcome: 'dryRun', ...(keyOf(a) ? { idempotencyKey: keyOf(a) } : {}) });
    await writeAudits(ctx, audits);
    return decided;
  }

  let state = decided;
  const fields: Record<string, unknown> = {};
  const comments: { ref: MessageRef; key: string; once: boolean }[] = [];
  let revert: RevertStatusAction | RevertTypeAction | undefined;

  const render = async (ref: MessageRef): Promise<CommentInput> => {
    const language = ref.visibility === 'internal' ? await languages.internal() : languages.customer();
    return {
      body: textToAdf(renderMessage(config, ref.messageKey, language, ref.params)),
      internal: ref.visibility === 'internal',
    };
  };

  for (const action of pending) {
    switch (action.type) {
      case 'comment':
        comments.push({ ref: action, key: action.idempotencyKey, once: action.visibility === 'public' });
        break;
      case 'setState':
        state = action.state;
        break;
      case 'flag':
        state = action.on ? withFlag(state, action.flag) : withoutFlag(state, action.flag);
        break;
      case 'setSecurityLevel': {
        const level = await securityLevelId(ctx, action.level);
        if (level === undefined) {
          audits.push({
            action: 'securitySet',
            outcome: 'failed',
            detail: 'levelNotFound',
            idempotencyKey: action.idempotencyKey,
          });
          state = withFlag(state, 'securityLevelMissing');
        } else {
          fields.security = level === null ? null : { id: level };
          state = withDone(state, action.idempotencyKey);
          audits.push({ action: 'securitySet', outcome: 'done', idempotencyKey: action.idempotencyKey });
        }
        break;
      }
      case 'setType': {
        const typeId = await deps.links.issueTypeId(action.typeName);
        if (typeId !== undefined) fields.issuetype = { id: typeId };
        state = withDone(state, action.idempotencyKey);
        audits.push({
          action: 'emailIntake',
          outcome: typeId ? 'done' : 'failed',
          idempotencyKey: action.idempotencyKey,
          ...(typeId ? {} : { detail: 'typeNotFound' }),
        });
        break;
      }
      case 'alertOnCall':
        audits.push(await alertOnce(ctx, action));
        state = withDone(state, action.idempotencyKey);
        break;
      case 'revertStatus':
      case 'revertType':
        revert = action;
        break;
      case 'enqueue':
        if (action.items.length > 0) await deps.queue.push(action.items);
        break;
      case 'audit':
        audits.push(action.entry);
        break;
      case 'transition':
        // Event rules never move a ticket forward; Delivery completion uses the queue handlers instead.
        throw new Error('transition actions are performed by the Delivery work handlers');
    }
  }

  // A confidentiality note that names a level the app could not set would be untrue: it goes with the level.
  if (state.flags.includes('securityLevelMissing') && !decided.flags.includes('securityLevelMissing')) {
    comments.splice(
      0,
      comments.length,
      ...comments.filter((c) => !c.ref.messageKey.startsWith('confidentiality')),
    );
  }
  for (const c of comments) state = withDone(state, c.key);
  // Public once-only comments need a ledger claim: two concurrent duplicates must not both write.
  const claimed: typeof comments = [];
  for (const c of comments) {
    if (!c.once) {
      claimed.push(c);
      continue;
    }
    const claim = await deps.ledger.claim(c.key, now);
    if (claim.kind === 'claimed' || claim.kind === 'stale') claimed.push(c);
    else audits.push({ action: 'comment', outcome: 'skipped', detail: 'alreadyDone', idempotencyKey: c.key });
  }

  try {
    // Marker before property (docs/decisions/0003): a sweep that searched the old state sees it before its own
    // write and re-reads instead of overwriting this state (a timer reset above all) with one derived from it.
    const announce = () => markStateWrite(deps.store, ticket.id, now.toISOString(), EVENT_WRITER);
    if (revert) {
      state = withDone(state, revert.idempotencyKey);
      await announce();
      await performRevert(ctx, revert, state, fields, render, audits);
    } else {
      const [first, ...rest] = claimed;
      const hasFields = Object.keys(fields).length > 0;
      if (hasFields || first || !sameState(ctx.stored, state)) {
        await announce();
        const edit = async (withFields: boolean, s: ProcessState, comment: boolean) =>
          deps.jira.editIssue(
            ticket.key,
            {
              ...(withFields && hasFields ? { fields } : {}),
              ...(comment && first ? { comment: await render(first.ref) } : {}),
              properties: [{ key: PROCESS_STATE_KEY, value: { ...s, updatedAt: now.toISOString() } }],
            },
            { notifyUsers: first?.ref.visibility === 'public' },
          );
        try {
          await edit(true, state, true);
        } catch (error) {
          // Jira refused the security field (the app lacks "Set Issue Security"): keep the state, flag it for the
          // panel and leave the audit entry that tells the admin; the confidentiality note would be untrue, so it
          // goes. The state records the action as done, so later events do not retry it.
          if (!('security' in fields) || !isSecurityRefusal(error)) throw error;
          state = withFlag(state, SECURITY_FAILED_FLAG);
          audits.push({ action: 'securitySet', outcome: 'failed', detail: errorCode(error) });
          deps.log.warn('events.securityRefused', { issueId: ticket.id });
          const onlySecurityNote = first?.ref.messageKey.startsWith('confidentiality') === true;
          await edit(false, state, !onlySecurityNote);
        }
      }
      for (const c of rest) await deps.jira.addComment(ticket.key, await render(c.ref));
    }
    for (const c of claimed) if (c.once) await deps.ledger.complete(c.key, now);
  } catch (error) {
    for (const c of claimed) if (c.once) await deps.ledger.release(c.key);
    audits.push({ action: 'write', outcome: 'failed', detail: errorCode(error) });
    await writeAudits(ctx, audits);
    throw error;
  }
  await writeAudits(ctx, audits);
  return state;
}

async function securityLevelId(
  ctx: ExecutionContext,
  name: string | null,
): Promise<string | null | undefined> {
  if (name === null) return null;
  const levels = await ctx.deps.links.securityLevels(ctx.ticket.projectKey);
  return levels.find((l) => l.name.trim().toLowerCase() === name.trim().toLowerCase())?.id;
}

/**
 * The process invariants (PROCESS.md §3, §4, §6, §7), read from the local site's store after the app has acted:
 * what Jira shows (statuses, changelogs, comments, links, security levels, the Delivery tables) and what the app
 * recorded (its state property, its audit trail). Each check returns the violations it found, as sentences naming
 * the ticket, so a property test can report the first broken one after the step that broke it.
 */
import { FIELD, USER } from '../../sandbox/jira/seed/demo-ids';
import type { SimIssue } from '../../sandbox/jira/model/types';
import type { ProjectConfig } from '../../src/domain/config';
import { matchDelivery, type DeliveryCandidate } from '../../src/domain/delivery';
import type { Kind } from '../../src/domain/kinds';
import { kindOfTypeName, statusOfName } from '../../src/domain/names';
import { PROCESS_STATE_KEY, type ProcessState } from '../../src/domain/process-state';
import { customerRegion } from '../../src/domain/service/customer-region';
import type { StatusKey } from '../../src/domain/statuses';
import { checkStatusChange, hasStatus } from '../../src/domain/workflows';
import { CLARIFICATION_KINDS } from '../../src/domain/workflows/workflow-table';
import { OCCURRENCE_PROPERTY } from '../../src/adapters/jira/jira-gateway';
import { DAY, plainText, type LocalSite } from './local-site';

const HOUR = DAY / 24;

/** The kinds whose tickets ship with a Delivery (guide §3.1.1), written out by hand. */
const SHIPPED: readonly Kind[] = ['softwareDefect', 'consultingRequest', 'customisation'];

/** The timer a ticket of `kind` runs in `status` (PROCESS.md §4), written out by hand; none outside its workflow. */
function expectedTimer(kind: Kind, status: StatusKey | undefined): string {
  if (status === undefined || !hasStatus(kind, status)) return 'none';
  if (status === 'clarification' && CLARIFICATION_KINDS.includes(kind)) return 'clarification';
  if (status === 'resolved') return 'resolved';
  if (status === 'estimationAvailable' && kind === 'customisation') return 'estimate';
  return 'none';
}

/** What the checks need besides the site: the configuration the app runs with. */
export interface InvariantContext {
  readonly s: LocalSite;
  readonly config: ProjectConfig;
  /**
   * Tickets the site had before the app was installed: without a state until the app decides on them, which a
   * move of their status always makes it do (the events no rule reacts to leave them as they are).
   */
  readonly installedOver?: { readonly keys: ReadonlySet<string>; readonly at: number };
}

interface View {
  readonly issue: SimIssue;
  readonly key: string;
  readonly kind: Kind | undefined;
  readonly status: StatusKey | undefined;
  readonly statusName: string;
  readonly state: ProcessState | undefined;
}

function viewsOf({ s, config }: InvariantContext): View[] {
  const store = s.site.store;
  return [...store.issues()].map((issue) => {
    const statusName = store.statuses.get(issue.statusId)?.name ?? issue.statusId;
    return {
      issue,
      key: issue.key,
      kind: kindOfTypeName(config, store.issueTypes.get(issue.issueTypeId)?.name),
      status: statusOfName(config, statusName),
      statusName,
      state: issue.properties[PROCESS_STATE_KEY] as ProcessState | undefined,
    };
  });
}

/** Whether a status change of the ticket's changelog moved it into a status where its kind runs a timer. */
function enteredTimedStatus(v: View, statusOf: (name: string | null) => StatusKey | undefined): boolean {
  if (v.kind === undefined) return false;
  const kind = v.kind;
  return v.issue.histories.some((h) =>
    h.items.some((i) => i.fieldId === 'status' && expectedTimer(kind, statusOf(i.toString)) !== 'none'),
  );
}

/** The app marked the ticket for agents: a forbidden change it could not revert. */
const flagged = (v: View): boolean =>
  (v.state?.flags ?? []).some((f) => f === 'illegalTransition' || f === 'illegalReclassification');

const optionValue = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null ? (value as { value?: string }).value : undefined;

/** Confidential = Yes ⇒ the region's level or the fallback; No ⇒ none (lift) or the level stays (lock). */
function confidentiality(ctx: InvariantContext, views: View[]): string[] {
  const { s, config } = ctx;
  const store = s.site.store;
  const out: string[] = [];
  for (const v of views) {
    if (v.kind === undefined || v.kind === 'delivery') continue;
    const answer = optionValue(v.issue.custom[FIELD.confidential]);
    const level =
      v.issue.securityLevelId === null ? undefined : store.securityLevels.get(v.issue.securityLevelId)?.name;
    const orgs = v.issue.organizationIds.map((id) => store.organizations.get(id)?.name ?? id);
    const region = customerRegion(orgs, config);
    const restricting = region?.region.securityLevel ?? config.regions.fallbackSecurityLevel;
    const everYes =
      answer === 'Yes' ||
      v.issue.histories.some((h) =>
        h.items.some(
          (i) => i.fieldId === FIELD.confidential && (i.toString === 'Yes' || i.fromString === 'Yes'),
        ),
      );
    if (answer === 'Yes' && level !== restricting)
      out.push(
        `${v.key}: Confidential = Yes but security level ${level ?? 'none'} (expected ${restricting})`,
      );
    if (answer === 'No' || answer === undefined) {
      if (config.regions.liftRestrictionOnNo && level !== undefined)
        out.push(`${v.key}: Confidential = ${answer ?? 'unset'} but still restricted to ${level}`);
      if (!config.regions.liftRestrictionOnNo && answer === 'No' && everYes && level === undefined)
        out.push(`${v.key}: Confidential = No with the restriction locked, but the level was lifted`);
    }
  }
  return out;
}

/** The keys of the "Included tickets" table of a Delivery (first column). */
function tableKeys(doc: unknown): string[] {
  const table = (
    doc as { content?: { type: string; content: { content: unknown[] }[] }[] } | undefined
  )?.content?.find((n) => n.type === 'table');
  return (table?.content ?? [])
    .slice(1)
    .map((row) => plainText(row.content[0]).trim())
    .sort();
}

/**
 * Every Planned Delivery ships exactly the waiting tickets (Delivery Pending, shipped kind, a version) that
 * belong in it, and its table lists exactly those; a waiting ticket is linked to at most one Planned Delivery.
 */
function deliveries(ctx: InvariantContext, views: View[]): string[] {
  const { s, config } = ctx;
  const out: string[] = [];
  const planned = views.filter((v) => v.kind === 'delivery' && v.status === 'planned');
  const candidates: DeliveryCandidate[] = planned.map((d) => {
    const version = d.issue.custom[FIELD.deliveryVersion];
    const date = d.issue.custom[FIELD.estimatedDeliveryDate];
    return {
      id: d.issue.id,
      key: d.key,
      ...(typeof version === 'string' ? { version } : {}),
      organizationIds: d.issue.organizationIds,
      ...(typeof date === 'string' ? { estimatedDate: date } : {}),
    };
  });
  const expected = new Map<string, string[]>(planned.map((d) => [d.key, []]));
  for (const v of views) {
    if (v.kind === undefined || !SHIPPED.includes(v.kind) || v.status !== 'deliveryPending') continue;
    const version = v.issue.custom[FIELD.deliveryVersion];
    if (typeof version !== 'string' || version.trim() === '') continue;
    const target = matchDelivery(
      { version, organizationIds: v.issue.organizationIds },
      candidates,
      config.names.customValue,
    );
    if (target) expected.get(target.key)?.push(v.key);
    const linkedTo = planned.filter((d) => s.shipped(d.key).includes(v.key)).map((d) => d.key);
    if (linkedTo.length > 1)
      out.push(`${v.key}: waiting in ${linkedTo.length} Planned Deliveries (${linkedTo.join(', ')})`);
  }
  for (const d of planned) {
    const want = (expected.get(d.key) ?? []).sort();
    const linked = s.shipped(d.key).filter((k) => {
      const t = views.find((x) => x.key === k);
      return t !== undefined && t.kind !== 'delivery';
    });
    if (JSON.stringify(linked) !== JSON.stringify(want))
      out.push(`${d.key}: ships [${linked.join(', ')}], expected [${want.join(', ')}]`);
    const rows = tableKeys(d.issue.custom[FIELD.includedTickets]);
    if (JSON.stringify(rows) !== JSON.stringify(linked))
      out.push(`${d.key}: table lists [${rows.join(', ')}], links say [${linked.join(', ')}]`);
  }
  return out;
}

/**
 * A running timer belongs to the ticket's current status and is the one its kind runs there; with no timer
 * running, nothing is due. Only a ticket that runs no timer and never entered a status where its kind runs one may
 * have no state. (After the app closed a ticket the state keeps the status it closed it from, with no timer.) A
 * ticket the app flagged (a forbidden change it could not revert) keeps the state of the status it came from until
 * an agent moves it or the sweep rebuilds that state from the changelog.
 */
function timers(
  views: View[],
  installedOver: InvariantContext['installedOver'],
  statusOf: (statusName: string | null) => StatusKey | undefined,
): string[] {
  const out: string[] = [];
  const movedSince = (v: View, at: number) =>
    v.issue.histories.some((h) => Date.parse(h.created) >= at && h.items.some((i) => i.fieldId === 'status'));
  for (const v of views) {
    if (v.kind === undefined || v.kind === 'delivery') continue;
    if (!v.state) {
      if (installedOver?.keys.has(v.key) && !movedSince(v, installedOver.at)) continue;
      // A ticket whose rules recorded nothing but its status keeps no state until they do (docs/decisions/0026,
      // 0027): its kind runs no timer where it is and it never entered a status where one runs.
      if (expectedTimer(v.kind, v.status) === 'none' && !enteredTimedStatus(v, statusOf)) continue;
      out.push(`${v.key}: no process state`);
      continue;
    }
    if (v.state.timer === 'none' && v.state.nextDueAt !== undefined)
      out.push(`${v.key}: no timer runs in ${v.statusName} but a step is due at ${v.state.nextDueAt}`);
    if (flagged(v)) continue;
    const timer = expectedTimer(v.kind, v.status);
    const current = v.state.statusId === v.issue.statusId;
    if (v.state.timer !== 'none' && !current)
      out.push(
        `${v.key}: ${v.state.timer} timer of status ${v.state.statusId} runs, ticket in ${v.statusName}`,
      );
    if (current && v.state.timer !== timer)
      out.push(`${v.key}: timer ${v.state.timer} in ${v.statusName} (expected ${timer})`);
    if (!current && timer !== 'none')
      out.push(`${v.key}: no ${timer} timer runs in ${v.statusName} (state of status ${v.state.statusId})`);
  }
  return out;
}

/** Reminders per cycle never exceed the configured count, and no step of a cycle is done twice. */
function reminders(ctx: InvariantContext): string[] {
  const out: string[] = [];
  const done = ctx.s.audit().filter((e) => e.outcome === 'done' && e.idempotencyKey !== undefined);
  const perCycle = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const e of done) {
    const id = `${e.action} ${e.idempotencyKey ?? ''}`;
    if (['reminder', 'close', 'expire', 'expiryNotice'].includes(e.action)) {
      if (seen.has(id)) out.push(`${e.issueKey}: step ${id} done twice`);
      seen.add(id);
    }
    if (e.action !== 'reminder') continue;
    const cycle = (e.idempotencyKey ?? '').split(':').slice(0, 3).join(':');
    const steps = perCycle.get(cycle) ?? new Set<string>();
    steps.add(e.idempotencyKey ?? '');
    perCycle.set(cycle, steps);
    if (steps.size > ctx.config.timers.clarification.reminderCount)
      out.push(`${e.issueKey}: ${steps.size} reminders in cycle ${cycle}`);
  }
  return out;
}

const isCustomer = (accountId: string) => accountId.startsWith('customer-');

/**
 * No close before its due time, judged from Jira's own records: the app closed a ticket from Clarification,
 * Resolved or Estimation available only once the configured days had passed since it entered that status or
 * since the customer's last public comment there (calendar days; an hour of slack for a DST change).
 */
function closes(ctx: InvariantContext, views: View[]): string[] {
  const { timers: t } = ctx.config;
  const days: Partial<Record<StatusKey, number>> = {
    clarification: t.clarification.closeAfterDays,
    resolved: t.resolved.closeAfterDays,
    estimationAvailable: t.estimate.validWeeks * 7,
  };
  const out: string[] = [];
  for (const v of views) {
    const changes = v.issue.histories.flatMap((h) =>
      h.items
        .filter((i) => i.fieldId === 'status')
        .map((i) => ({
          at: Date.parse(h.created),
          author: h.authorAccountId,
          from: i.fromString,
          to: i.toString,
        })),
    );
    changes.forEach((c, n) => {
      if (c.author !== USER.app || c.to !== ctx.config.names.statuses.closed) return;
      const from = statusOfName(ctx.config, c.from ?? undefined);
      const after = from === undefined ? undefined : days[from];
      if (after === undefined) return;
      const entered =
        changes
          .slice(0, n)
          .filter((e) => e.to === c.from)
          .map((e) => e.at)
          .pop() ?? Date.parse(v.issue.created);
      const replies =
        from === 'estimationAvailable'
          ? []
          : v.issue.comments
              .filter((m) => m.jsdPublic && isCustomer(m.authorAccountId))
              .map((m) => Date.parse(m.created))
              .filter((at) => at > entered && at <= c.at);
      const start = Math.max(entered, ...replies);
      if (c.at < start + after * DAY - HOUR)
        out.push(
          `${v.key}: closed from ${c.from ?? '?'} at ${new Date(c.at).toISOString()}, due ${new Date(start + after * DAY).toISOString()}`,
        );
    });
  }
  return out;
}

/**
 * The kinds a status change made with changelog entry `at` is judged as: the kind the ticket had right after it
 * (the type the last re-typing up to it set, else the type the first later re-typing changed from, else the
 * type now), and also the kind it has now when the app set a re-typing back after the change: a move allowed
 * only for a type the rules refused stays forbidden.
 */
function kindsOfChange(config: ProjectConfig, v: View, at: number): Kind[] {
  const retypings = v.issue.histories.flatMap((h, index) =>
    h.items
      .filter((i) => i.fieldId === 'issuetype')
      .map((i) => ({ index, author: h.authorAccountId, from: i.fromString, to: i.toString })),
  );
  const upTo = retypings.filter((r) => r.index <= at).pop();
  const later = retypings.filter((r) => r.index > at);
  const then = upTo
    ? kindOfTypeName(config, upTo.to ?? undefined)
    : later[0]
      ? kindOfTypeName(config, later[0].from ?? undefined)
      : v.kind;
  const setBack = later.some((r) => r.author === USER.app);
  return [then, setBack ? v.kind : undefined].filter((k): k is Kind => k !== undefined);
}

/**
 * After the app acted, no ticket rests in a status its kind does not have, or after a change its workflow
 * forbids, unless the app flagged it for agents. A change is judged as the person who made it did: under the
 * type the ticket had then (a later, allowed re-typing keeps the status, PROCESS.md §2), and as a customer where
 * a customer made it (they may only close a ticket waiting for them).
 */
function workflows(ctx: InvariantContext, views: View[]): string[] {
  const out: string[] = [];
  for (const v of views) {
    const { status } = v;
    if (v.kind === undefined || status === undefined) continue;
    const flagged = (v.state?.flags ?? []).some(
      (f) => f === 'illegalTransition' || f === 'illegalReclassification',
    );
    if (flagged) continue;
    if (!hasStatus(v.kind, status)) {
      out.push(`${v.key}: ${v.kind} rests in ${v.statusName}, a status its workflow does not have`);
      continue;
    }
    const changes = v.issue.histories.flatMap((h, at) =>
      h.items
        .filter((i) => i.fieldId === 'status')
        .map((i) => ({ author: h.authorAccountId, from: i.fromString, to: i.toString, at })),
    );
    const last = changes[changes.length - 1];
    if (!last || last.author === USER.app) continue;
    const from = statusOfName(ctx.config, last.from ?? undefined);
    if (from === undefined) continue;
    const before = changes
      .slice(0, -1)
      .filter((c) => c.to === ctx.config.names.statuses.clarification)
      .map((c) => statusOfName(ctx.config, c.from ?? undefined))
      .pop();
    const context = {
      ...(from === 'clarification' && before !== undefined ? { previousWorkingStatus: before } : {}),
      ...(isCustomer(last.author) ? { byCustomer: true } : {}),
    };
    const refused = kindsOfChange(ctx.config, v, last.at).some(
      (kind) => hasStatus(kind, from) && !checkStatusChange(kind, from, status, context).allowed,
    );
    if (refused)
      out.push(
        `${v.key}: rests in ${v.statusName} after a forbidden ${last.from ?? '?'} → ${last.to ?? '?'}`,
      );
  }
  return out;
}

/**
 * Every app comment is posted at most once per occurrence: each carries the occurrence it was posted for (its
 * idempotency key, in the comment property the app sets with the comment), and no occurrence has two comments
 * anywhere on the site.
 */
function comments(views: View[]): string[] {
  const out: string[] = [];
  const posted = new Map<string, string>();
  for (const v of views) {
    for (const c of v.issue.comments) {
      if (c.authorAccountId !== USER.app) continue;
      const occurrence = (c.properties?.[OCCURRENCE_PROPERTY] as { key?: unknown } | undefined)?.key;
      const where = `${v.key} comment ${c.id}`;
      if (typeof occurrence !== 'string') {
        out.push(`${where}: an app comment that names no occurrence`);
        continue;
      }
      const first = posted.get(occurrence);
      if (first !== undefined) out.push(`${where}: occurrence ${occurrence} already has ${first}`);
      else posted.set(occurrence, where);
    }
  }
  return out;
}

/** Every invariant, in one list of violations (empty when the site is in order). */
export function invariantViolations(ctx: InvariantContext): string[] {
  const views = viewsOf(ctx);
  // A consumer asking for redelivery (`retry`: a copy of work another copy is doing, a rate limit) is the
  // platform's own mechanism; settling delivers it again, and the invariants below judge what it then did.
  const failed = ctx.s.host.invocations.filter((r) => r.outcome === 'error' || r.outcome === 'timeout');
  return [
    ...failed.map((r) => `failed invocation: ${r.moduleKey}: ${r.error ?? r.outcome}`),
    ...ctx.s.site.specViolations.map((v) => `OpenAPI violation: ${v}`),
    ...confidentiality(ctx, views),
    ...deliveries(ctx, views),
    ...timers(views, ctx.installedOver, (name) => statusOfName(ctx.config, name ?? undefined)),
    ...reminders(ctx),
    ...closes(ctx, views),
    ...workflows(ctx, views),
    ...comments(views),
  ];
}

import type { ProjectConfig } from '../../domain/config';
import type { ProcessState } from '../../domain/process-state';
import type { AuditEntry } from '../shared/audit-log';
import type { EventDeps } from './event-deps';
import type { Ticket } from '../../domain/ticket';

/** Context of one execution: the ticket as read, the state before the rules ran, who caused the event. */
export interface ExecutionContext {
  readonly deps: EventDeps;
  readonly ticket: Ticket;
  readonly config: ProjectConfig;
  readonly now: Date;
  readonly stored: ProcessState | undefined;
  readonly actorId?: string;
  /** The site's cloud id from the event, for the JSM Operations alert. */
  readonly cloudId?: string;
}

/** An audit entry of this execution; the ticket, time and source are filled in by {@link writeAudits}. */
export type Audit = Pick<AuditEntry, 'action' | 'outcome'> &
  Partial<Pick<AuditEntry, 'detail' | 'idempotencyKey'>>;

/** Appends the execution's audit entries for its ticket (ids, keys and codes only; no personal data). */
export async function writeAudits(ctx: ExecutionContext, audits: readonly Audit[]): Promise<void> {
  for (const entry of audits) {
    await ctx.deps.audit.append({
      at: ctx.now.toISOString(),
      projectKey: ctx.ticket.projectKey,
      issueKey: ctx.ticket.key,
      issueId: ctx.ticket.id,
      source: 'event',
      ...entry,
    });
  }
}

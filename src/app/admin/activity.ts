import type { ActivityPage } from '../../contract/admin-views';
import type { AuditEntry as AuditEntryView } from '../../contract/common';
import type { AuditEntry } from '../shared/audit-log';
import { auditEntryView } from '../panel/audit-entry-view';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { activityPayloadSchema } from './settings-payload-schema';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** KVS pages read per request at most, so a narrow filter over a long log cannot exhaust the invocation. */
const MAX_PAGES = 10;

interface Position {
  /** Index into the project list. */
  p: number;
  /** KVS cursor within that project's log. */
  c?: string;
}

function encode(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decode(cursor: string | undefined): Position {
  if (!cursor) return { p: 0 };
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Partial<Position>;
    if (typeof value.p === 'number' && Number.isInteger(value.p) && value.p >= 0) {
      return typeof value.c === 'string' ? { p: value.p, c: value.c } : { p: value.p };
    }
  } catch {
    // fall through
  }
  throw new InvalidPayloadError(['cursor: is not a cursor this page returned']);
}

/**
 * The audit log, newest first per project, filtered by project, action and date (inclusive). Pages through
 * KVS with the store's cursor wrapped in our own, so no entry is skipped or repeated between pages. Without a
 * project filter the managed projects are listed one after another. Admins only.
 */
export async function getActivity(payload: unknown, deps: AdminDeps): Promise<ActivityPage> {
  await requireJiraAdmin(deps.user);
  const parsed = activityPayloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const filter = parsed.data;
  const limit = Math.min(filter.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const { config } = await deps.app.config.load();
  const projects = filter.projectKey ? [filter.projectKey] : config.projects;
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? Date.parse(filter.to) : Infinity;

  const entries: AuditEntryView[] = [];
  let position = decode(filter.cursor);
  for (
    let pages = 0;
    pages < MAX_PAGES && position.p < projects.length && entries.length < limit;
    pages += 1
  ) {
    const projectKey = projects[position.p] ?? '';
    const page = await deps.app.audit.forProject(projectKey, {
      limit: limit - entries.length,
      ...(position.c ? { cursor: position.c } : {}),
    });
    let reachedFrom = false;
    for (const entry of page.entries) {
      const at = Date.parse(entry.at);
      if (at < from) {
        reachedFrom = true;
        break;
      }
      const view = matches(entry, at, to, filter.action);
      if (view) entries.push(view);
    }
    // Older entries of this project cannot match once `from` is passed: go on with the next project.
    position = page.cursor && !reachedFrom ? { p: position.p, c: page.cursor } : { p: position.p + 1 };
  }
  return { entries, nextCursor: position.p < projects.length ? encode(position) : null };
}

function matches(
  entry: AuditEntry,
  at: number,
  to: number,
  action: string | undefined,
): AuditEntryView | null {
  if (at > to) return null;
  const view = auditEntryView(entry);
  if (!view || (action && view.action !== action)) return null;
  return view;
}

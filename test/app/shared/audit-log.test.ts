import { AuditLog, type AuditEntry } from '../../../src/app/shared/audit-log';
import { MemoryStore } from '../../support/memory-store';

const entry = (at: string, issueId: string, action = 'reminder'): AuditEntry => ({
  at,
  projectKey: 'SD',
  issueKey: `SD-${issueId}`,
  issueId,
  action,
  outcome: 'done',
  source: 'sweep',
  idempotencyKey: `${issueId}:clarification:1:${at}`,
});

describe('AuditLog', () => {
  it('lists a ticket newest first', async () => {
    const log = new AuditLog(new MemoryStore());
    await log.append(entry('2026-01-10T10:00:00Z', '1'));
    await log.append(entry('2026-01-20T10:00:00Z', '1', 'close'));
    await log.append(entry('2026-01-15T10:00:00Z', '2'));
    expect((await log.forIssue('1')).map((e) => e.action)).toEqual(['close', 'reminder']);
  });

  it('pages a project newest first with a cursor', async () => {
    const log = new AuditLog(new MemoryStore());
    for (let day = 1; day <= 5; day++) await log.append(entry(`2026-01-0${day}T10:00:00Z`, String(day)));
    const first = await log.forProject('SD', { limit: 3 });
    expect(first.entries.map((e) => e.issueId)).toEqual(['5', '4', '3']);
    const second = await log.forProject('SD', { limit: 3, cursor: first.cursor! });
    expect(second.entries.map((e) => e.issueId)).toEqual(['2', '1']);
    expect(second.cursor).toBeUndefined();
  });
});

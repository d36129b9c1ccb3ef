import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { AuditEntry, SiteProject } from '../../../src/contract/resolvers';
import { EmptyState, ErrorState, LoadingState } from '../../shared/src/states';
import { ActivityFilterForm } from './activity-filters';
import { useAdminEnvironment } from './admin-context';
import { settingLabel } from './setting-label';
import { DataTable } from './table';
import { TicketLink } from './ticket-link';
import { useActivity, type ActivityFilters } from './use-activity';

/** The audit log, newest first, filtered by project, ticket, action and date range, paged by cursor. */
export function ActivityTab({ projects }: { projects: SiteProject[] }) {
  const { m } = useAdminEnvironment();
  const [filters, setFilters] = useState<ActivityFilters>({});
  const log = useActivity(filters);
  let body;
  if (log.failure) body = <ErrorState failure={log.failure} texts={m.error} onRetry={log.retry} />;
  else if (log.state === 'loading') body = <LoadingState label={m.loading} />;
  else if (log.entries.length === 0) body = <EmptyState title={m.activity.empty} />;
  else body = <ActivityTable entries={log.entries} />;
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <ActivityFilterForm projects={projects} onApply={setFilters} />
      {body}
      {log.more ? (
        <div>
          <Button isLoading={log.state === 'more'} onClick={log.more}>
            {m.activity.more}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function ActivityTable({ entries }: { entries: AuditEntry[] }) {
  const { m, fmt, language } = useAdminEnvironment();
  return (
    <DataTable
      caption={m.tabs.activity}
      columns={[
        m.activity.columns.at,
        m.activity.columns.ticket,
        m.activity.columns.action,
        m.activity.columns.summary,
      ]}
      rows={entries.map((e) => [
        <time key="t" dateTime={e.at}>
          {fmt.dateTime(e.at)}
        </time>,
        e.issueKey ? <TicketLink key="k" issueKey={e.issueKey} /> : (e.projectKey ?? '—'),
        <ActionCell key="a" entry={e} />,
        e.changes ? <SettingsSaveCell key="s" entry={e} /> : e.summary[language],
      ])}
    />
  );
}

/** What happened, with lozenges for a dry run, a failure or a skip. */
function ActionCell({ entry: e }: { entry: AuditEntry }) {
  const { m } = useAdminEnvironment();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050') }}>
      {m.activity.actions[e.action]}
      {e.dryRun ? <Lozenge appearance="moved">{m.activity.dryRun}</Lozenge> : null}
      {e.outcome === 'failed' ? <Lozenge appearance="removed">{m.activity.failed}</Lozenge> : null}
      {e.outcome === 'skipped' ? <Lozenge>{m.activity.skipped}</Lozenge> : null}
    </span>
  );
}

/** A settings save: the summary, who saved (by display name) and each changed setting, old → new. */
function SettingsSaveCell({ entry: e }: { entry: AuditEntry }) {
  const { m, language } = useAdminEnvironment();
  const who = useDisplayName(e.actorAccountId);
  const changes = e.changes ?? [];
  return (
    <div style={{ display: 'grid', gap: token('space.050') }}>
      <span>
        {e.summary[language]}
        {e.actorAccountId ? ` · ${m.activity.savedBy(who ?? m.activity.someone)}` : ''}
      </span>
      {changes.length === 0 ? (
        <span style={{ color: token('color.text.subtle') }}>{m.activity.noChanges}</span>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
          {changes.map((c) => (
            <li key={c.path}>
              {settingLabel(m, c.path)}: <del>{c.from}</del> → <ins>{c.to}</ins>
            </li>
          ))}
          {e.moreChanges ? <li>{m.activity.moreChanges(e.moreChanges)}</li> : null}
        </ul>
      )}
    </div>
  );
}

/** The display name of `accountId`, read once per entry as the viewing admin; `undefined` until known. */
function useDisplayName(accountId: string | undefined): string | undefined {
  const { displayName } = useAdminEnvironment();
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!accountId) return;
    let current = true;
    void displayName(accountId).then((found) => current && setName(found));
    return () => {
      current = false;
    };
  }, [accountId, displayName]);
  return name;
}

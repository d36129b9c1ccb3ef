import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useId, useState } from 'react';
import type { ActivityPayload, AuditAction, AuditEntry, SiteProject } from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/src/resolver-failure';
import { EmptyState, ErrorState, LoadingState } from '../../shared/src/states';
import { useAdminEnvironment } from './admin-context';
import { selectStyle } from './fields';
import { DataTable } from './table';

type Filters = Pick<ActivityPayload, 'projectKey' | 'action' | 'from' | 'to'>;

/** The audit log, newest first, filtered by project, action and date range, paged by cursor. */
export function ActivityTab({ projects }: { projects: SiteProject[] }) {
  const { m, fmt, invoke, language } = useAdminEnvironment();
  const [draft, setDraft] = useState<{ projectKey: string; action: string; from: string; to: string }>({
    projectKey: '',
    action: '',
    from: '',
    to: '',
  });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [failure, setFailure] = useState<ResolverFailure | null>(null);
  const [filters, setFilters] = useState<Filters>({});
  const ids = { project: useId(), action: useId(), from: useId(), to: useId() };

  const load = useCallback(
    async (applied: Filters, after: string | null) => {
      setState(after ? 'more' : 'loading');
      setFailure(null);
      try {
        const page = await invoke('getActivity', {
          ...applied,
          ...(after ? { cursor: after } : {}),
          limit: 50,
        });
        setEntries((previous) => (after ? [...previous, ...page.entries] : page.entries));
        setCursor(page.nextCursor);
      } catch (thrown) {
        setFailure(ResolverFailure.from(thrown));
      } finally {
        setState('ready');
      }
    },
    [invoke],
  );

  useEffect(() => {
    void load(filters, null);
  }, [filters, load]);

  const apply = () =>
    setFilters({
      ...(draft.projectKey ? { projectKey: draft.projectKey } : {}),
      ...(draft.action ? { action: draft.action as AuditAction } : {}),
      // Dates are whole days in the user's zone: from the start of `from` to the end of `to`.
      ...(draft.from ? { from: new Date(`${draft.from}T00:00:00`).toISOString() } : {}),
      ...(draft.to ? { to: new Date(`${draft.to}T23:59:59.999`).toISOString() } : {}),
    });

  const label = {
    font: token('font.body.small'),
    fontWeight: 600,
    color: token('color.text.subtle'),
  } as const;
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
        style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150'), alignItems: 'end' }}
      >
        <div style={{ display: 'grid', gap: token('space.050') }}>
          <label htmlFor={ids.project} style={label}>
            {m.activity.project}
          </label>
          <select
            id={ids.project}
            style={selectStyle}
            value={draft.projectKey}
            onChange={(e) => setDraft({ ...draft, projectKey: e.currentTarget.value })}
          >
            <option value="">{m.activity.any}</option>
            {projects.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name} ({p.key})
              </option>
            ))}
          </select>
        </div>
        <div style={{ display: 'grid', gap: token('space.050') }}>
          <label htmlFor={ids.action} style={label}>
            {m.activity.action}
          </label>
          <select
            id={ids.action}
            style={selectStyle}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
          >
            <option value="">{m.activity.any}</option>
            {(Object.keys(m.activity.actions) as AuditAction[]).map((a) => (
              <option key={a} value={a}>
                {m.activity.actions[a]}
              </option>
            ))}
          </select>
        </div>
        <div style={{ display: 'grid', gap: token('space.050') }}>
          <label htmlFor={ids.from} style={label}>
            {m.activity.from}
          </label>
          <Textfield
            id={ids.from}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </div>
        <div style={{ display: 'grid', gap: token('space.050') }}>
          <label htmlFor={ids.to} style={label}>
            {m.activity.to}
          </label>
          <Textfield
            id={ids.to}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </div>
        <Button type="submit" appearance="primary">
          {m.activity.apply}
        </Button>
      </form>

      {failure ? (
        <ErrorState failure={failure} texts={m.error} onRetry={() => void load(filters, null)} />
      ) : state === 'loading' ? (
        <LoadingState label={m.loading} />
      ) : entries.length === 0 ? (
        <EmptyState title={m.activity.empty} />
      ) : (
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
            e.issueKey ?? e.projectKey ?? '—',
            <span key="a" style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050') }}>
              {m.activity.actions[e.action]}
              {e.dryRun ? <Lozenge appearance="moved">{m.activity.dryRun}</Lozenge> : null}
              {e.outcome === 'failed' ? <Lozenge appearance="removed">{m.activity.failed}</Lozenge> : null}
              {e.outcome === 'skipped' ? <Lozenge>{m.activity.skipped}</Lozenge> : null}
            </span>,
            e.summary[language],
          ])}
        />
      )}
      {cursor && !failure && state !== 'loading' ? (
        <div>
          <Button isLoading={state === 'more'} onClick={() => void load(filters, cursor)}>
            {m.activity.more}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

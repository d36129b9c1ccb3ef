import { useCallback, useEffect, useState } from 'react';
import type { ActivityPayload, AuditEntry } from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/src/resolver-failure';
import { useAdminEnvironment } from './admin-context';

/** The filters the activity tab applies (all optional, ANDed). */
export type ActivityFilters = Pick<ActivityPayload, 'projectKey' | 'issueKey' | 'kind' | 'from' | 'to'>;

/** The entries read so far for the applied filters, newest first, and how to read the next (older) page. */
export interface ActivityLog {
  entries: AuditEntry[];
  state: 'loading' | 'ready' | 'more';
  failure: ResolverFailure | null;
  /** Reads the next page; `null` when there is none. */
  more: (() => void) | null;
  retry: () => void;
}

/** The audit log for `filters`, read again from the newest entry whenever the filters change. */
export function useActivity(filters: ActivityFilters): ActivityLog {
  const { invoke } = useAdminEnvironment();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<ActivityLog['state']>('loading');
  const [failure, setFailure] = useState<ResolverFailure | null>(null);

  const load = useCallback(
    async (applied: ActivityFilters, after: string | null) => {
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

  return {
    entries,
    state,
    failure,
    more: cursor && !failure && state !== 'loading' ? () => void load(filters, cursor) : null,
    retry: () => void load(filters, null),
  };
}

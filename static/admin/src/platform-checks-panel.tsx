import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useCallback, useRef, useState } from 'react';
import type { PlatformChecksView } from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/src/resolver-failure';
import { ErrorState, LoadingState } from '../../shared/src/states';
import { useAdminEnvironment } from './admin-context';
import { DataTable } from './table';

type Run =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'error'; failure: ResolverFailure }
  | { status: 'ready'; value: PlatformChecksView };

/**
 * The platform checks of the Health tab: run on demand (they cost Jira points), each result in words with its
 * cost, and whether a failure holds automation in dry run.
 */
export function PlatformChecksPanel() {
  const { m, fmt, invoke, language } = useAdminEnvironment();
  const t = m.platformChecks;
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const generation = useRef(0);
  const start = useCallback(() => {
    const current = ++generation.current;
    setRun({ status: 'running' });
    invoke('runPlatformChecks', {}).then(
      (value) => {
        if (current === generation.current) setRun({ status: 'ready', value });
      },
      (thrown: unknown) => {
        if (current === generation.current)
          setRun({ status: 'error', failure: ResolverFailure.from(thrown) });
      },
    );
  }, [invoke]);
  return (
    <section aria-label={t.title} style={{ marginTop: token('space.400') }}>
      <Heading size="small">{t.title}</Heading>
      <p style={{ color: token('color.text.subtle') }}>{t.intro}</p>
      <Button appearance="primary" onClick={start} isDisabled={run.status === 'running'}>
        {run.status === 'running' ? t.running : t.run}
      </Button>
      <div style={{ marginTop: token('space.200') }}>
        {run.status === 'running' ? <LoadingState label={t.running} /> : null}
        {run.status === 'error' ? <ErrorState failure={run.failure} texts={m.error} onRetry={start} /> : null}
        {run.status === 'ready' ? (
          <>
            <SectionMessage appearance={run.value.automationHeld ? 'warning' : 'success'}>
              {run.value.automationHeld ? t.held : t.notHeld}
            </SectionMessage>
            <DataTable
              caption={t.ranAt(fmt.dateTime(run.value.ranAt))}
              columns={[t.columns.check, t.columns.result, t.columns.cost, t.columns.detail]}
              rows={run.value.results.map((r) => [
                t.names[r.id],
                <Lozenge key="s" appearance={r.passed ? 'success' : 'removed'}>
                  {r.passed ? t.passed : t.failed}
                </Lozenge>,
                <span key="c" style={{ whiteSpace: 'nowrap' }}>
                  {t.cost(r.costPoints)}
                </span>,
                r.detail[language],
              ])}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}

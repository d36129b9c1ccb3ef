import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { viewThroughPageReads } from '../../shared/src/page-reads';
import { EmptyState, PendingState } from '../../shared/src/states';
import { useResource } from '../../shared/src/use-resource';
import { useAdminEnvironment } from './admin-context';
import { OrganizationHealth } from './organization-health';
import { ParkedItemsPanel } from './parked-items-panel';
import { PlatformChecksPanel } from './platform-checks-panel';
import { DataTable } from './table';

/**
 * Per project: does every configured status, transition, field, link type and security level exist? Then what
 * was set aside after failing repeatedly, the organizations without a region or language, the platform checks.
 */
export function HealthTab() {
  const { m, fmt, invoke, readJira, language } = useAdminEnvironment();
  // The resolver checks the names against the site as the page reads it as the admin (decision 0018).
  const [health, reload] = useResource(
    () => viewThroughPageReads((payload) => invoke('getHealth', payload), readJira),
    [invoke, readJira],
  );
  if (health.status !== 'ready') return <PendingState resource={health} texts={m} onRetry={reload} />;
  const view = health.value;
  return (
    <div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: token('space.100'),
        }}
      >
        <span style={{ color: token('color.text.subtle') }}>
          {m.health.checkedAt(fmt.dateTime(view.checkedAt))}
        </span>
        <Button onClick={reload}>{m.health.check}</Button>
      </div>
      {view.projects.length === 0 ? <EmptyState title={m.health.allOk} /> : null}
      {view.projects.map((project) => {
        const problems = project.checks.filter((c) => c.state !== 'ok');
        return (
          <div key={project.projectKey} style={{ marginTop: token('space.200') }}>
            {problems.length === 0 ? (
              <SectionMessage appearance="success" title={`${project.projectName} (${project.projectKey})`}>
                {m.health.allOk}
              </SectionMessage>
            ) : (
              <DataTable
                caption={`${project.projectName} (${project.projectKey})`}
                columns={[
                  m.health.columns.category,
                  m.health.columns.name,
                  m.health.columns.state,
                  m.health.columns.fix,
                ]}
                rows={problems.map((c) => [
                  m.health.category[c.category],
                  c.name,
                  <Lozenge key="s" appearance={c.state === 'missing' ? 'removed' : 'moved'}>
                    {m.health.state[c.state]}
                  </Lozenge>,
                  c.fix ? c.fix[language] : '',
                ])}
              />
            )}
          </div>
        );
      })}
      <ParkedItemsPanel />
      <OrganizationHealth />
      <PlatformChecksPanel />
    </div>
  );
}

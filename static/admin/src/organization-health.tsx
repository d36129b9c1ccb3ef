import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { viewThroughPageReads } from '../../shared/src/page-reads';
import { PendingState } from '../../shared/src/states';
import { useResource } from '../../shared/src/use-resource';
import { useAdminEnvironment } from './admin-context';
import { DataTable } from './table';

/**
 * The site's organizations without a region or language: their tickets use the default region's hours and
 * the default language, so an English-speaking customer may get German reminders.
 */
export function OrganizationHealth() {
  const { m, invoke, readJira } = useAdminEnvironment();
  // The organizations are read by the page as the admin (decision 0022).
  const [health, reload] = useResource(
    () => viewThroughPageReads((payload) => invoke('getOrganizationHealth', payload), readJira),
    [invoke, readJira],
  );
  if (health.status !== 'ready') return <PendingState resource={health} texts={m} onRetry={reload} />;
  const view = health.value;
  const t = m.organizationHealth;
  return (
    <div style={{ marginTop: token('space.300') }}>
      {view.organizations.length === 0 ? (
        <SectionMessage appearance="success" title={t.title}>
          {t.allMapped}
        </SectionMessage>
      ) : (
        <>
          <SectionMessage appearance="warning" title={t.title}>
            {t.explain(view.defaultRegion, m.regions.languages[view.defaultLanguage])}
          </SectionMessage>
          <DataTable
            caption={t.title}
            columns={[t.organization, t.missing]}
            rows={view.organizations.map((o) => [o.name, o.missing.map((gap) => t.gap[gap]).join(', ')])}
          />
        </>
      )}
    </div>
  );
}

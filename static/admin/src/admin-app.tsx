import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { viewThroughPageReads } from '../../shared/src/page-reads';
import { ErrorState, LoadingState } from '../../shared/src/states';
import { useResource } from '../../shared/src/use-resource';
import { useAdminEnvironment } from './admin-context';
import { SettingsTab } from './settings-tab';
import { loadSiteCatalog, SiteCatalogContext } from './site-catalog';

// The settings open first; the other tabs load when the admin opens them.
const HealthTab = lazy(() => import('./health-tab').then((m) => ({ default: m.HealthTab })));
const PreviewTab = lazy(() => import('./preview-tab').then((m) => ({ default: m.PreviewTab })));
const ActivityTab = lazy(() => import('./activity-tab').then((m) => ({ default: m.ActivityTab })));

/**
 * The admin page: settings, health, next-sweep preview and activity. Every admin resolver answers FORBIDDEN to
 * anyone but a Jira administrator; the first call tells, and the page then says so plainly instead of tabs.
 */
export function AdminApp() {
  const { m, invoke, readJira } = useAdminEnvironment();
  const [settings, reload] = useResource(
    () => viewThroughPageReads((payload) => invoke('getSettings', payload), readJira),
    [invoke, readJira],
  );
  // The pickers' lists load beside the settings; until they arrive (or if they fail) the fields are free text.
  const [catalog] = useResource(() => loadSiteCatalog(invoke, readJira), [invoke, readJira]);
  const [tab, setTab] = useState(0);

  let body;
  if (settings.status === 'loading') body = <LoadingState label={m.loading} />;
  else if (settings.status === 'error' && settings.failure.code === 'FORBIDDEN')
    body = (
      <div role="alert">
        <SectionMessage appearance="warning" title={m.forbiddenTitle}>
          {m.forbidden}
        </SectionMessage>
      </div>
    );
  else if (settings.status === 'error')
    body = <ErrorState failure={settings.failure} texts={m.error} onRetry={reload} />;
  else
    body = (
      <Tabs id="process-admin-tabs" selected={tab} onChange={setTab}>
        <TabList>
          <Tab>{m.tabs.settings}</Tab>
          <Tab>{m.tabs.health}</Tab>
          <Tab>{m.tabs.preview}</Tab>
          <Tab>{m.tabs.activity}</Tab>
        </TabList>
        <TabPanel>
          <Panel>
            <SiteCatalogContext.Provider value={catalog.status === 'ready' ? catalog.value : null}>
              <SettingsTab initial={settings.value} onSaved={() => undefined} />
            </SiteCatalogContext.Provider>
          </Panel>
        </TabPanel>
        <TabPanel>
          <Panel>
            <HealthTab />
          </Panel>
        </TabPanel>
        <TabPanel>
          <Panel>
            <PreviewTab />
          </Panel>
        </TabPanel>
        <TabPanel>
          <Panel>
            <ActivityTab projects={settings.value.projects} />
          </Panel>
        </TabPanel>
      </Tabs>
    );

  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', padding: token('space.300') }}>
      <Heading size="large" as="h1">
        {m.title}
      </Heading>
      <div style={{ marginTop: token('space.200') }}>{body}</div>
    </div>
  );
}

function Panel({ children }: { children: ReactNode }) {
  const { m } = useAdminEnvironment();
  return (
    <div style={{ width: '100%', paddingTop: token('space.200') }}>
      <Suspense fallback={<LoadingState label={m.loading} />}>{children}</Suspense>
    </div>
  );
}

import { token } from '@atlaskit/tokens';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLanguage } from '../../shared/src/language';
import { enableTheme, loadHostContext, loadModuleKey } from './api';
import { PortalApp, type PortalModule } from './portal-app';

/** The manifest's portal modules and what this page renders for each. */
const MODULES: Record<string, PortalModule> = {
  'process-portal': 'panel',
  'process-escalate': 'escalate',
  'process-new-estimate': 'renewEstimate',
};

/**
 * Entry of the customer portal modules (`process-portal` panel, `process-escalate` and `process-new-estimate`
 * actions): follow the portal's theme, read locale and time zone, then render the module's view.
 */
async function main(): Promise<void> {
  const [, host, moduleKey] = await Promise.all([
    enableTheme().catch(() => undefined),
    loadHostContext().catch(() => ({ locale: 'en-US', timeZone: undefined, siteUrl: '' })),
    loadModuleKey().catch(() => 'process-portal'),
  ]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  Object.assign(document.body.style, {
    margin: '0',
    padding: `${token('space.100')} ${token('space.150')}`,
    font: token('font.body'),
    color: token('color.text'),
    background: token('elevation.surface'),
  });
  createRoot(root).render(
    <StrictMode>
      <main>
        <PortalApp
          module={MODULES[moduleKey] ?? 'panel'}
          localeLanguage={pickLanguage(host.locale)}
          timeZone={host.timeZone}
        />
      </main>
    </StrictMode>,
  );
}

void main();

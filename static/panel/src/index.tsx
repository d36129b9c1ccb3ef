import { token } from '@atlaskit/tokens';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createFormatters } from '../../shared/src/formatting';
import { pickLanguage } from '../../shared/src/language';
import { enableTheme, loadHostContext } from './api';
import { panelMessages } from './messages';
import { PanelApp } from './panel-app';
import { PanelEnvironmentProvider, type PanelEnvironment } from './panel-context';

/**
 * Entry of the `process-panel` issue context panel: follow Jira's theme, read the locale and time zone from the
 * host context, then render. If the context cannot be read the panel still renders, in English and UTC.
 */
async function main(): Promise<void> {
  const [, host] = await Promise.all([
    enableTheme().catch(() => undefined),
    loadHostContext().catch(() => ({ locale: 'en-US', timeZone: undefined, siteUrl: '' })),
  ]);
  const language = pickLanguage(host.locale);
  document.documentElement.lang = language;
  const environment: PanelEnvironment = {
    language,
    m: panelMessages(language),
    fmt: createFormatters(host.locale, host.timeZone),
    siteUrl: host.siteUrl,
  };
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  Object.assign(document.body.style, {
    margin: '0',
    padding: `${token('space.100')} ${token('space.050')}`,
    font: token('font.body'),
    color: token('color.text'),
    background: token('elevation.surface'),
  });
  createRoot(root).render(
    <StrictMode>
      <PanelEnvironmentProvider value={environment}>
        <main>
          <PanelApp />
        </main>
      </PanelEnvironmentProvider>
    </StrictMode>,
  );
}

void main();

import { token } from '@atlaskit/tokens';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createFormatters } from '../../shared/src/formatting';
import { pickLanguage } from '../../shared/src/language';
import { AdminApp } from './admin-app';
import { AdminEnvironmentProvider, type AdminEnvironment } from './admin-context';
import { displayName, enableTheme, invoke, loadHostContext, openIssue, readJiraAsUser } from './api';
import { adminMessages } from './messages';

/** Entry of the `process-admin` page: follow Jira's theme, read locale and time zone, then render. */
async function main(): Promise<void> {
  const [, host] = await Promise.all([
    enableTheme().catch(() => undefined),
    loadHostContext().catch(() => ({ locale: 'en-US', timeZone: undefined, siteUrl: '' })),
  ]);
  const language = pickLanguage(host.locale);
  document.documentElement.lang = language;
  const environment: AdminEnvironment = {
    language,
    m: adminMessages(language),
    fmt: createFormatters(host.locale, host.timeZone),
    invoke,
    siteUrl: host.siteUrl,
    openIssue,
    readJira: readJiraAsUser,
    displayName,
  };
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // The settings' save bar sticks to the bottom: a field that keyboard focus scrolls into view stops above it
  // instead of underneath (WCAG 2.2, 2.4.11).
  document.documentElement.style.scrollPaddingBottom = '96px';
  Object.assign(document.body.style, {
    margin: '0',
    font: token('font.body'),
    color: token('color.text'),
    background: token('elevation.surface'),
  });
  createRoot(root).render(
    <StrictMode>
      <AdminEnvironmentProvider value={environment}>
        <main>
          <AdminApp />
        </main>
      </AdminEnvironmentProvider>
    </StrictMode>,
  );
}

void main();

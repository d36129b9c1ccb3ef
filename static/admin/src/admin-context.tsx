import { createContext, useContext } from 'react';
import type { Language, PageRead, PageReadAnswer } from '../../../src/contract/resolvers';
import type { Formatters } from '../../shared/src/formatting';
import type { Invoke } from './api';
import type { AdminMessages } from './messages';

/** Language, catalogue, formatters and the resolver caller, resolved once at start. */
export interface AdminEnvironment {
  language: Language;
  m: AdminMessages;
  fmt: Formatters;
  invoke: Invoke;
  /** The Jira site's address, for `/browse/KEY` links. */
  siteUrl: string;
  openIssue: (issueKey: string) => Promise<void>;
  /** One Jira read as the viewing admin (`requestJira`), for the views the resolvers compute from the page's reads. */
  readJira: (read: PageRead) => Promise<PageReadAnswer>;
  /** A person's display name, read as the viewer; `undefined` when Jira does not say. */
  displayName: (accountId: string) => Promise<string | undefined>;
}

const AdminEnvironmentContext = createContext<AdminEnvironment | null>(null);

export const AdminEnvironmentProvider = AdminEnvironmentContext.Provider;

/** The environment; components render only below {@link AdminEnvironmentProvider}. */
export function useAdminEnvironment(): AdminEnvironment {
  const environment = useContext(AdminEnvironmentContext);
  if (!environment) throw new Error('useAdminEnvironment outside AdminEnvironmentProvider');
  return environment;
}

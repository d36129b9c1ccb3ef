import { createContext, useContext } from 'react';
import type { Language } from '../../../src/contract/resolvers';
import type { Formatters } from '../../shared/src/formatting';
import type { PanelMessages } from './messages';

/** Language, catalogue, formatters and site URL, resolved once from the host context. */
export interface PanelEnvironment {
  language: Language;
  m: PanelMessages;
  fmt: Formatters;
  siteUrl: string;
}

const PanelEnvironmentContext = createContext<PanelEnvironment | null>(null);

export const PanelEnvironmentProvider = PanelEnvironmentContext.Provider;

/** The environment; components render only below {@link PanelEnvironmentProvider}. */
export function usePanelEnvironment(): PanelEnvironment {
  const environment = useContext(PanelEnvironmentContext);
  if (!environment) throw new Error('usePanelEnvironment outside PanelEnvironmentProvider');
  return environment;
}

import { createContext, useContext } from 'react';
import type { SiteCatalogView } from '../../../src/contract/resolvers';

/**
 * The names the site knows, for the pickers; `null` while loading or when the site could not be read, and
 * the pickers then fall back to free text so the page stays usable.
 */
export const SiteCatalogContext = createContext<SiteCatalogView | null>(null);

export function useSiteCatalog(): SiteCatalogView | null {
  return useContext(SiteCatalogContext);
}

/** Every IANA zone the browser knows, for the time zone pickers. */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}

import type { Settings } from '../config/settings-schema';
import { ownValue } from '../own-property';

type Regions = Pick<Settings, 'regions'>;

/** One support site of `regions.regions`: time zone, holiday region and security level. */
export type Region = Settings['regions']['regions'][string];

/** The region configured for the ticket's customer, and the organization it was found through. */
export interface CustomerRegion {
  readonly regionId: string;
  readonly region: Region;
  readonly organization?: string;
}

/**
 * The region of the first organization the ticket is shared with that has one configured (`regions.organizations`),
 * `undefined` when none has. The customer is identified by the organization (guide §2.2.1 "Share with").
 *
 * @example
 * customerRegion(['Globex Ltd'], cfg)?.regionId; // 'london' when Globex is mapped to London
 */
export function customerRegion(organizations: readonly string[], cfg: Regions): CustomerRegion | undefined {
  for (const organization of organizations) {
    const regionId = ownValue(cfg.regions.organizations, organization);
    const region = ownValue(cfg.regions.regions, regionId);
    if (regionId !== undefined && region) return { regionId, region, organization };
  }
  return undefined;
}

/**
 * The customer's region for support hours (guide §1.1.1): the configured one, else `regions.defaultRegion`.
 *
 * @example
 * supportRegion([], cfg)?.regionId; // 'saarbruecken' by default
 */
export function supportRegion(organizations: readonly string[], cfg: Regions): CustomerRegion | undefined {
  const found = customerRegion(organizations, cfg);
  if (found) return found;
  const region = ownValue(cfg.regions.regions, cfg.regions.defaultRegion);
  return region ? { regionId: cfg.regions.defaultRegion, region } : undefined;
}

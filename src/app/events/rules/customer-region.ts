import type { ProjectConfig } from '../../../domain/config';
import { ownValue } from '../../../domain/own-property';
import type { Ticket } from '../ticket';

/** The region configured for the ticket's customer, and the organization it was found through. */
export interface CustomerRegion {
  readonly regionId: string;
  readonly region: ProjectConfig['regions']['regions'][string];
  readonly organization?: string;
}

/**
 * The region of the first organization the ticket is shared with that has one configured (`regions.organizations`),
 * `undefined` when none has. The customer is identified by the organization (guide §2.2.1 "Share with").
 */
export function customerRegion(ticket: Ticket, config: ProjectConfig): CustomerRegion | undefined {
  for (const organization of ticket.organizations) {
    const regionId = ownValue(config.regions.organizations, organization.name);
    const region = ownValue(config.regions.regions, regionId);
    if (regionId !== undefined && region) return { regionId, region, organization: organization.name };
  }
  return undefined;
}

/** The customer's region for support hours: the configured one, else `regions.defaultRegion`. */
export function supportRegion(ticket: Ticket, config: ProjectConfig): CustomerRegion | undefined {
  const found = customerRegion(ticket, config);
  if (found) return found;
  const region = ownValue(config.regions.regions, config.regions.defaultRegion);
  return region ? { regionId: config.regions.defaultRegion, region } : undefined;
}

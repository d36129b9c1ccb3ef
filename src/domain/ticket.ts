import type { Kind } from './kinds';
import type { Priority } from './priorities/priority-catalogue';
import type { ProcessState } from './process-state';
import type { StatusKey } from './statuses';

/** One entry of `issuelinks`, seen from the issue that was read. */
export interface IssueLinkRef {
  readonly id: string;
  readonly typeName: string;
  /** `outward`: this issue is the link's source ("this ships other"); `inward`: the destination. */
  readonly direction: 'outward' | 'inward';
  readonly otherId: string;
  readonly otherKey: string;
  readonly otherSummary?: string;
  readonly otherStatusName?: string;
  readonly otherTypeName?: string;
}

/** The current state of one ticket as the rules see it, read in one GET. */
export interface Ticket {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly typeId: string;
  readonly typeName: string;
  readonly kind?: Kind;
  readonly statusId: string;
  readonly statusName: string;
  readonly status?: StatusKey;
  readonly priority?: Priority;
  readonly priorityName?: string;
  readonly created: string;
  /** When Jira last changed the ticket (its `updated`): the view of the ticket the rules decide on. */
  readonly updated?: string;
  readonly reporterId?: string;
  /** The reporter's account type (`customer` for a JSM customer account), when the read of the ticket said it. */
  readonly reporterAccountType?: string;
  readonly assigneeId?: string;
  readonly securityLevel?: { id: string; name: string };
  readonly organizations: readonly { id: string; name: string }[];
  readonly requestTypeName?: string;
  readonly deliveryVersion?: string;
  readonly confidential?: string;
  readonly affectedSystem?: string;
  readonly systemReachable?: string;
  readonly estimatedDeliveryDate?: string;
  readonly links: readonly IssueLinkRef[];
  /** The stored process state; `undefined` when absent or unreadable (rebuilt by the rules). */
  readonly state?: ProcessState;
}

/** The custom fields the event rules read or write, by role. `undefined` when the site has no such field. */
export interface FieldIds {
  readonly deliveryVersion?: string;
  readonly confidential?: string;
  readonly affectedSystem?: string;
  readonly systemReachable?: string;
  readonly estimatedDeliveryDate?: string;
  readonly includedTickets?: string;
  /** JSM "Organizations" (`sd-customer-organizations`). */
  readonly organizations?: string;
  /** JSM "Request Type" (`vp-origin`). */
  readonly requestType?: string;
}

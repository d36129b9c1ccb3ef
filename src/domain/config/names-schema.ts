import { z } from 'zod';
import type { Kind } from '../kinds';
import type { StatusKey } from '../statuses';
import { namesWithDefaults } from './schema-helpers';

/**
 * Default Jira issue type names per kind (PROCESS.md §2).
 * @internal Exported for the tests that check it directly.
 */
export const DEFAULT_KIND_NAMES: Record<Kind, string> = {
  incident: 'Incident',
  request: 'Request',
  softwareDefect: 'Software Defect',
  nonSoftwareDefect: 'Non-Software Defect',
  consultingRequest: 'Consulting Request',
  supportRequest: 'Support Request',
  customisation: 'Customisation',
  suggestion: 'Suggestion',
  delivery: 'Delivery',
};

/**
 * Default Jira status names per logical status (PROCESS.md §3).
 * @internal Exported for the tests that check it directly.
 */
export const DEFAULT_STATUS_NAMES: Record<StatusKey, string> = {
  open: 'Open',
  clarification: 'Clarification required / On hold',
  inProgress: 'In Progress',
  estimationInProgress: 'Estimation in progress',
  estimationAvailable: 'Estimation available',
  ordered: 'Ordered',
  deliveryPending: 'Delivery Pending',
  resolved: 'Resolved',
  closed: 'Closed',
  planned: 'Planned',
  delivered: 'Delivered',
  stageInstallationCompleted: 'Stage installation completed',
  installationCompleted: 'Installation completed',
};

/** Default Jira field names (portal form fields, guide §2.2.1; Delivery fields, guide §3.3). */
const DEFAULT_FIELD_NAMES = {
  deliveryVersion: 'Delivery version',
  confidential: 'Confidential personal data?',
  affectedSystem: 'Affected system',
  systemReachable: 'Can the system be reached?',
  customerReference: 'Your reference',
  estimatedDeliveryDate: 'Estimated delivery date',
  cloudEnvironment: 'Cloud environment',
  includedTickets: 'Included tickets',
} as const;

/** Default option values of the select fields above. */
const DEFAULT_FIELD_VALUES = {
  yes: 'Yes',
  no: 'No',
  production: 'Production',
  nonProduction: 'Non-Production',
} as const;

/**
 * Default Jira priority names per guide priority: the guide's own names (§3.1). A site that kept Jira's
 * Highest..Low maps them in the admin page.
 */
const DEFAULT_PRIORITY_NAMES = { P1: 'P1', P2: 'P2', P3: 'P3', P4: 'P4' } as const;

/** Everything the app needs to recognise by name in Jira. */
export const namesSchema = z
  .strictObject({
    kinds: namesWithDefaults(DEFAULT_KIND_NAMES),
    statuses: namesWithDefaults(DEFAULT_STATUS_NAMES),
    fields: namesWithDefaults(DEFAULT_FIELD_NAMES),
    fieldValues: namesWithDefaults(DEFAULT_FIELD_VALUES),
    priorities: namesWithDefaults(DEFAULT_PRIORITY_NAMES),
    deliveryLinkType: z
      .strictObject({
        name: z.string().trim().min(1).default('Delivery'),
        outward: z.string().trim().min(1).default('ships'),
        inward: z.string().trim().min(1).default('is shipped in'),
      })
      .prefault({}),
    /** Resolution set when the app closes a ticket. */
    resolutionOnClose: z.string().trim().min(1).default('Done'),
    /** Delivery version value meaning "ships with the customer's next delivery" (guide §3.1.1). */
    customValue: z.string().trim().min(1).default('CUSTOM'),
  })
  .prefault({});

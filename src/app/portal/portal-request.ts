import { configForProject, type ProjectConfig } from '../../domain/config';
import { heldConfig } from '../shared/automation-hold';
import { PROCESS_STATE_KEY } from '../../domain/process-state';
import { portalLanguage } from '../../domain/portal/portal-language';
import {
  parseCustomerState,
  CUSTOMER_STATE_KEY,
  type CustomerState,
} from '../../domain/service/customer-state';
import { regionGroupOf, type RegionGroup } from '../../domain/service/escalation';
import { supportRegion } from '../../domain/service/customer-region';
import type { Language } from '../../domain/texts/message-keys';
import { resolveFieldIds } from '../shared/field-ids';
import type { FieldIds, Ticket } from '../../domain/ticket';
import { ticketFields, toTicket } from '../shared/ticket';
import { NotVisibleToUserError } from './not-visible-error';
import type { PortalContext, PortalDeps } from './portal-deps';
import type { VisibleRequest } from './portal-ports';

/** One request as the portal use cases see it, read once per invocation. */
export interface PortalRequest {
  visible: VisibleRequest;
  ticket: Ticket;
  customer: CustomerState;
  cfg: ProjectConfig;
  /** Whether the app manages the request's project and automation is on there. */
  managed: boolean;
  language: Language;
  group: RegionGroup;
  fieldIds: FieldIds;
}

/** The custom fields of the request that the portal reads (the others serve its linked reads). */
const READ = ['deliveryVersion', 'estimatedDeliveryDate', 'confidential', 'organizations'] as const;

/**
 * Checks AS THE USER that JSM shows them the request (the customer-request endpoint), and only then reads it AS
 * THE APP with both of the app's properties: the timer state and the customer's own portal state. Nothing
 * is read for a user JSM refuses.
 *
 * @throws NotVisibleToUserError when JSM does not show the request to the user.
 */
export async function loadPortalRequest(context: PortalContext, deps: PortalDeps): Promise<PortalRequest> {
  const visible = await deps.customer.visibleRequest(context.issueKey);
  if (!visible) throw new NotVisibleToUserError();
  const { config } = await deps.config.load();
  const projectKey = context.issueKey.split('-')[0] ?? '';
  const fieldIds = await resolveFieldIds(
    deps.jira,
    deps.store,
    configForProject(config, projectKey),
    deps.now,
  );
  const read: FieldIds = Object.fromEntries(
    READ.flatMap((role) => (fieldIds[role] ? [[role, fieldIds[role]]] : [])),
  );
  const issue = await deps.jira.getIssue(visible.issueKey, {
    fields: ticketFields(read),
    properties: [PROCESS_STATE_KEY, CUSTOMER_STATE_KEY],
  });
  const ticket = toTicket(issue, read, configForProject(config, projectKey));
  // A failed platform check holds automation (escalations included) in dry run.
  const cfg = await heldConfig(deps.store, configForProject(config, ticket.projectKey || projectKey));
  const organizations = ticket.organizations.map((o) => o.name);
  return {
    visible,
    ticket,
    customer: parseCustomerState(issue.properties?.[CUSTOMER_STATE_KEY]),
    cfg,
    managed: config.projects.includes(ticket.projectKey) && cfg.automation.enabled,
    language: portalLanguage(cfg, organizations, context.locale),
    group: regionGroupOf(cfg, supportRegion(organizations, cfg)?.regionId),
    fieldIds,
  };
}

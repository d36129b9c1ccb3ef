import { configForProject, type ProjectConfig } from '../../domain/config';
import { heldConfig } from '../shared/automation-hold';
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
import { toTicket } from '../shared/ticket';
import { COPIED_PROPERTIES, portalFieldIds, portalFields } from '../shared/portal-copy';
import { InvalidPayloadError } from '../admin/invalid-payload-error';
import { statusOfName } from '../../domain/names';
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

/**
 * Checks that JSM shows the user the request (its customer-request endpoint, as the user), and only then reads
 * the request with both of the app's properties (the timer state and the customer's own portal state) through
 * `deps.issues`; `deps.access` then confirms the user against the request as read, before anything of it is used.
 * The request is always the trusted context's: an answer about another request is refused, and nothing is read
 * for a user JSM refuses. The status is the one JSM shows the user now, when it is one of the configured status
 * names; otherwise the one read.
 *
 * @throws NotVisibleToUserError when JSM does not show the request to the user.
 * @throws InvalidPayloadError when the customer-request answer names another request than the context's.
 */
export async function loadPortalRequest(context: PortalContext, deps: PortalDeps): Promise<PortalRequest> {
  const visible = await deps.customer.visibleRequest(context.issueKey);
  if (!visible) throw new NotVisibleToUserError();
  if (visible.issueKey !== context.issueKey)
    throw new InvalidPayloadError(['answers: the customer request is not the request the portal is open on']);
  const { config } = await deps.config.load();
  const projectKey = context.issueKey.split('-')[0] ?? '';
  const fieldIds = await resolveFieldIds(
    deps.jira,
    deps.store,
    configForProject(config, projectKey),
    deps.now,
  );
  const issue = await deps.issues.getIssue(context.issueKey, {
    fields: portalFields(fieldIds),
    properties: [...COPIED_PROPERTIES],
  });
  if (!(await deps.access.confirm(issue))) throw new NotVisibleToUserError();
  const readCfg = configForProject(config, projectKey);
  const ticket = withShownStatus(toTicket(issue, portalFieldIds(fieldIds), readCfg), visible, readCfg);
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

/**
 * The ticket with the status JSM shows the user now, when its name is one of the site's configured status names
 * (a portal may show customers other names than the workflow's; then the status read stands).
 */
function withShownStatus(ticket: Ticket, visible: VisibleRequest, cfg: ProjectConfig): Ticket {
  const name = visible.statusName;
  if (name === null || name === ticket.statusName) return ticket;
  const status = statusOfName(cfg, name);
  return status === undefined ? ticket : { ...ticket, statusName: name, status };
}

import type { SiteStore } from '../model/store';
import type { SimUser, StatusCategoryKey } from '../model/types';
import { SITE_ADMIN_GROUP } from '../permissions';
import {
  CUSTOMERS,
  FIELD,
  ISSUE_TYPE,
  LINK_TYPE_DELIVERY,
  ORG,
  PROJECT_ID,
  REQUEST_TYPE,
  RESOLUTION,
  SECURITY_LEVEL,
  SERVICE_DESK_ID,
  STATUS,
  USER,
} from './demo-ids';
import { demoWorkflows } from './workflows';

export interface SeedOptions {
  /** Seed for generated data (ticket mix, ages). */
  seed: number;
  /** Generated tickets to add after the configuration (0 = none). */
  tickets?: number;
}

const STATUSES: [keyof typeof STATUS, string, StatusCategoryKey][] = [
  ['open', 'Open', 'new'],
  ['clarification', 'Clarification required / On hold', 'indeterminate'],
  ['inProgress', 'In Progress', 'indeterminate'],
  ['estimationInProgress', 'Estimation in progress', 'indeterminate'],
  ['estimationAvailable', 'Estimation available', 'indeterminate'],
  ['ordered', 'Ordered', 'indeterminate'],
  ['deliveryPending', 'Delivery Pending', 'indeterminate'],
  ['resolved', 'Resolved', 'done'],
  ['closed', 'Closed', 'done'],
  ['planned', 'Planned', 'new'],
  ['delivered', 'Delivered', 'done'],
  ['stageInstalled', 'Stage installation completed', 'indeterminate'],
  ['installed', 'Installation completed', 'done'],
];

const ISSUE_TYPES: [keyof typeof ISSUE_TYPE, string, string][] = [
  ['incident', 'Incident', 'A technical fault reported through the portal.'],
  ['request', 'Request', 'Any other question or request from the portal.'],
  ['softwareDefect', 'Software Defect', 'A fault in the product code.'],
  ['nonSoftwareDefect', 'Non-Software Defect', 'A provider-side problem that is not a code fault.'],
  ['consultingRequest', 'Consulting Request', 'Chargeable consulting.'],
  ['supportRequest', 'Support Request', 'Usage and configuration questions.'],
  ['customisation', 'Customisation', 'A change built for one customer, quoted separately.'],
  ['suggestion', 'Suggestion', 'An idea for product management.'],
  ['delivery', 'Delivery', 'One planned delivery to a customer.'],
];

function user(
  accountId: string,
  displayName: string,
  accountType: SimUser['accountType'],
  locale: string,
  timeZone: string,
  email?: string,
): SimUser {
  return {
    accountId,
    displayName,
    accountType,
    locale,
    timeZone,
    active: true,
    ...(email ? { emailAddress: email } : {}),
  };
}

const yesNo = (base: number) => [
  { id: String(base), value: 'Yes' },
  { id: String(base + 1), value: 'No' },
];

/**
 * Configure the demo site of PROCESS.md: JSM project SD "Support Desk" with its issue types, statuses,
 * workflows (§3, plus some transitions the process forbids), custom fields, Delivery link type, organizations
 * in three regions, one agent per region, a site admin, the app user, security levels and resolutions.
 */
export function seedDemoSite(site: { store: SiteStore }, _options: SeedOptions = { seed: 1 }): void {
  const { store } = site;
  seedCatalog(store);
  seedUsers(store);
  seedOrganizations(store);
  seedSecurity(store);
  seedFields(store);
  seedRequestTypes(store);
  seedProject(store);
}

/** Statuses, issue types, resolutions and priorities. */
function seedCatalog(store: SiteStore): void {
  for (const [key, name, category] of STATUSES)
    store.statuses.set(STATUS[key], { id: STATUS[key], name, category });
  for (const [key, name, description] of ISSUE_TYPES)
    store.issueTypes.set(ISSUE_TYPE[key], { id: ISSUE_TYPE[key], name, description });
  const resolutions: [string, string, string][] = [
    [RESOLUTION.done, 'Done', 'Work has been completed.'],
    [RESOLUTION.wontDo, "Won't Do", 'This will not be worked on.'],
    [RESOLUTION.duplicate, 'Duplicate', 'The problem is a duplicate of an existing issue.'],
  ];
  for (const [id, name, description] of resolutions) store.resolutions.set(id, { id, name, description });
  for (const id of ['1', '2', '3', '4']) store.priorities.set(id, { id, name: `P${id}` });
}

/** The app user, the site admin, one agent per region and three customers per organization. */
function seedUsers(store: SiteStore): void {
  const customers = (org: keyof typeof CUSTOMERS, name: string, locale: string, timeZone: string) =>
    CUSTOMERS[org].map((id, i) =>
      user(id, `${name} Contact ${i + 1}`, 'customer', locale, timeZone, `contact${i + 1}@${org}.example`),
    );
  const users = [
    user(USER.app, 'JSM Process Automation', 'app', 'en_US', 'UTC'),
    user(USER.admin, 'Sarah Admin', 'atlassian', 'en_GB', 'Europe/London', 'sarah.admin@provider.example'),
    user(
      USER.agentDach,
      'Anna Becker',
      'atlassian',
      'de_DE',
      'Europe/Berlin',
      'anna.becker@provider.example',
    ),
    user(
      USER.agentUk,
      'Oliver Smith',
      'atlassian',
      'en_GB',
      'Europe/London',
      'oliver.smith@provider.example',
    ),
    user(USER.agentApac, 'Mei Tan', 'atlassian', 'en_US', 'Asia/Singapore', 'mei.tan@provider.example'),
    ...customers('acme', 'Acme', 'de_DE', 'Europe/Berlin'),
    ...customers('globex', 'Globex', 'en_GB', 'Europe/London'),
    ...customers('initech', 'Initech', 'en_US', 'Asia/Singapore'),
  ];
  for (const u of users) store.users.set(u.accountId, u);
  store.appAccountId = USER.app;
  store.groups.set(SITE_ADMIN_GROUP, {
    name: SITE_ADMIN_GROUP,
    groupId: 'group-jira-admins',
    memberAccountIds: [USER.admin],
  });
}

/** The three customer organizations, each with its customers, on the Support Desk. */
function seedOrganizations(store: SiteStore): void {
  const created = '2025-01-06T09:00:00.000Z';
  const orgs: [keyof typeof ORG, string][] = [
    ['acme', 'Acme GmbH'],
    ['globex', 'Globex Ltd'],
    ['initech', 'Initech Pte'],
  ];
  for (const [key, name] of orgs) {
    store.organizations.set(ORG[key], {
      id: ORG[key],
      name,
      created,
      memberAccountIds: [...CUSTOMERS[key]],
      serviceDeskIds: [SERVICE_DESK_ID],
    });
  }
}

/** The security scheme with one level per support region and the fail-closed "Restricted" (PROCESS.md §7). */
function seedSecurity(store: SiteStore): void {
  store.securitySchemes.set('10000', {
    id: '10000',
    name: 'Support Desk security',
    description: 'Confidential tickets stay with the responsible region (PROCESS.md §7).',
  });
  const level = (id: string, name: string, members: string[], includesReporter: boolean) =>
    store.securityLevels.set(id, {
      id,
      schemeId: '10000',
      name,
      description: name,
      memberAccountIds: [...members, USER.admin],
      includesProjectRoleAgents: false,
      includesReporter,
    });
  level(SECURITY_LEVEL.dach, 'DACH support', [USER.agentDach], true);
  level(SECURITY_LEVEL.international, 'International support', [USER.agentUk, USER.agentApac], true);
  level(SECURITY_LEVEL.apac, 'APAC support', [USER.agentApac], true);
  level(SECURITY_LEVEL.restricted, 'Restricted', [], false);
}

/** The custom fields of the portal forms and the Delivery, and the Delivery link type. */
function seedFields(store: SiteStore): void {
  type FieldDef = Parameters<typeof store.customFields.set>[1];
  const field = (id: string, name: string, kind: FieldDef['kind'], options?: FieldDef['options']) =>
    store.customFields.set(id, { id, name, kind, ...(options ? { options } : {}) });
  field(FIELD.organizations, 'Organizations', 'organizations');
  field(FIELD.requestType, 'Request Type', 'requestType');
  field(FIELD.deliveryVersion, 'Delivery version', 'text');
  field(FIELD.confidential, 'Confidential personal data?', 'select', yesNo(10100));
  field(FIELD.affectedSystem, 'Affected system', 'select', [
    { id: '10102', value: 'Production' },
    { id: '10103', value: 'Non-Production' },
  ]);
  field(FIELD.systemReachable, 'Can the system be reached?', 'select', yesNo(10104));
  field(FIELD.url, 'URL', 'text');
  field(FIELD.yourReference, 'Your reference', 'text');
  field(FIELD.estimatedDeliveryDate, 'Estimated delivery date', 'date');
  field(FIELD.cloudEnvironment, 'Cloud environment', 'text');
  field(FIELD.includedTickets, 'Included tickets', 'adf');
  store.linkTypes.set(LINK_TYPE_DELIVERY, {
    id: LINK_TYPE_DELIVERY,
    name: 'Delivery',
    outward: 'ships',
    inward: 'is shipped in',
  });
  store.linkTypes.set('10001', { id: '10001', name: 'Relates', outward: 'relates to', inward: 'relates to' });
}

/** The portal's two request types (PROCESS.md §1): Incident and Request. */
function seedRequestTypes(store: SiteStore): void {
  store.requestTypes.set(REQUEST_TYPE.incident, {
    id: REQUEST_TYPE.incident,
    name: 'Incident',
    description: 'Report a technical fault.',
    issueTypeId: ISSUE_TYPE.incident,
    serviceDeskId: SERVICE_DESK_ID,
  });
  store.requestTypes.set(REQUEST_TYPE.request, {
    id: REQUEST_TYPE.request,
    name: 'Request',
    description: 'Ask a question or request a change.',
    issueTypeId: ISSUE_TYPE.request,
    serviceDeskId: SERVICE_DESK_ID,
  });
}

/** The Support Desk project with its workflows, agents and SLA goals. */
function seedProject(store: SiteStore): void {
  store.projects.set(PROJECT_ID, {
    id: PROJECT_ID,
    key: 'SD',
    name: 'Support Desk',
    serviceDeskId: SERVICE_DESK_ID,
    leadAccountId: USER.admin,
    issueTypeIds: Object.values(ISSUE_TYPE),
    workflows: demoWorkflows(),
    agentAccountIds: [USER.agentDach, USER.agentUk, USER.agentApac],
    sla: {
      timeToFirstResponseMinutes: 240,
      timeToResolutionMinutes: 2400,
      // Waiting for the customer does not count against support (PROCESS.md §3, (C) statuses).
      timeToResolutionPausedStatusIds: [STATUS.clarification],
    },
    securitySchemeId: '10000',
    nextIssueNumber: 1,
  });
}

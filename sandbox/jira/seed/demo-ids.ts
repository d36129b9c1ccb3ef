/** Ids and account ids of the demo site, for tests, generators and the local UI. */
export const STATUS = {
  open: '10001',
  clarification: '10002',
  inProgress: '10003',
  estimationInProgress: '10004',
  estimationAvailable: '10005',
  ordered: '10006',
  deliveryPending: '10007',
  resolved: '10008',
  closed: '10009',
  planned: '10010',
  delivered: '10011',
  stageInstalled: '10012',
  installed: '10013',
} as const;

export const ISSUE_TYPE = {
  incident: '10100',
  request: '10101',
  softwareDefect: '10102',
  nonSoftwareDefect: '10103',
  consultingRequest: '10104',
  supportRequest: '10105',
  customisation: '10106',
  suggestion: '10107',
  delivery: '10108',
} as const;

export const FIELD = {
  requestType: 'customfield_10010',
  organizations: 'customfield_10002',
  deliveryVersion: 'customfield_10020',
  confidential: 'customfield_10021',
  affectedSystem: 'customfield_10022',
  systemReachable: 'customfield_10023',
  url: 'customfield_10024',
  yourReference: 'customfield_10025',
  estimatedDeliveryDate: 'customfield_10026',
  cloudEnvironment: 'customfield_10027',
  includedTickets: 'customfield_10028',
} as const;

export const USER = {
  app: 'app-jsm-process',
  admin: 'admin-sarah',
  agentDach: 'agent-dach-anna',
  agentUk: 'agent-uk-oliver',
  agentApac: 'agent-apac-mei',
} as const;

export const ORG = { acme: '1', globex: '2', initech: '3' } as const;

export const SECURITY_LEVEL = {
  dach: '10100',
  international: '10101',
  apac: '10102',
  restricted: '10103',
} as const;

export const RESOLUTION = { done: '10000', wontDo: '10001', duplicate: '10002' } as const;

export const REQUEST_TYPE = { incident: '1', request: '2' } as const;

export const PROJECT_ID = '10000';
export const SERVICE_DESK_ID = '1';
export const LINK_TYPE_DELIVERY = '10000';

/** Customers per organization: `customer-<org>-<n>`. */
export const CUSTOMERS: Record<keyof typeof ORG, string[]> = {
  acme: ['customer-acme-1', 'customer-acme-2', 'customer-acme-3'],
  globex: ['customer-globex-1', 'customer-globex-2', 'customer-globex-3'],
  initech: ['customer-initech-1', 'customer-initech-2', 'customer-initech-3'],
};

import type { PortalContext, PortalDeps } from '../../../src/app/portal/portal-deps';
import type { RequestAccess, VisibleRequest } from '../../../src/app/portal/portal-ports';
import { ASKED_AS_USER } from '../../../src/app/portal/portal-access';
import type { IssueBean } from '../../../src/app/ports/jira';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { ConfigRepository } from '../../../src/app/shared/config-repository';
import { PROCESS_STATE_KEY, type ProcessState } from '../../../src/domain/process-state';
import { CUSTOMER_STATE_KEY, type CustomerState } from '../../../src/domain/service/customer-state';
import { MemoryStore } from '../../support/memory-store';

export const NOW = new Date('2026-11-30T09:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

export const CUSTOMER = 'customer-1';
export const KEY = 'SUP-7';
export const ORGANIZATIONS_FIELD = 'customfield_10014';
export const VERSION_FIELD = 'customfield_10010';
export const ESTIMATE_FIELD = 'customfield_10011';
export const CONFIDENTIAL_FIELD = 'customfield_10013';
/** A field a project may name as its delivery version instead. */
export const PLANNED_VERSION_FIELD = 'customfield_10016';

/** The site's fields as `GET /field` lists them: the portal's custom fields and JSM's organizations field. */
const FIELDS = [
  { id: 'summary', name: 'Summary' },
  { id: VERSION_FIELD, name: 'Delivery version' },
  { id: ESTIMATE_FIELD, name: 'Estimated delivery date' },
  { id: 'customfield_10012', name: 'Included tickets' },
  { id: CONFIDENTIAL_FIELD, name: 'Confidential personal data?' },
  { id: PLANNED_VERSION_FIELD, name: 'Planned version' },
  {
    id: ORGANIZATIONS_FIELD,
    name: 'Organizations',
    schema: { type: 'array', custom: 'com.atlassian.servicedesk:sd-customer-organizations' },
  },
];

/** A `{ id, name }` bean as Jira returns it for a status, an issue type or a priority. */
const named = (name: string) => ({ id: `${name.length}`, name });

/** What a test says about one issue; the rest is a plain open Support Request of ACME in SUP. */
export interface IssueSpec {
  key?: string;
  type?: string;
  status?: string;
  priority?: string | null;
  summary?: string;
  reporter?: string;
  organizations?: { id: string; name: string }[];
  links?: { type: string; outwardKey?: string; inwardKey?: string }[];
  fields?: Record<string, unknown>;
  state?: ProcessState;
  customer?: CustomerState;
  /** Further issue properties. */
  properties?: Record<string, unknown>;
}

export const ACME = { id: '1', name: 'ACME GmbH' };
export const GLOBEX = { id: '2', name: 'Globex Ltd' };

/** An issue bean with the portal's fields, as Jira as the app returns it. */
export function issueBean(spec: IssueSpec = {}): IssueBean {
  const key = spec.key ?? KEY;
  const properties: Record<string, unknown> = { ...spec.properties };
  if (spec.state) properties[PROCESS_STATE_KEY] = spec.state;
  if (spec.customer) properties[CUSTOMER_STATE_KEY] = spec.customer;
  return {
    id: key.replace(/\D/g, '') + '000',
    key,
    fields: {
      summary: spec.summary ?? `Summary of ${key}`,
      issuetype: named(spec.type ?? 'Support Request'),
      status: named(spec.status ?? 'Open'),
      project: { key: key.split('-')[0] },
      priority: spec.priority ? named(spec.priority) : null,
      created: '2026-11-20T09:00:00.000+0000',
      reporter: { accountId: spec.reporter ?? CUSTOMER },
      security: null,
      issuelinks: (spec.links ?? []).map((l, i) => ({
        id: String(i + 1),
        type: { name: l.type, inward: `${l.type} inward`, outward: `${l.type} outward` },
        ...(l.outwardKey ? { outwardIssue: { id: l.outwardKey.replace(/\D/g, ''), key: l.outwardKey } } : {}),
        ...(l.inwardKey ? { inwardIssue: { id: l.inwardKey.replace(/\D/g, ''), key: l.inwardKey } } : {}),
      })),
      [ORGANIZATIONS_FIELD]: spec.organizations ?? [ACME],
      ...spec.fields,
    },
    properties,
  };
}

/** JSM's customer-request answer for a request it shows the user (by default without a status name). */
export function shown(issueKey: string, statusName: string | null = null): VisibleRequest {
  return {
    issueId: issueKey.replace(/\D/g, ''),
    issueKey,
    webUrl: `https://example.atlassian.net/servicedesk/customer/portal/1/${issueKey}`,
    statusName,
  };
}

export interface PortalSiteOptions {
  issues?: IssueBean[];
  /** What JSM's customer-request endpoint answers the user per key (absent: not shown). */
  visible?: Record<string, VisibleRequest | undefined>;
  /** The saved configuration (by default SUP managed, everything else the defaults). */
  config?: unknown;
  access?: RequestAccess;
  names?: Record<string, string>;
  context?: Partial<PortalContext>;
  now?: Date;
}

/**
 * Jira and JSM reduced to what the portal use cases read and write, in memory: issues by key (a missing one
 * answers 404), properties kept on the issues, every read and write recorded in order.
 */
export async function portalSite(options: PortalSiteOptions = {}) {
  const now = options.now ?? NOW;
  const store = new MemoryStore();
  const saved = await new ConfigRepository(store).save(options.config ?? { projects: ['SUP'] }, 0, now);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const issues = new Map((options.issues ?? [issueBean()]).map((bean) => [bean.key, structuredClone(bean)]));
  const visible = options.visible ?? { [KEY]: shown(KEY) };
  const calls: string[] = [];
  const edits: { key: string; comment?: { body: unknown; internal: boolean; occurrence: string } }[] = [];
  const created: { fields: Record<string, unknown>; extras: unknown; key: string }[] = [];
  const issueOf = (key: string, operation: string) => {
    const bean = issues.get(key);
    if (!bean) throw new JiraHttpError(operation, 404, '{"errorMessages":["Issue does not exist"]}');
    return bean;
  };
  const setProperty = (key: string, propertyKey: string, value: unknown) => {
    const bean = issueOf(key, 'setIssueProperty');
    bean.properties = { ...bean.properties, [propertyKey]: structuredClone(value) };
  };
  const jira: PortalDeps['jira'] = {
    async getFields() {
      calls.push('fields');
      return structuredClone(FIELDS);
    },
    async getIssue(key, read) {
      calls.push(`issue ${key}`);
      const bean = structuredClone(issueOf(key, 'getIssue'));
      // Jira answers only the fields and properties asked for.
      const fields = new Set(read.fields);
      const properties = new Set(read.properties ?? []);
      return {
        ...bean,
        fields: Object.fromEntries(Object.entries(bean.fields ?? {}).filter(([k]) => fields.has(k))),
        properties: Object.fromEntries(
          Object.entries(bean.properties ?? {}).filter(([k]) => properties.has(k)),
        ),
      };
    },
    async editIssue(key, edit) {
      calls.push(`edit ${key}`);
      issueOf(key, 'editIssue');
      edits.push({ key, ...(edit.comment ? { comment: structuredClone(edit.comment) } : {}) });
      for (const p of edit.properties ?? []) setProperty(key, p.key, p.value);
    },
    async getIssueProperty(key, propertyKey) {
      calls.push(`getProperty ${key} ${propertyKey}`);
      return structuredClone(issueOf(key, 'getIssueProperty').properties?.[propertyKey]);
    },
    async setIssueProperty(key, propertyKey, value) {
      calls.push(`setProperty ${key} ${propertyKey}`);
      setProperty(key, propertyKey, value);
    },
    async createIssue(fields, extras) {
      const key = `SUP-${100 + created.length}`;
      calls.push(`create ${key}`);
      created.push({ fields: structuredClone(fields), extras: structuredClone(extras), key });
      issues.set(key, issueBean({ key }));
      for (const p of extras?.properties ?? []) setProperty(key, p.key, p.value);
      return key;
    },
  };
  const asked: string[] = [];
  const audit = new AuditLog(store);
  const deps: PortalDeps = {
    customer: {
      async visibleRequest(issueKey) {
        asked.push(issueKey);
        return visible[issueKey];
      },
    },
    access: options.access ?? ASKED_AS_USER,
    issues: jira,
    jira,
    meta: {
      async getUserDisplayName(accountId) {
        return options.names?.[accountId];
      },
    },
    bodies: {
      text: (plain) => ({ plain }),
      withMentions: (plain, accountIds) => ({ plain, mentions: [...accountIds] }),
    },
    store,
    config: new ConfigRepository(store),
    audit,
    ledger: new ActionLedger(store),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now,
  };
  const context: PortalContext = {
    issueKey: KEY,
    accountId: CUSTOMER,
    locale: 'en-US',
    timeZone: undefined,
    ...options.context,
  };
  const property = (key: string, propertyKey = CUSTOMER_STATE_KEY) =>
    issues.get(key)?.properties?.[propertyKey];
  return { deps, context, store, issues, calls, edits, created, asked, audit, property };
}

import { seededRandom } from '../faults';
import type { SiteStore } from '../model/store';
import { newIssue } from '../model/new-issue';
import type { SimChangeItem, SimIssue } from '../model/types';
import { textToAdf } from '../render/format';
import { addConversation } from './generate-conversations';
import { planDeliveries } from './generate-deliveries';
import {
  CUSTOMERS,
  FIELD,
  ISSUE_TYPE,
  ORG,
  PROJECT_ID,
  REQUEST_TYPE,
  RESOLUTION,
  SECURITY_LEVEL,
  STATUS,
  USER,
} from './demo-ids';

const S = STATUS;
const DAY = 86_400_000;

/** Main path per type (PROCESS.md §3); a ticket's status is a prefix of it, or a detour into Clarification. */
const PATHS: Record<string, { weight: number; path: string[]; clarification: boolean }> = {
  [ISSUE_TYPE.incident]: {
    weight: 6,
    path: [S.open, S.inProgress, S.resolved, S.closed],
    clarification: true,
  },
  [ISSUE_TYPE.request]: {
    weight: 6,
    path: [S.open, S.inProgress, S.resolved, S.closed],
    clarification: true,
  },
  [ISSUE_TYPE.softwareDefect]: {
    weight: 20,
    path: [S.open, S.inProgress, S.deliveryPending, S.resolved, S.closed],
    clarification: true,
  },
  [ISSUE_TYPE.nonSoftwareDefect]: {
    weight: 12,
    path: [S.open, S.inProgress, S.resolved, S.closed],
    clarification: true,
  },
  [ISSUE_TYPE.consultingRequest]: {
    weight: 8,
    path: [S.open, S.inProgress, S.deliveryPending, S.resolved, S.closed],
    clarification: true,
  },
  [ISSUE_TYPE.supportRequest]: { weight: 20, path: [S.open, S.resolved, S.closed], clarification: true },
  [ISSUE_TYPE.customisation]: {
    weight: 8,
    path: [
      S.open,
      S.estimationInProgress,
      S.estimationAvailable,
      S.ordered,
      S.inProgress,
      S.deliveryPending,
      S.closed,
    ],
    clarification: true,
  },
  [ISSUE_TYPE.suggestion]: { weight: 6, path: [S.open, S.resolved, S.closed], clarification: false },
  [ISSUE_TYPE.delivery]: {
    weight: 8,
    path: [S.planned, S.stageInstalled, S.installed],
    clarification: false,
  },
};

const REGIONS = [
  { org: ORG.acme, customers: CUSTOMERS.acme, agent: USER.agentDach, level: SECURITY_LEVEL.dach },
  { org: ORG.globex, customers: CUSTOMERS.globex, agent: USER.agentUk, level: SECURITY_LEVEL.international },
  { org: ORG.initech, customers: CUSTOMERS.initech, agent: USER.agentApac, level: SECURITY_LEVEL.apac },
];

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Latest moment any generated change happens (usually the site clock's now). */
  now: Date;
}

/**
 * Bulk-insert `count` tickets of every kind, status and age into project SD (no events, no validation), each with
 * a changelog along its workflow so the status-entry date is recoverable. Mix: ~10 % in Clarification, ~15 %
 * Resolved, ~3 % Estimation available, Delivery Pending with patch versions or CUSTOM, Deliveries planned and
 * installed. Some tickets carry request participants and customer/agent comments (public and internal), and
 * Planned Deliveries "ship" the Delivery Pending tickets of their organization and version (CUSTOM ones go with
 * the organization's next delivery). Deterministic by `seed`; tens of thousands per second.
 *
 * @returns the keys created, in order.
 */
export function generateTickets(site: { store: SiteStore }, options: GenerateOptions): string[] {
  const { store } = site;
  const project = store.projects.get(PROJECT_ID);
  if (!project) throw new Error('generateTickets needs the demo site (seedDemoSite) first');
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const types = Object.entries(PATHS);
  const totalWeight = types.reduce((sum, [, t]) => sum + t.weight, 0);
  const nowMs = options.now.getTime();
  const keys: string[] = [];
  // Conversations and delivery links draw from their own stream: the tickets stay exactly as the seed made them.
  const extra = seededRandom(options.seed ^ 0x5eed);
  // Channels draw from a third stream for the same reason.
  const channels = seededRandom(options.seed ^ 0xc4a7);
  const created: SimIssue[] = [];

  for (let n = 0; n < options.count; n++) {
    let roll = random() * totalWeight;
    const chosen = types.find(([, t]) => (roll -= t.weight) < 0) ?? types[0];
    if (!chosen) break;
    const [typeId, spec] = chosen;
    const region = pick(REGIONS);
    const statuses = chooseStatuses(spec.path, spec.clarification, typeId, random);
    const ageDays = 1 + random() * 364;
    const createdMs = nowMs - ageDays * DAY;
    const reporter = typeId === ISSUE_TYPE.delivery ? region.agent : pick(region.customers);
    const id = store.nextId('issue');
    const issue = newIssue({
      id,
      key: `${project.key}-${project.nextIssueNumber++}`,
      projectId: project.id,
      issueTypeId: typeId,
      statusId: statuses[0] ?? S.open,
      summary: `${store.issueTypes.get(typeId)?.name ?? 'Ticket'} #${n + 1} for ${store.organizations.get(region.org)?.name ?? ''}`,
      reporterAccountId: reporter,
      created: new Date(createdMs).toISOString(),
    });
    issue.description = textToAdf(`Generated ticket ${n + 1}.`);
    issue.channel = channelOf(typeId, channels());
    issue.organizationIds = [region.org];
    issue.requestTypeId =
      typeId === ISSUE_TYPE.delivery
        ? null
        : [ISSUE_TYPE.incident, ISSUE_TYPE.softwareDefect, ISSUE_TYPE.nonSoftwareDefect].includes(
              typeId as never,
            )
          ? REQUEST_TYPE.incident
          : REQUEST_TYPE.request;
    if ([ISSUE_TYPE.softwareDefect, ISSUE_TYPE.nonSoftwareDefect].includes(typeId as never))
      issue.priorityId = pick(['1', '2', '3', '3', '4', '4']);
    if (random() < 0.1 && typeId !== ISSUE_TYPE.delivery) {
      issue.custom[FIELD.confidential] = {
        self: `${FIELD.confidential}/option/10100`,
        id: '10100',
        value: 'Yes',
      };
      issue.securityLevelId = region.level;
    }
    walk(store, issue, statuses, createdMs, nowMs, region.agent, random);
    fillDeliveryFields(issue, typeId, random, nowMs);
    addConversation(
      store,
      issue,
      { orgMembers: region.customers, agent: region.agent },
      extra,
      nowMs,
      typeId === ISSUE_TYPE.delivery,
    );
    store.insertIssue(issue);
    created.push(issue);
    keys.push(issue.key);
  }
  planDeliveries(store, created, extra, nowMs);
  return keys;
}

/**
 * Delivery tickets are created by support in Jira (PROCESS.md §2); about one customer ticket in five arrives by
 * e-mail (§1), the rest through the portal.
 */
function channelOf(typeId: string, roll: number): SimIssue['channel'] {
  if (typeId === ISSUE_TYPE.delivery) return 'jira';
  return roll < EMAIL_SHARE ? 'email' : 'portal';
}

const EMAIL_SHARE = 0.2;

function chooseStatuses(
  path: string[],
  clarification: boolean,
  typeId: string,
  random: () => number,
): string[] {
  const roll = random();
  if (clarification && roll < 0.1) {
    const working = path.filter((s) => s !== S.resolved && s !== S.closed);
    return [...path.slice(0, 1 + Math.floor(random() * working.length)), S.clarification];
  }
  if (roll < 0.25 && path.includes(S.resolved)) return path.slice(0, path.indexOf(S.resolved) + 1);
  if (roll < 0.28 && typeId === ISSUE_TYPE.customisation)
    return path.slice(0, path.indexOf(S.estimationAvailable) + 1);
  if (typeId === ISSUE_TYPE.delivery && roll < 0.45) return [S.planned, S.delivered];
  return path.slice(0, 1 + Math.floor(random() * path.length));
}

/** Apply the status path as changelog histories spread between creation and now. */
function walk(
  store: SiteStore,
  issue: SimIssue,
  statuses: string[],
  createdMs: number,
  nowMs: number,
  agent: string,
  random: () => number,
): void {
  let at = createdMs;
  for (let i = 1; i < statuses.length; i++) {
    const from = statuses[i - 1] ?? S.open;
    const to = statuses[i] ?? S.open;
    at += (nowMs - at) * (0.1 + random() * 0.5);
    const iso = new Date(at).toISOString();
    const items: SimChangeItem[] = [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from,
        fromString: store.statuses.get(from)?.name ?? null,
        to,
        toString: store.statuses.get(to)?.name ?? null,
      },
    ];
    const done = store.statuses.get(to)?.category === 'done';
    if (done && issue.resolutionId === null) {
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: RESOLUTION.done,
        toString: 'Done',
      });
      issue.resolutionId = RESOLUTION.done;
      issue.resolutionDate = iso;
    }
    if (store.statuses.get(from)?.category !== store.statuses.get(to)?.category)
      issue.statusCategoryChangedDate = iso;
    issue.histories.push({
      id: store.nextId('history'),
      authorAccountId: to === S.closed && random() < 0.3 ? issue.reporterAccountId : agent,
      created: iso,
      items,
    });
    issue.statusId = to;
    issue.updated = iso;
  }
  if (statuses.length > 1 && issue.assigneeAccountId === null) issue.assigneeAccountId = agent;
}

function fillDeliveryFields(issue: SimIssue, typeId: string, random: () => number, nowMs: number): void {
  const version = `14.${20 + Math.floor(random() * 4)}.${Math.floor(random() * 5)}.${Math.floor(random() * 3)}`;
  const carriesVersion = [S.deliveryPending, S.resolved, S.closed].includes(issue.statusId as never);
  if (
    carriesVersion &&
    [ISSUE_TYPE.softwareDefect, ISSUE_TYPE.consultingRequest, ISSUE_TYPE.customisation].includes(
      typeId as never,
    )
  ) {
    issue.custom[FIELD.deliveryVersion] =
      typeId === ISSUE_TYPE.customisation || random() < 0.3 ? 'CUSTOM' : version;
  }
  if (typeId === ISSUE_TYPE.delivery) {
    issue.custom[FIELD.deliveryVersion] = version;
    issue.custom[FIELD.estimatedDeliveryDate] = new Date(nowMs + (random() * 60 - 10) * DAY)
      .toISOString()
      .slice(0, 10);
    issue.custom[FIELD.cloudEnvironment] = random() < 0.5 ? 'Dedicated Cloud' : 'Customer-hosted';
  }
}

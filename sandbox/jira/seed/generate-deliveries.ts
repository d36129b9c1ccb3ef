import type { SiteStore } from '../model/store';
import type { SimChangeItem, SimIssue } from '../model/types';
import { FIELD, ISSUE_TYPE, LINK_TYPE_DELIVERY, STATUS } from './demo-ids';

const DAY = 86_400_000;

function lastChangeMs(issue: SimIssue): number {
  const last = issue.histories.at(-1);
  return Date.parse(last ? last.created : issue.created);
}

/** "Link" history items on both ends, as Jira records a new link (`to` = the other issue's key). */
function recordLink(store: SiteStore, delivery: SimIssue, ticket: SimIssue, at: string): void {
  for (const [self, other, phrase] of [
    [delivery, ticket, 'ships'],
    [ticket, delivery, 'is shipped in'],
  ] as const) {
    const item: SimChangeItem = {
      field: 'Link',
      fieldtype: 'jira',
      fieldId: 'issuelinks',
      from: null,
      fromString: null,
      to: other.key,
      toString: `This issue ${phrase} ${other.key}`,
    };
    self.histories.push({
      id: store.nextId('history'),
      authorAccountId: delivery.reporterAccountId,
      created: at,
      items: [item],
    });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Plan deliveries for the generated Delivery Pending tickets (PROCESS.md §6): a ticket belongs in a Delivery of its
 * organization with the same Delivery version, or — with CUSTOM — in the organization's next Planned delivery
 * (earliest estimated delivery date). Planned Delivery tickets take over the version of a pending group of their
 * organization, get an estimated delivery date 1–45 days ahead, and "ships" links to most of the group's tickets
 * (about one in ten stays unlinked, as when support forgets one). Uses its own random stream.
 */
export function planDeliveries(
  store: SiteStore,
  issues: SimIssue[],
  random: () => number,
  nowMs: number,
): void {
  const versioned = new Map<string, Map<string, SimIssue[]>>();
  const custom = new Map<string, SimIssue[]>();
  const planned = new Map<string, SimIssue[]>();
  for (const issue of issues) {
    const org = issue.organizationIds[0];
    if (org === undefined) continue;
    if (issue.issueTypeId === ISSUE_TYPE.delivery) {
      if (issue.statusId === STATUS.planned) push(planned, org, issue);
      continue;
    }
    const version = issue.custom[FIELD.deliveryVersion];
    if (issue.statusId !== STATUS.deliveryPending || typeof version !== 'string') continue;
    if (version === 'CUSTOM') push(custom, org, issue);
    else {
      const byVersion = versioned.get(org) ?? new Map<string, SimIssue[]>();
      push(byVersion, version, issue);
      versioned.set(org, byVersion);
    }
  }
  for (const [org, deliveries] of planned) {
    const groups = [...(versioned.get(org)?.entries() ?? [])];
    deliveries.forEach((delivery, n) => {
      delivery.custom[FIELD.estimatedDeliveryDate] = new Date(nowMs + (1 + random() * 44) * DAY)
        .toISOString()
        .slice(0, 10);
      const group = groups[n];
      if (group) delivery.custom[FIELD.deliveryVersion] = group[0];
    });
    const dateOf = (i: SimIssue) => String(i.custom[FIELD.estimatedDeliveryDate]);
    const next = [...deliveries].sort((a, b) => dateOf(a).localeCompare(dateOf(b)))[0];
    deliveries.forEach((delivery, n) => {
      const group = [...(groups[n]?.[1] ?? []), ...(delivery === next ? (custom.get(org) ?? []) : [])];
      const members = group.filter(() => random() >= 0.1);
      // Links come after every status change of both ends, in order, so each changelog stays chronological.
      const from = Math.max(lastChangeMs(delivery), ...members.map(lastChangeMs));
      const times = members.map(() => from + random() * Math.max(0, nowMs - from)).sort((a, b) => a - b);
      members.forEach((ticket, m) => {
        store.insertLink({
          id: store.nextId('link'),
          typeId: LINK_TYPE_DELIVERY,
          sourceIssueId: delivery.id,
          destinationIssueId: ticket.id,
        });
        recordLink(store, delivery, ticket, new Date(times[m] ?? from).toISOString());
      });
    });
  }
}

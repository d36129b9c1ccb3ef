import type { SiteStore } from '../model/store';
import type { SimComment, SimIssue } from '../model/types';
import { textToAdf } from '../render/format';

const CUSTOMER_LINES = [
  'Any news on this? Our users are still affected.',
  'Here are the log files you asked for.',
  'We can reproduce it every morning around 9:00.',
  'Thanks, we will test this in our staging system.',
  'Adding my colleague, who can answer questions while I am away.',
];
const AGENT_PUBLIC_LINES = [
  'Thank you for your request, we are looking into it.',
  'Could you please send us the exact error message and the time it happened?',
  'We have forwarded this to development and will keep you posted.',
  'The fix is part of the next delivery for your system.',
];
const AGENT_INTERNAL_LINES = [
  'Reproduced on the reference system; handing over to development.',
  'Customer has extended support budget, consulting approved.',
  'Checked with the account manager, see the offer in the CRM.',
];

/** Who may speak on a ticket: its reporter, participants, members of its organization, and the regional agent. */
export interface Conversation {
  /** Customers of the ticket's organization (PROCESS.md §4: reporter, participants and org members are customers). */
  orgMembers: readonly string[];
  agent: string;
}

/**
 * Give a generated ticket request participants and a plausible conversation: public customer comments by the
 * reporter, a participant or another member of the shared organization, and agent comments, public or internal
 * (`jsdPublic: false`). Comments fall between creation and the ticket's last status change, so they never restart
 * a status timer (a customer comment in Clarification would, PROCESS.md §4) and `updated` stays as it was,
 * except for tickets that never changed status, whose `updated` moves to the last comment. Delivery tickets only
 * get internal agent notes. Uses its own random stream so the tickets themselves stay as the seed made them.
 */
export function addConversation(
  store: SiteStore,
  issue: SimIssue,
  people: Conversation,
  random: () => number,
  nowMs: number,
  isDelivery: boolean,
): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const others = people.orgMembers.filter((a) => a !== issue.reporterAccountId);
  if (!isDelivery && others.length > 0 && random() < 0.2) issue.participantAccountIds.push(pick(others));
  if (random() < 0.45) return;
  const createdMs = Date.parse(issue.created);
  const lastChange = issue.histories.at(-1);
  const untilMs = lastChange ? Date.parse(lastChange.created) : createdMs + (nowMs - createdMs) * 0.3;
  const count = 1 + Math.floor(random() * 4);
  const times = Array.from({ length: count }, () => createdMs + random() * (untilMs - createdMs)).sort(
    (a, b) => a - b,
  );
  for (const at of times) {
    const iso = new Date(at).toISOString();
    const fromCustomer = !isDelivery && random() < 0.5;
    const comment: SimComment = fromCustomer
      ? {
          id: store.nextId('comment'),
          authorAccountId: pick([
            issue.reporterAccountId,
            ...issue.participantAccountIds,
            ...(others.length > 0 ? [pick(others)] : []),
          ]),
          body: textToAdf(pick(CUSTOMER_LINES)),
          created: iso,
          updated: iso,
          jsdPublic: true,
        }
      : agentComment(store, people.agent, iso, !isDelivery && random() < 0.6, pick);
    issue.comments.push(comment);
  }
  const last = times.at(-1);
  if (!lastChange && last !== undefined && last > Date.parse(issue.updated))
    issue.updated = new Date(last).toISOString();
}

function agentComment(
  store: SiteStore,
  agent: string,
  iso: string,
  isPublic: boolean,
  pick: <T>(items: readonly T[]) => T,
): SimComment {
  return {
    id: store.nextId('comment'),
    authorAccountId: agent,
    body: textToAdf(pick(isPublic ? AGENT_PUBLIC_LINES : AGENT_INTERNAL_LINES)),
    created: iso,
    updated: iso,
    jsdPublic: isPublic,
  };
}

/**
 * Performs the people's side of the reference day on the local site: each act picks its ticket with the
 * workload's seeded random stream from the site as it is now, and acts through the site's REST code paths (so Jira
 * emits exactly the product events it would). Nothing here is charged to the app: only the app's own calls are.
 */
import type { SeededRandom } from '../../sandbox/forge/random';
import { ActAsError, type ActAs } from '../../sandbox/jira/act-as';
import { canBrowse } from '../../sandbox/jira/permissions';
import { CUSTOMERS, FIELD, ISSUE_TYPE, ORG, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import type { SimIssue } from '../../sandbox/jira/model/types';
import type { SimJiraSite } from '../../sandbox/jira/site';
import { configForProject } from '../../src/domain/config';
import { defaultConfig } from '../../src/domain/config/app-config-schema';
import type { Kind } from '../../src/domain/kinds';
import { kindOfTypeName, statusOfName } from '../../src/domain/names';
import type { StatusKey } from '../../src/domain/statuses';
import { allowedTargets } from '../../src/domain/workflows';
import { RECLASSIFICATIONS } from '../../src/domain/workflows/reclassification';
import { DAY_MS, type ActKind } from './reference-day';

const CONFIG = configForProject(defaultConfig, 'SD');
const AGENT_OF_ORG: Record<string, string> = {
  [ORG.acme]: USER.agentDach,
  [ORG.globex]: USER.agentUk,
  [ORG.initech]: USER.agentApac,
};
const CUSTOMERS_OF_ORG: Record<string, readonly string[]> = {
  [ORG.acme]: CUSTOMERS.acme,
  [ORG.globex]: CUSTOMERS.globex,
  [ORG.initech]: CUSTOMERS.initech,
};
const ORGS = [ORG.acme, ORG.globex, ORG.initech];
const SEVERE_FIELDS = {
  [FIELD.affectedSystem]: { value: 'Production' },
  [FIELD.systemReachable]: { value: 'No' },
};
/** Tries per act to find a ticket the act applies to. */
const TRIES = 8;

interface Ticket {
  readonly issue: SimIssue;
  readonly kind: Kind | undefined;
  readonly status: StatusKey | undefined;
}

export class DayActor {
  constructor(
    private readonly site: SimJiraSite,
    private readonly random: SeededRandom,
  ) {}

  private pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random.next() * items.length)];
  }

  private ticket(issue: SimIssue): Ticket {
    const typeName = this.site.store.issueTypes.get(issue.issueTypeId)?.name;
    const statusName = this.site.store.statuses.get(issue.statusId)?.name;
    return { issue, kind: kindOfTypeName(CONFIG, typeName), status: statusOfName(CONFIG, statusName) };
  }

  /** Tickets people work on: not closed, not Delivery tickets. */
  private working(filter: (t: Ticket) => boolean = () => true): Ticket[] {
    const out: Ticket[] = [];
    for (const issue of this.site.store.issues()) {
      if (issue.statusId === STATUS.closed) continue;
      const t = this.ticket(issue);
      if (t.kind === undefined || t.kind === 'delivery') continue;
      if (filter(t)) out.push(t);
    }
    return out;
  }

  private agentFor(issue: SimIssue): ActAs {
    return this.site.actAs(AGENT_OF_ORG[issue.organizationIds[0] ?? ORG.acme] ?? USER.agentDach);
  }

  private customerOf(issue: SimIssue): ActAs | undefined {
    const org = issue.organizationIds[0];
    const reporter = issue.reporterAccountId;
    if (org && CUSTOMERS_OF_ORG[org]?.includes(reporter)) return this.site.actAs(reporter);
    return undefined;
  }

  private newCustomer(): { org: string; actor: ActAs } {
    const org = this.pick(ORGS) ?? ORG.acme;
    const account = this.pick(CUSTOMERS_OF_ORG[org] ?? CUSTOMERS.acme) ?? 'customer-acme-1';
    return { org, actor: this.site.actAs(account) };
  }

  /** Runs `act` on tickets drawn from `candidates` until one works; whether one did. */
  private async tryOn(candidates: readonly Ticket[], act: (t: Ticket) => Promise<boolean>): Promise<boolean> {
    for (let n = 0; n < TRIES; n++) {
      const t = this.pick(candidates);
      if (!t) return false;
      try {
        if (await act(t)) return true;
      } catch (error) {
        if (!(error instanceof ActAsError)) throw error;
      }
    }
    return false;
  }

  /** The workflow transitions Jira offers the agent now, split into those the process allows and the others. */
  private async offered(t: Ticket): Promise<{ allowed: string[]; forbidden: string[] }> {
    const agent = this.agentFor(t.issue);
    const res = (await agent.request('GET', `/rest/api/3/issue/${t.issue.key}/transitions`)) as {
      transitions: { id: string; to: { name: string } }[];
    };
    const allowed = new Set(t.kind && t.status ? allowedTargets(t.kind, t.status) : []);
    const split = { allowed: [] as string[], forbidden: [] as string[] };
    for (const tr of res.transitions) {
      const to = statusOfName(CONFIG, tr.to.name);
      // Delivery Pending needs a Delivery version and belongs to the week's Delivery; Closed is the app's.
      if (to === undefined || to === t.status || to === 'deliveryPending' || to === 'closed') continue;
      (allowed.has(to) ? split.allowed : split.forbidden).push(tr.id);
    }
    return split;
  }

  /** A new ticket from a new customer: on the portal (plain, confidential, severe at the weekend) or by e-mail. */
  private async create(
    kind: 'createdPortal' | 'createdConfidential' | 'createdSevereWeekend' | 'createdEmail',
    serial: number,
  ): Promise<boolean> {
    if (kind !== 'createdEmail') {
      const { actor } = this.newCustomer();
      const fields =
        kind === 'createdConfidential'
          ? { [FIELD.confidential]: { value: 'Yes' } }
          : kind === 'createdSevereWeekend'
            ? SEVERE_FIELDS
            : {};
      await actor.createIssue({
        project: 'SD',
        issueType: kind === 'createdPortal' && serial % 2 === 1 ? 'Request' : 'Incident',
        summary: `Reference day ticket ${serial}`,
        fields,
      });
      return true;
    }
    const { actor } = this.newCustomer();
    await actor.createIssue({
      project: 'SD',
      issueType: 'Incident',
      summary: `By e-mail ${serial}`,
      channel: 'email',
    });
    return true;
  }

  /** A workflow transition the process allows (or, for the forbidden kind, one it does not). */
  private changeStatus(kind: 'statusChange' | 'statusChangeForbidden'): Promise<boolean> {
    // A ticket waiting in Delivery Pending leaves it with its Delivery (the week's Delivery, queue work).
    return this.tryOn(
      this.working((t) => t.status !== 'deliveryPending'),
      async (t) => {
        const offered = await this.offered(t);
        const id = this.pick(kind === 'statusChange' ? offered.allowed : offered.forbidden);
        if (id === undefined) return false;
        await this.agentFor(t.issue).transition(t.issue.key, { transitionId: id });
        return true;
      },
    );
  }

  /** Performs one act of the workload; false when no ticket on the site fits it. */
  async perform(kind: ActKind, serial: number): Promise<boolean> {
    switch (kind) {
      case 'createdPortal':
      case 'createdConfidential':
      case 'createdSevereWeekend':
      case 'createdEmail':
        return this.create(kind, serial);
      case 'statusChange':
      case 'statusChangeForbidden':
        return this.changeStatus(kind);
      case 'reclassification':
        return this.tryOn(
          this.working((t) => t.status === 'open' && RECLASSIFICATIONS[t.kind ?? 'delivery'].length > 0),
          async (t) => {
            const to = this.pick(RECLASSIFICATIONS[t.kind ?? 'delivery']);
            if (to === undefined) return false;
            await this.agentFor(t.issue).edit(t.issue.key, { issuetype: { name: CONFIG.names.kinds[to] } });
            return true;
          },
        );
      case 'customerComment':
      case 'customerReplyWaiting': {
        const waiting = (t: Ticket) => t.status === 'clarification' || t.status === 'resolved';
        return this.tryOn(
          this.working((t) => (kind === 'customerReplyWaiting') === waiting(t)),
          async (t) => {
            const customer = this.customerOf(t.issue);
            if (!customer) return false;
            await customer.comment(t.issue.key, `Customer note ${serial}`);
            return true;
          },
        );
      }
      case 'agentComment':
      case 'internalNote':
        return this.tryOn(this.working(), async (t) => {
          await this.agentFor(t.issue).comment(t.issue.key, `Agent note ${serial}`, {
            internal: kind === 'internalNote',
          });
          return true;
        });
      case 'fieldEditUnwatched':
        return this.tryOn(this.working(), async (t) => {
          await this.agentFor(t.issue).edit(t.issue.key, { summary: `${t.issue.summary} (edited)` });
          return true;
        });
      case 'priorityChange':
        return this.tryOn(this.working(), async (t) => {
          const name = this.pick(['P1', 'P2', 'P3', 'P4'].filter((p) => p !== this.priorityName(t.issue)));
          await this.agentFor(t.issue).edit(t.issue.key, { priority: { name } });
          return true;
        });
      case 'assignment':
        return this.tryOn(
          this.working((t) => t.issue.assigneeAccountId === null),
          async (t) => {
            const agent = AGENT_OF_ORG[t.issue.organizationIds[0] ?? ORG.acme] ?? USER.agentDach;
            await this.agentFor(t.issue).edit(t.issue.key, { assignee: { accountId: agent } });
            return true;
          },
        );
      case 'confidentialChange':
        return this.tryOn(this.working(), async (t) => {
          const now = (t.issue.custom[FIELD.confidential] as { value?: string } | undefined)?.value;
          await this.agentFor(t.issue).edit(t.issue.key, {
            [FIELD.confidential]: { value: now === 'Yes' ? 'No' : 'Yes' },
          });
          return true;
        });
      case 'link':
        return this.tryOn(this.working(), async (t) => {
          const other = this.pick(this.working((o) => o.issue.id !== t.issue.id));
          if (!other) return false;
          await this.agentFor(t.issue).link('Relates', t.issue.key, other.issue.key);
          return true;
        });
      default:
        return false;
    }
  }

  private priorityName(issue: SimIssue): string | undefined {
    return issue.priorityId === null ? undefined : this.site.store.priorities.get(issue.priorityId)?.name;
  }

  /** A random ticket an agent opens (panel view) and the agent who opens it. */
  panelTarget(): { key: string; accountId: string } | undefined {
    // The customer's agent opens a ticket they can see: a confidential ticket's security level may hide it.
    const agentOf = (issue: SimIssue) => AGENT_OF_ORG[issue.organizationIds[0] ?? ORG.acme] ?? USER.agentDach;
    const t = this.pick(
      this.working((c) => canBrowse(this.site.store, { kind: 'user', accountId: agentOf(c.issue) }, c.issue)),
    );
    return t ? { key: t.issue.key, accountId: agentOf(t.issue) } : undefined;
  }

  /** A random request a customer opens on the portal (their own). */
  portalTarget(): { key: string; accountId: string } | undefined {
    const t = this.pick(this.working((c) => this.customerOf(c.issue) !== undefined));
    return t ? { key: t.issue.key, accountId: t.issue.reporterAccountId } : undefined;
  }

  /**
   * The week's Delivery: planned for Acme with `version`, estimated a week after the latest of Acme's Planned
   * Deliveries (and at least two weeks after `today`), as a site that plans one Delivery a week plans its next; returns
   * its key. Planned before them, it would also take Acme's waiting CUSTOM tickets from the Delivery they are in (the
   * process's rule, PROCESS.md §6: CUSTOM ships with the organization's next Delivery), 20 on the generated site,
   * where the reference day ships 10.
   */
  async planDelivery(version: string, today: string): Promise<string> {
    const planned = [...this.site.store.issues()]
      .filter(
        (i) =>
          i.issueTypeId === ISSUE_TYPE.delivery &&
          i.statusId === STATUS.planned &&
          i.organizationIds.includes(ORG.acme),
      )
      .map((i) => i.custom[FIELD.estimatedDeliveryDate])
      .filter((d): d is string => typeof d === 'string');
    const latest = Math.max(Date.parse(today) + 7 * DAY_MS, ...planned.map((d) => Date.parse(d)));
    const estimated = new Date(latest + 7 * DAY_MS).toISOString().slice(0, 10);
    return this.site.actAs(USER.agentDach).createIssue({
      project: 'SD',
      issueType: 'Delivery',
      summary: `Delivery ${version}`,
      fields: {
        [FIELD.deliveryVersion]: version,
        [FIELD.organizations]: [{ id: ORG.acme }],
        [FIELD.estimatedDeliveryDate]: estimated,
      },
    });
  }

  /**
   * `count` Software Defects and Consulting Requests of Acme in progress get the Delivery version and enter
   * Delivery Pending (two events each), one after another with `between()` awaited after each ticket (the agent's
   * pace); returns how many did.
   */
  async shipInto(version: string, count: number, between: () => Promise<void>): Promise<number> {
    const agent = this.site.actAs(USER.agentDach);
    const candidates = this.working(
      (t) =>
        t.status === 'inProgress' &&
        (t.kind === 'softwareDefect' || t.kind === 'consultingRequest') &&
        t.issue.organizationIds[0] === ORG.acme,
    );
    let shipped = 0;
    for (const t of this.random.shuffle(candidates)) {
      if (shipped >= count) break;
      try {
        await agent.edit(t.issue.key, { [FIELD.deliveryVersion]: version });
        await agent.transition(t.issue.key, { status: CONFIG.names.statuses.deliveryPending });
        shipped += 1;
        await between();
      } catch (error) {
        if (!(error instanceof ActAsError)) throw error;
      }
    }
    return shipped;
  }

  async deliver(deliveryKey: string): Promise<void> {
    await this.site.actAs(USER.agentDach).transition(deliveryKey, { status: 'Delivered' });
  }
}

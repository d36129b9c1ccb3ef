/**
 * The naive baseline of the reference day: the same rules (the domain's `decideIssueChange`, `decideTimer` through
 * the naive sweep) with the calls a straightforward implementation makes, run on an identical site in the same
 * benchmark. Per event it reads the field list, the whole issue with its changelog, the state property, the comment
 * and the customer checks, decides, and writes each action on its own (state, comment, fields, transition); a
 * panel or portal view reads the issue, its comments, the state and the viewer's permissions as the user; the
 * admin page reads every list it shows; a completed Delivery reads and writes each of its tickets one by one. It
 * leaves out nothing because an event looks irrelevant, and caches nothing.
 */
import { assumeTrustedRoute, route } from '@forge/api';
import type { SimClock } from '../../sandbox/clock';
import type { ProductEvent } from '../../sandbox/contract';
import type { SimJiraSite } from '../../sandbox/jira/site';
import type { JiraGateway } from '../../src/adapters/jira/jira-gateway';
import { LinksGateway } from '../../src/adapters/jira/links-gateway';
import { parseProductEvent } from '../../src/app/events/event-payload';
import { resolveFieldIds } from '../../src/app/shared/field-ids';
import { MemoryStore } from '../../test/support/memory-store';
import { toTicket } from '../../src/app/shared/ticket';
import { textToAdf } from '../../src/app/shared/adf';
import { configForProject, parseConfig } from '../../src/domain/config';
import { decideIssueChange } from '../../src/domain/events/decide-issue-change';
import type { IssueChangeEvent } from '../../src/domain/events/issue-change';
import { PROCESS_STATE_KEY } from '../../src/domain/process-state';
import { renderMessage } from '../../src/domain/texts';
import type { FieldIds } from '../../src/domain/ticket';
import { statusOfName } from '../../src/domain/names';
import { customerChecks } from '../../src/domain/service/customer-check';
import { DayBook, referenceConfig, type DayRun } from './app-day';
import { runDays, type DayRunner } from './day-schedule';
import { directGateway as gateway, Meter, naiveHour } from '../naive-sweep';
import { HOUR_MS } from './reference-day';
import type { Source } from './reference-day';

/** The local site's cloud id (the Forge host's default). */
const CLOUD_ID = '5e1f0000-0000-4000-8000-00000000c10d';

function referenceProjectConfig() {
  const parsed = parseConfig(referenceConfig());
  if (!parsed.ok) throw new Error(`reference configuration: ${JSON.stringify(parsed.errors)}`);
  return configForProject(parsed.config, 'SD');
}

const CONFIG = referenceProjectConfig();

/** Field ids by the configured names, from a fresh read of the field list (nothing remembered between events). */
function fieldIds(jira: JiraGateway, now: Date): Promise<FieldIds> {
  return resolveFieldIds(jira, new MemoryStore(), CONFIG, now);
}

class NaiveApp {
  readonly jira: JiraGateway;
  readonly links: LinksGateway;
  private readonly queue: ProductEvent[] = [];

  constructor(
    private readonly site: SimJiraSite,
    private readonly clock: SimClock,
    private readonly meter: Meter,
  ) {
    this.jira = gateway(site, clock, { kind: 'app' }, meter);
    this.links = new LinksGateway(this.jira.client);
    site.subscribe((event) => {
      // The same filter as the app's trigger (`ignoreSelf`): the app's own changes raise no work.
      if (event.causedBy.kind !== 'app') this.queue.push(event);
    });
  }

  pending(): ProductEvent | undefined {
    return this.queue.shift();
  }

  asUser(accountId: string): JiraGateway {
    return gateway(this.site, this.clock, { kind: 'user', accountId }, this.meter);
  }

  async onEvent(event: ProductEvent, now: Date): Promise<void> {
    const parsed = parseProductEvent({ ...event.payload, eventType: event.eventType });
    if (!parsed.ok) return;
    if ('linkId' in parsed.event) {
      // A link may concern a Delivery: both ends are read to find out.
      await this.jira.getIssue(parsed.event.sourceIssueId, { fields: ['*all'] });
      await this.jira.getIssue(parsed.event.destinationIssueId, { fields: ['*all'] });
      return;
    }
    const change: IssueChangeEvent = parsed.event;
    const ids = await fieldIds(this.jira, now);
    const bean = await this.jira.getIssue(change.issueId, { fields: ['*all'], expand: 'changelog' });
    const state = await this.jira.getIssueProperty(change.issueId, PROCESS_STATE_KEY);
    const ticket = toTicket({ ...bean, properties: { [PROCESS_STATE_KEY]: state } }, ids, CONFIG);
    let comment = change.comment;
    let byCustomer: boolean | undefined;
    if (comment) {
      comment = { ...comment, isPublic: (await this.jira.commentIsPublic(ticket.key, comment.id)) ?? false };
      if (comment.authorId) byCustomer = await this.isCustomer(ticket, comment.authorId);
    }
    const viaEmail =
      change.kind === 'created'
        ? (await this.jira.search({ jql: `id = ${ticket.id} AND "request-channel-type" = email` })).issues
            .length > 0
        : undefined;
    const decision = decideIssueChange({
      event: comment ? { ...change, comment } : change,
      ticket,
      config: CONFIG,
      now,
      fieldIds: ids,
      ...(byCustomer === undefined ? {} : { byCustomer }),
      ...(viaEmail === undefined ? {} : { viaEmail }),
    });
    await this.execute(ticket.key, ticket.projectKey, decision.actions, ids);
    await this.jira.setIssueProperty(ticket.key, PROCESS_STATE_KEY, decision.state);
    await this.deliveries(ticket.key, bean, ids, change);
  }

  private async isCustomer(
    ticket: Parameters<typeof customerChecks>[0] & { key: string },
    accountId: string,
  ): Promise<boolean> {
    const checks = customerChecks(ticket, accountId);
    if (checks === true) return true;
    let found = false;
    for (const check of checks)
      found ||=
        check.kind === 'participant'
          ? await this.links.isParticipant(ticket.key, accountId)
          : await this.links.isOrganizationMember(check.organizationId, accountId);
    return found;
  }

  private async execute(
    key: string,
    projectKey: string,
    actions: ReturnType<typeof decideIssueChange>['actions'],
    ids: FieldIds,
  ): Promise<void> {
    for (const action of actions) {
      switch (action.type) {
        case 'comment':
          await this.jira.addComment(key, {
            body: textToAdf(renderMessage(CONFIG, action.messageKey, 'de', action.params)),
            internal: action.visibility === 'internal',
            occurrence: action.idempotencyKey,
          });
          break;
        case 'setSecurityLevel': {
          const levels = await this.links.securityLevels(projectKey);
          const level = levels.find((l) => l.name === action.level);
          if (action.level === null || level)
            await this.jira.editIssue(key, { fields: { security: level ? { id: level.id } : null } });
          break;
        }
        case 'setType': {
          const types = await this.links.issueTypes();
          const typeId = types.find((t) => t.name === action.typeName)?.id;
          if (typeId) await this.jira.editIssue(key, { fields: { issuetype: { id: typeId } } });
          break;
        }
        case 'revertStatus': {
          const transitions = await this.jira.getTransitions(key);
          const back = transitions.find((t) => t.to.id === action.toStatusId);
          if (back) await this.jira.doTransition(key, { id: back.id });
          await this.jira.addComment(key, {
            body: textToAdf(renderMessage(CONFIG, action.comment.messageKey, 'de', action.comment.params)),
            internal: true,
            occurrence: action.idempotencyKey,
          });
          break;
        }
        case 'revertType':
          await this.jira.editIssue(key, { fields: { issuetype: { id: action.toTypeId } } });
          break;
        case 'alertOnCall':
          await this.jira.client.call({
            operation: 'createAlert',
            route: route`/jsm/ops/api/${CLOUD_ID}/v1/alerts`,
            method: 'POST',
            body: { message: `Severe fault ${key}`, alias: `${key}:onCall` },
          });
          break;
        case 'audit':
          break;
      }
    }
    void ids;
  }

  /**
   * §6 the straightforward way: a ticket entering Delivery Pending looks for its Delivery with a search and links
   * it, and the Delivery's table is rebuilt by reading each shipped ticket; a Delivery reaching Delivered moves
   * each shipped ticket with a read, its transitions, the transition, a comment and the state.
   */
  private async deliveries(
    key: string,
    bean: Awaited<ReturnType<JiraGateway['getIssue']>>,
    ids: FieldIds,
    change: IssueChangeEvent,
  ): Promise<void> {
    const statusItem = change.items.find((i) => (i.fieldId ?? i.field) === 'status');
    if (!statusItem) return;
    const to = statusOfName(CONFIG, statusItem.toString ?? undefined);
    const version = ids.deliveryVersion ? bean.fields?.[ids.deliveryVersion] : undefined;
    if (to === 'deliveryPending' && typeof version === 'string') {
      const found = await this.jira.search({
        jql: `project = SD AND issuetype = "Delivery" AND status = "Planned"`,
        fields: ['*all'],
      });
      const delivery = found.issues.find(
        (d) => ids.deliveryVersion && d.fields?.[ids.deliveryVersion] === version,
      );
      if (!delivery?.key) return;
      await this.links.createLink(CONFIG.names.deliveryLinkType.name, delivery.key, key);
      await this.rebuildTable(delivery.key, ids);
    }
    if (to === 'delivered') {
      const shipped = await this.jira.getIssue(key, { fields: ['issuelinks'] });
      const links = (shipped.fields?.issuelinks ?? []) as { outwardIssue?: { key: string } }[];
      for (const link of links) {
        const target = link.outwardIssue?.key;
        if (!target) continue;
        await this.jira.getIssue(target, { fields: ['*all'] });
        const transitions = await this.jira.getTransitions(target);
        const resolve = transitions.find((t) => statusOfName(CONFIG, t.to.name) === 'resolved');
        if (resolve) await this.jira.doTransition(target, { id: resolve.id });
        await this.jira.addComment(target, {
          body: textToAdf(`Version ${String(version)}`),
          internal: false,
          occurrence: `${target}:shipped:${key}`,
        });
        await this.jira.setIssueProperty(target, PROCESS_STATE_KEY, { delivered: key });
      }
    }
  }

  private async rebuildTable(deliveryKey: string, ids: FieldIds): Promise<void> {
    const delivery = await this.jira.getIssue(deliveryKey, { fields: ['issuelinks'] });
    const links = (delivery.fields?.issuelinks ?? []) as { outwardIssue?: { key: string } }[];
    const rows: string[] = [];
    for (const link of links) {
      if (!link.outwardIssue) continue;
      const t = await this.jira.getIssue(link.outwardIssue.key, { fields: ['*all'] });
      rows.push(`${t.key ?? ''} ${typeof t.fields?.summary === 'string' ? t.fields.summary : ''}`);
    }
    if (ids.includedTickets)
      await this.jira.editIssue(deliveryKey, {
        fields: { [ids.includedTickets]: textToAdf(rows.join('\n')) },
      });
  }
}

/** Runs the reference days with the naive implementation on `site` (an identical site), from the clock's time. */
export async function runNaiveDays(options: {
  site: SimJiraSite;
  clock: SimClock;
  days: number;
  seed: number;
  /** Hours the naive sweep runs before the measured days (it stamps a state on every timer ticket first). */
  warmupHours: number;
}): Promise<DayRun> {
  const started = performance.now();
  const meter = new Meter();
  const naive = new NaiveApp(options.site, options.clock, meter);
  for (let h = 0; h < options.warmupHours; h++) {
    options.clock.advance(HOUR_MS);
    await naiveHour(naive.jira, options.clock.now());
  }
  const installPoints = meter.take().points;
  const day = new DayBook();
  const book = (source: Source) => {
    const spent = meter.take();
    day.book(source, spent.calls, spent.points);
  };
  const runner: DayRunner = {
    async advanceTo(atMs) {
      for (;;) {
        const nextHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS + HOUR_MS;
        if (nextHour > atMs) break;
        options.clock.forwardTo(nextHour);
        await naiveHour(naive.jira, new Date(nextHour));
        book('sweep');
      }
      if (atMs > Date.now()) options.clock.forwardTo(atMs);
    },
    label: (l) => (day.label = l),
    async settle() {
      for (let event = naive.pending(); event; event = naive.pending()) {
        await naive.onEvent(event, new Date());
        // Completing a Delivery is queue work in the app: the naive handler's same work is booked there too.
        book(day.label === 'deliveryCompleted' ? 'queue' : 'events');
      }
    },
    async panelView(key, accountId) {
      await readAsUser(naive.asUser(accountId), key, true);
      book('panel');
    },
    async portalView(key, accountId) {
      await readAsUser(naive.asUser(accountId), key, false);
      book('portal');
    },
    async adminOpen() {
      const admin = naive.asUser('admin-sarah');
      await admin.hasGlobalPermission('ADMINISTER');
      await admin.getFields();
      for (const path of ['/rest/api/3/issuetype', '/rest/api/3/status', '/rest/api/3/resolution'])
        await admin.client.call({ operation: 'list', route: assumeTrustedRoute(path) });
      book('admin');
    },
  };
  const acts = await runDays({
    site: options.site,
    runner,
    startMs: Date.now(),
    days: options.days,
    seed: options.seed,
  });
  return {
    days: options.days,
    acts,
    ...day.figures(),
    samples: [],
    hourly: [],
    sweeps: [],
    kvsBytesWritten: 0,
    kvsWrites: 0,
    kvsByKind: {},
    install: { hours: options.warmupHours, points: installPoints },
    realSeconds: (performance.now() - started) / 1000,
  };
}

/** A view the naive way: the issue with every field and its changelog, its comments, the state, permissions. */
async function readAsUser(jira: JiraGateway, key: string, agent: boolean): Promise<void> {
  await jira.getIssue(key, { fields: ['*all'], expand: 'changelog' });
  await jira.getIssueProperty(key, PROCESS_STATE_KEY);
  await jira.newestComments(key, 0, 50);
  if (agent) await jira.hasGlobalPermission('BROWSE_PROJECTS');
}

import { SimClock } from '../../../sandbox/clock';
import { CUSTOMERS, USER } from '../../../sandbox/jira/seed/demo-ids';
import { harness } from './site-harness';

const HOUR = 3_600_000;
const T0 = '2026-11-23T08:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString().replace('Z', '+0000');

interface Cycle {
  startTime: { iso8601: string };
  stopTime?: { iso8601: string };
  breachTime?: { iso8601: string };
  elapsedTime: { millis: number };
  remainingTime: { millis: number };
  breached: boolean;
  paused?: boolean;
}
interface Metric {
  name: string;
  completedCycles: Cycle[];
  ongoingCycle?: Cycle;
}

describe('JSM SLA: first response and paused time to resolution', () => {
  const clock = new SimClock(T0);
  afterAll(() => clock.uninstall());
  const h = harness();
  const agent = h.site.actAs(USER.agentDach);
  const metrics = async (key: string) => {
    const res = await h.call('GET', `/rest/servicedeskapi/request/${key}/sla`);
    expect(res.status).toBe(200);
    const [firstResponse, resolution] = res.json.values as Metric[];
    if (!firstResponse || !resolution) throw new Error('expected two SLA metrics');
    return { firstResponse, resolution };
  };
  const setHours = (hours: number) => clock.set(at(hours).replace('+0000', 'Z'));
  // Each test raises its own request at T0, so none depends on what another did.
  let key = '';
  beforeEach(async () => {
    setHours(0);
    key = await h.site
      .actAs(CUSTOMERS.acme[0] ?? '')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Catalog index broken' });
  });

  /** In Clarification from 3 h to 10 h (the customer answers), then In Progress until 12 h. */
  const pausedFrom3To10 = async () => {
    setHours(3);
    await agent.transition(key, { status: 'Clarification required / On hold' });
    setHours(10);
    await h.site.actAs(CUSTOMERS.acme[0] ?? '').comment(key, 'Here are the details');
    await agent.transition(key, { status: 'In Progress' });
    setHours(12);
  };

  test('"Time to first response" stops only at the first public agent comment', async () => {
    clock.set(at(0.5).replace('+0000', 'Z'));
    await h.site.actAs(CUSTOMERS.acme[1] ?? '').comment(key, 'Same here');
    await h.site.actAs({ kind: 'app' }).comment(key, 'Thank you, we received your ticket.');
    clock.advance(0.5 * HOUR);
    await agent.comment(key, 'Checking the logs', { internal: true });
    expect((await metrics(key)).firstResponse.ongoingCycle?.elapsedTime.millis).toBe(HOUR);
    clock.advance(HOUR);
    await agent.comment(key, 'We are looking into it.');
    clock.advance(5 * HOUR);
    const { firstResponse } = await metrics(key);
    expect(firstResponse.ongoingCycle).toBeUndefined();
    expect(firstResponse.completedCycles).toEqual([
      expect.objectContaining({
        startTime: expect.objectContaining({ iso8601: at(0) }),
        stopTime: expect.objectContaining({ iso8601: at(2) }),
        breachTime: expect.objectContaining({ iso8601: at(4) }),
        elapsedTime: expect.objectContaining({ millis: 2 * HOUR }),
        breached: false,
      }),
    ]);
  });

  test('"Time to resolution" pauses in Clarification required / On hold', async () => {
    clock.set(at(3).replace('+0000', 'Z'));
    await agent.transition(key, { status: 'Clarification required / On hold' });
    clock.set(at(10).replace('+0000', 'Z'));
    const paused = (await metrics(key)).resolution.ongoingCycle;
    expect(paused).toMatchObject({ paused: true, elapsedTime: { millis: 3 * HOUR } });
    expect(paused?.remainingTime.millis).toBe(37 * HOUR);
    // While paused the breach time is not known.
    expect(paused?.breachTime).toBeUndefined();

    await h.site.actAs(CUSTOMERS.acme[0] ?? '').comment(key, 'Here are the details');
    await agent.transition(key, { status: 'In Progress' });
    clock.set(at(12).replace('+0000', 'Z'));
    const running = (await metrics(key)).resolution.ongoingCycle;
    expect(running).toMatchObject({ paused: false, elapsedTime: { millis: 5 * HOUR }, breached: false });
    // 40 h goal + 7 h paused.
    expect(running?.breachTime?.iso8601).toBe(at(47));
  });

  test('resolving completes the cycle without the paused span; reopening starts a new one', async () => {
    await pausedFrom3To10();
    await agent.transition(key, { status: 'Resolved', resolution: 'Done' });
    clock.set(at(20).replace('+0000', 'Z'));
    let { resolution } = await metrics(key);
    expect(resolution.ongoingCycle).toBeUndefined();
    expect(resolution.completedCycles).toEqual([
      expect.objectContaining({
        stopTime: expect.objectContaining({ iso8601: at(12) }),
        elapsedTime: expect.objectContaining({ millis: 5 * HOUR }),
        breachTime: expect.objectContaining({ iso8601: at(47) }),
      }),
    ]);
    // Reclassified after the fact (PROCESS.md §2): the Non-Software Defect workflow allows a reopen.
    await agent.edit(key, { issuetype: { name: 'Non-Software Defect' } });
    await agent.transition(key, { status: 'In Progress' });
    clock.set(at(21).replace('+0000', 'Z'));
    ({ resolution } = await metrics(key));
    expect(resolution.completedCycles).toHaveLength(1);
    expect(resolution.ongoingCycle).toMatchObject({
      startTime: { iso8601: at(20) },
      elapsedTime: { millis: HOUR },
      paused: false,
    });
  });

  test('a long pause never breaches; the expand=sla view agrees with /sla', async () => {
    const other = await agent.createIssue({
      project: 'SD',
      issueType: 'Support Request',
      summary: 'Export?',
    });
    clock.advance(HOUR);
    await agent.transition(other, { status: 'Clarification required / On hold' });
    clock.advance(30 * 24 * HOUR);
    const { resolution } = await metrics(other);
    expect(resolution.ongoingCycle).toMatchObject({
      paused: true,
      breached: false,
      elapsedTime: { millis: HOUR },
    });
    const view = await h.call('GET', `/rest/servicedeskapi/request/${other}?expand=sla`);
    expect(view.json.sla.values[1].ongoingCycle).toEqual(resolution.ongoingCycle);
  });
});

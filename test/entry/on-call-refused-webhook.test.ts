import type { PlatformChecksView } from '../../src/contract/platform-checks';
import type { SettingsView } from '../../src/contract/settings';
import {
  asAdmin,
  DAY,
  DEMO_CONFIG,
  HOUR,
  SATURDAY,
  SEVERE_FIELDS,
  startEventsSite,
  type LocalSite,
} from '../support/local-site';

/**
 * A configuration saved before the webhook rules (decision 0016) whose on-call webhook they now refuse: only
 * on-call is off, every other rule and the sweep go on, and the platform checks tell the admin without holding
 * the automation.
 */
describe('a stored on-call webhook the rules refuse', () => {
  let s: LocalSite;
  const received: unknown[] = [];
  afterEach(() => {
    const failed = s.failedInvocations();
    s.close();
    expect(failed).toEqual([]);
  });

  async function siteWithWebhook(target: string): Promise<void> {
    received.length = 0;
    s = await startEventsSite(SATURDAY, { config: { ...DEMO_CONFIG, onCall: { mode: 'webhook', target } } });
    // Were the refused address reachable, an alert would land here.
    s.host.serveExternal('https://oncall.example.com/alert', async (request) => {
      received.push(await request.json());
      return new Response(null, { status: 202 });
    });
  }

  const admin = <T>(functionKey: string) => asAdmin<T>(s, functionKey);

  it.each([
    [
      'plain http',
      'http://oncall.example.com/alert',
      'full https:// address',
      'vollständige https://-Adresse',
    ],
    [
      'an undeclared host',
      'https://pager.example.net/alert',
      'not declared as egress of this installation (declared: oncall.example.com)',
      'nicht als Egress freigegeben (freigegeben: oncall.example.com)',
    ],
  ])(
    '(%s): no alert, the event rules and the sweep run, the Health tab says why in DE and EN',
    async (_n, target, en, de) => {
      await siteWithWebhook(target);
      // A severe Incident on a Saturday: on-call is off, so nobody is alerted; the ticket is still handled.
      const incident = await s
        .as('customer-acme-1')
        .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Down', fields: SEVERE_FIELDS });
      await s.settle();
      expect(received).toEqual([]);
      expect(s.audit()).toContainEqual(
        expect.objectContaining({ issueKey: incident, action: 'onCallAlert', outcome: 'skipped' }),
      );
      // Decided: with nothing to record but its status, the ticket keeps "no state yet" in the due index.
      expect(s.host.kvs.get('entity:due-index', incident)?.value).toMatchObject({ stateless: true });

      // The platform checks report on-call as failed, advisory: the automation is not held.
      const checks = await admin<PlatformChecksView>('runPlatformChecks');
      const onCall = checks.results.find((r) => r.id === 'onCall');
      expect(onCall).toMatchObject({ passed: false, advisory: true });
      expect(onCall?.detail.en).toContain('On-call alerts are OFF');
      expect(onCall?.detail.en).toContain(en);
      expect(onCall?.detail.de).toContain('Bereitschafts-Alarme sind AUS');
      expect(onCall?.detail.de).toContain(de);
      // The address itself is not repeated (it might carry a secret).
      expect(JSON.stringify(onCall?.detail)).not.toContain(target);
      expect(checks.automationHeld).toBe(false);
      // The settings page opens, showing on-call as it is in force: off.
      const settings = await admin<SettingsView>('getSettings');
      expect(settings.site.onCall).toMatchObject({ mode: 'none' });

      // A ticket waiting for the customer is reminded by the hourly sweep on day 10.
      s.clock.set('2026-11-30T09:00:00Z');
      const waiting = await s.ticket('Support Request', ['Clarification required / On hold']);
      await s.advance(2 * HOUR);
      s.jump(new Date(Date.parse('2026-11-30T09:00:00Z') + 10 * DAY - HOUR));
      await s.advance(3 * HOUR);
      expect(s.appCommentTexts(waiting)).toEqual([expect.stringContaining('Erinnerung 1 von 3')]);
    },
  );
});

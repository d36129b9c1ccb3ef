import { getPortal } from '../../../src/app/portal/get-portal';
import { copyFirst } from '../../../src/app/portal/portal-issues';
import type { PortalDeps } from '../../../src/app/portal/portal-deps';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import type { PortalView } from '../../../src/contract/portal-view';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import type { CustomerState } from '../../../src/domain/service/customer-state';
import { startTimer } from '../../../src/domain/timers';
import {
  ACME,
  ago,
  CONFIDENTIAL_FIELD,
  DAY,
  ESTIMATE_FIELD,
  GLOBEX,
  issueBean,
  KEY,
  NOW,
  portalSite,
  shown,
  VERSION_FIELD,
  type IssueSpec,
} from './portal-fakes';

const cfg = configForProject(defaultConfig, 'SUP');
const DELIVERY = 'SUP-20';

/** The request view, failing the test when the panel shows nothing. */
function requestView(view: PortalView) {
  if (view.view !== 'request') throw new Error(`expected a request view, got ${view.view}`);
  return view;
}

describe('getPortal', () => {
  it.each([
    ['a project the app does not manage', {}, { projects: ['OPS'] }],
    ['a type the process does not know', { type: 'Task' }, { projects: ['SUP'] }],
    ['a project whose automation is off', {}, { projects: ['SUP'], automation: { enabled: false } }],
  ])('shows nothing on a request of %s', async (_, spec, config) => {
    const site = await portalSite({ issues: [issueBean(spec)], config, context: { locale: 'de-DE' } });
    await expect(getPortal(site.context, site.deps)).resolves.toEqual({
      view: 'unsupported',
      issueKey: KEY,
      language: 'de',
    });
  });

  it('shows an open Support Request: with support, no priority, version or delivery, the first escalation next', async () => {
    const site = await portalSite();
    await expect(getPortal(site.context, site.deps)).resolves.toEqual({
      view: 'request',
      issueKey: KEY,
      language: 'en',
      computedAt: NOW.toISOString(),
      typeName: 'Support Request',
      nextStep: 'Our support team is working on your request; we will contact you here.',
      priority: null,
      deliveryVersion: null,
      delivery: null,
      confidential: false,
      escalation: {
        currentLevel: 0,
        currentLevelName: null,
        nextLevel: 1,
        nextLevelName: 'Personal support contact',
        allowedFrom: null,
        history: [],
      },
      estimateRenewal: null,
    });
  });

  it("shows a defect's priority with its meaning, the fix's version and the Delivery's estimated date", async () => {
    const site = await portalSite({
      issues: [
        issueBean({
          type: 'Software Defect',
          status: 'Delivery Pending',
          priority: 'P1',
          fields: { [VERSION_FIELD]: '14.21.3.1', [CONFIDENTIAL_FIELD]: { value: 'Yes' } },
          links: [{ type: 'Delivery', inwardKey: DELIVERY }],
        }),
        issueBean({
          key: DELIVERY,
          type: 'Delivery',
          status: 'Planned',
          fields: { [ESTIMATE_FIELD]: '2027-01-12' },
        }),
      ],
    });
    const view = requestView(await getPortal(site.context, site.deps));
    expect(view.priority).toMatchObject({
      level: 'P1',
      severity: expect.any(String),
      meaning: expect.any(String),
    });
    expect(view.deliveryVersion).toEqual({ kind: 'patch', text: '14.21.3.1' });
    expect(view.nextStep).toBe(
      'Fix built: ships with version 14.21.3.1 in your next delivery (planned 12 January 2027).',
    );
    expect(view.delivery).toBeNull();
    expect(view.confidential).toBe(true);
  });

  it("names a version built for the customer alone by the site's custom value", async () => {
    const site = await portalSite({
      config: { projects: ['SUP'], names: { customValue: 'INDIVIDUAL' } },
      issues: [
        issueBean({
          type: 'Customisation',
          status: 'Delivery Pending',
          fields: { [VERSION_FIELD]: 'individual' },
        }),
      ],
    });
    const view = requestView(await getPortal(site.context, site.deps));
    expect(view.deliveryVersion).toEqual({ kind: 'custom', text: 'INDIVIDUAL' });
    expect(view.priority).toBeNull();
  });

  it('leaves the planned date out when the Delivery the fix ships in no longer exists', async () => {
    const site = await portalSite({
      issues: [
        issueBean({
          type: 'Software Defect',
          status: 'Delivery Pending',
          fields: { [VERSION_FIELD]: '14.2' },
          links: [{ type: 'Delivery', inwardKey: DELIVERY }],
        }),
      ],
    });
    const view = requestView(await getPortal(site.context, site.deps));
    expect(view.nextStep).toBe('Fix built: ships with version 14.2 in your next delivery.');
  });

  it('fails when the Delivery the fix ships in cannot be read for another reason', async () => {
    const site = await portalSite({
      issues: [
        issueBean({
          type: 'Software Defect',
          status: 'Delivery Pending',
          fields: { [VERSION_FIELD]: '14.2' },
          links: [{ type: 'Delivery', inwardKey: DELIVERY }],
        }),
      ],
    });
    const failing: PortalDeps['issues'] = {
      getIssue: (key, read) =>
        key === DELIVERY
          ? Promise.reject(new JiraHttpError('getIssue', 500, '{}'))
          : site.deps.issues.getIssue(key, read),
    };
    await expect(getPortal(site.context, { ...site.deps, issues: failing })).rejects.toBeInstanceOf(
      JiraHttpError,
    );
  });

  it.each([
    ["the user's time zone", 'America/New_York', '9 January 2027'],
    ["the site's calendar without one", undefined, '10 January 2027'],
  ])('gives dates in %s', async (_, timeZone, day) => {
    const state = startTimer(
      'supportRequest',
      'resolved',
      new Date('2026-11-20T23:30:00Z'),
      { statusId: '5' },
      cfg,
    );
    const site = await portalSite({
      issues: [issueBean({ status: 'Resolved', state })],
      context: { timeZone },
    });
    const view = requestView(await getPortal(site.context, site.deps));
    expect(view.nextStep).toBe(`Resolved: closes on ${day} unless you reply.`);
  });

  it("names the request's type as the site spells it", async () => {
    const site = await portalSite({
      config: { projects: ['SUP'], names: { kinds: { supportRequest: 'support request' } } },
    });
    expect(requestView(await getPortal(site.context, site.deps)).typeName).toBe('Support Request');
  });

  it('shows how far the customer escalated, and that a closed request goes no further', async () => {
    const customer: CustomerState = {
      v: 1,
      escalations: [
        { level: 1, reason: 'handling', at: ago(2 * DAY), group: 'dach', repliedAt: ago(2 * DAY) },
      ],
    };
    const open = await portalSite({ issues: [issueBean({ customer })] });
    expect(requestView(await getPortal(open.context, open.deps)).escalation).toMatchObject({
      currentLevel: 1,
      currentLevelName: 'Personal support contact',
      nextLevel: 2,
      nextLevelName: 'Support team lead DACH',
      history: [{ level: 1, levelName: 'Personal support contact', reason: 'handling' }],
    });
    const closed = await portalSite({ issues: [issueBean({ customer, status: 'Closed' })] });
    expect(requestView(await getPortal(closed.context, closed.deps)).escalation).toMatchObject({
      currentLevel: 1,
      nextLevel: null,
      nextLevelName: null,
    });
  });

  describe('on a Customisation', () => {
    const expired = startTimer(
      'customisation',
      'estimationAvailable',
      new Date(NOW.getTime() - 120 * DAY),
      { statusId: '6' },
      cfg,
    );
    const valid = startTimer(
      'customisation',
      'estimationAvailable',
      new Date(NOW.getTime() - 10 * DAY),
      { statusId: '6' },
      cfg,
    );
    const spec = { type: 'Customisation', status: 'Estimation available' };

    it('offers a new estimate once the estimate expired', async () => {
      const site = await portalSite({ issues: [issueBean({ ...spec, state: expired })] });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.nextStep).toBe('The estimate has expired. You can request a new estimate.');
      expect(view.estimateRenewal).toEqual({ requestedAt: null, requestKey: null });
    });

    it('shows the new estimate the customer asked for', async () => {
      const customer: CustomerState = {
        v: 1,
        escalations: [],
        renewal: { at: ago(DAY), mode: 'newRequest', requestKey: 'SUP-99' },
      };
      const site = await portalSite({ issues: [issueBean({ ...spec, state: expired, customer })] });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.estimateRenewal).toEqual({ requestedAt: ago(DAY), requestKey: 'SUP-99' });
    });

    it('offers nothing while the estimate is valid', async () => {
      const site = await portalSite({ issues: [issueBean({ ...spec, state: valid })] });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.estimateRenewal).toBeNull();
      expect(view.nextStep).toMatch(/^Estimate valid until /);
    });
  });

  describe('on a Delivery', () => {
    const shipped = (key: string, organization = ACME) =>
      issueBean({ key, type: 'Software Defect', summary: `Fix ${key}`, organizations: [organization] });
    const delivery = (keys: string[], spec: IssueSpec = {}) =>
      issueBean({
        key: DELIVERY,
        type: 'Delivery',
        status: 'Planned',
        fields: { [ESTIMATE_FIELD]: '2027-01-12' },
        links: keys.map((key) => ({ type: 'Delivery', outwardKey: key })),
        ...spec,
      });
    const context = { issueKey: DELIVERY };

    it("lists the customer's shipped tickets by key, linked where JSM shows them to the user", async () => {
      const site = await portalSite({
        context,
        issues: [
          delivery(['SUP-10', 'SUP-3', 'SUP-4', 'SUP-5', 'SUP-6', 'SUP-2']),
          shipped('SUP-2'),
          shipped('SUP-3'),
          shipped('SUP-4', GLOBEX),
          shipped('SUP-6'),
          shipped('SUP-10'),
        ],
        visible: {
          [DELIVERY]: shown(DELIVERY),
          'SUP-2': shown('SUP-2'),
          'SUP-6': shown('SUP-5'),
          'SUP-10': shown('SUP-10'),
        },
      });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.delivery).toEqual({
        estimatedDate: '2027-01-12',
        included: [
          { key: 'SUP-2', typeName: 'Software Defect', summary: 'Fix SUP-2', url: shown('SUP-2').webUrl },
          { key: 'SUP-3', typeName: 'Software Defect', summary: 'Fix SUP-3', url: null },
          { key: 'SUP-6', typeName: 'Software Defect', summary: 'Fix SUP-6', url: null },
          { key: 'SUP-10', typeName: 'Software Defect', summary: 'Fix SUP-10', url: shown('SUP-10').webUrl },
        ],
      });
      expect(view.nextStep).toBe(
        'This delivery is planned for 12 January 2027; the date is an estimate, and we announce any change here.',
      );
      expect(view.priority).toBeNull();
      expect(site.asked).toEqual([DELIVERY, 'SUP-2', 'SUP-3', 'SUP-6', 'SUP-10']);
    });

    it("lists a ticket shared with the customer's organization and others", async () => {
      const site = await portalSite({
        context,
        issues: [
          delivery(['SUP-2']),
          issueBean({ key: 'SUP-2', type: 'Software Defect', organizations: [GLOBEX, ACME] }),
        ],
        visible: { [DELIVERY]: shown(DELIVERY) },
      });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.delivery?.included.map((t) => t.key)).toEqual(['SUP-2']);
    });

    it("keeps the copies of the tickets it reads whole, so a shipped ticket's own view shows its escalation", async () => {
      const customer: CustomerState = {
        v: 1,
        escalations: [
          { level: 1, reason: 'handling', at: ago(2 * DAY), group: 'dach', repliedAt: ago(2 * DAY) },
        ],
      };
      const site = await portalSite({
        context,
        issues: [delivery(['SUP-2']), issueBean({ key: 'SUP-2', type: 'Software Defect', customer })],
        visible: { [DELIVERY]: shown(DELIVERY), 'SUP-2': shown('SUP-2') },
      });
      const deps = { ...site.deps, issues: copyFirst(site.deps.jira, site.store) };
      await getPortal(site.context, deps);
      site.issues.delete('SUP-2');
      const view = requestView(await getPortal({ ...site.context, issueKey: 'SUP-2' }, deps));
      expect(view.escalation.currentLevel).toBe(1);
    });

    it('lists tickets only through links of the Delivery link type, out of the Delivery', async () => {
      const site = await portalSite({
        context,
        issues: [
          delivery([], {
            links: [
              { type: 'Relates', outwardKey: 'SUP-2' },
              { type: 'Delivery', inwardKey: 'SUP-3' },
              { type: 'delivery', outwardKey: 'SUP-4' },
            ],
          }),
          shipped('SUP-2'),
          shipped('SUP-3'),
          shipped('SUP-4'),
        ],
        visible: { [DELIVERY]: shown(DELIVERY) },
      });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.delivery?.included.map((t) => t.key)).toEqual(['SUP-4']);
    });

    it('lists at most the first 50 tickets a Delivery ships', async () => {
      const keys = Array.from({ length: 51 }, (_, i) => `SUP-${i + 100}`);
      const site = await portalSite({
        context,
        issues: [delivery(keys), ...keys.map((key) => shipped(key))],
        visible: { [DELIVERY]: shown(DELIVERY) },
      });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.delivery?.included.map((t) => t.key)).toEqual(keys.slice(0, 50));
    });

    it('lists nothing on a Delivery for no organization, and reads none of its tickets', async () => {
      const site = await portalSite({
        context,
        issues: [delivery(['SUP-2'], { organizations: [] }), shipped('SUP-2')],
        visible: { [DELIVERY]: shown(DELIVERY) },
      });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.delivery).toEqual({ estimatedDate: '2027-01-12', included: [] });
      expect(site.calls).not.toContain('issue SUP-2');
    });

    it('lists nothing on a Delivery that ships nothing yet', async () => {
      const site = await portalSite({
        context,
        issues: [delivery([], { fields: {} })],
        visible: { [DELIVERY]: shown(DELIVERY) },
      });
      const view = requestView(await getPortal(site.context, site.deps));
      expect(view.delivery).toEqual({ estimatedDate: null, included: [] });
      expect(view.nextStep).toBe('This delivery is planned; we announce its date here.');
    });
  });
});

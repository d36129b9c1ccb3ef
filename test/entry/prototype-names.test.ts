import { DEMO_APP_CONFIG } from '../../sandbox/jira/seed/demo-config';
import { FIELD, ORG } from '../../sandbox/jira/seed/demo-ids';
import {
  HOUR,
  startEventsSite,
  startSweepSite,
  type LocalSite,
  closeSiteAfterEach,
} from '../support/local-site';

/**
 * Organizations are the site's data: one may be called `constructor`, `__proto__` or `toString`. With a
 * language map configured for other organizations, the sweep and the Delivery completion must treat such a
 * name as a plain name (default language) and never fail.
 */
const NAMES = ['constructor', '__proto__', 'toString'] as const;

function renameOrganization(
  store: { organizations: Map<string, { name: string }> },
  id: string,
  name: string,
) {
  const organization = store.organizations.get(id);
  if (!organization) throw new Error(`no organization ${id}`);
  organization.name = name;
}

describe('an organization named like an Object.prototype member, on the sweep', () => {
  let s: LocalSite;
  const start = new Date('2026-11-02T08:30:00Z').getTime();
  const at = (days: number, offset = 0) => new Date(start + days * 24 * HOUR + offset);

  afterEach(() => s.close());

  it.each(NAMES)(
    '%s: its ticket is reminded in the default language, the others as configured',
    async (name) => {
      s = await startSweepSite();
      s.configure({ projects: ['SD'], languageByOrganization: { 'Acme GmbH': 'en' } });
      renameOrganization(s.site.store, ORG.globex, name);
      const odd = await s.ticket('Support Request', ['Clarification required / On hold'], {
        reporter: 'customer-globex-1',
      });
      const acme = await s.ticket('Support Request', ['Clarification required / On hold'], {
        reporter: 'customer-acme-1',
      });
      const oddIssue = s.site.store.issue(odd);
      const acmeIssue = s.site.store.issue(acme);
      if (!oddIssue || !acmeIssue) throw new Error('tickets missing');
      oddIssue.organizationIds = [ORG.globex];
      acmeIssue.organizationIds = [ORG.acme];
      await s.advance(2 * HOUR);
      s.jump(at(10, -HOUR));
      await s.until(at(10, HOUR));
      expect(s.appCommentTexts(odd)).toEqual([expect.stringContaining('Dies ist Erinnerung 1 von 3')]);
      expect(s.appCommentTexts(acme)).toEqual([expect.stringContaining('This is reminder 1 of 3')]);
      expect(s.audit().filter((e) => e.outcome === 'failed')).toEqual([]);
    },
  );
});

describe('an organization named like an Object.prototype member, on a Delivery completion', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it.each(NAMES)('%s: the completion resolves its ticket once, in the default language', async (name) => {
    s = await startEventsSite('2026-11-30T09:00:00Z', {
      config: { ...DEMO_APP_CONFIG, languageByOrganization: { 'Globex Ltd': 'en' } },
    });
    renameOrganization(s.site.store, ORG.acme, name);
    const del = await s.agent.createIssue({
      project: 'SD',
      issueType: 'Delivery',
      summary: 'Delivery 14.21.3.1',
      fields: {
        [FIELD.deliveryVersion]: '14.21.3.1',
        [FIELD.organizations]: [{ id: ORG.acme }],
        [FIELD.estimatedDeliveryDate]: '2026-12-15',
      },
    });
    const key = await s.as('customer-acme-1').createIssue({
      project: 'SD',
      issueType: 'Software Defect',
      summary: 'Export fails',
    });
    await s.agent.transition(key, { status: 'In Progress' });
    await s.agent.edit(key, { [FIELD.deliveryVersion]: '14.21.3.1' });
    await s.agent.transition(key, { status: 'Delivery Pending' });
    await s.settle();
    expect(s.shipped(del)).toEqual([key]);
    await s.agent.transition(del, { status: 'Delivered' });
    await s.settle();
    expect(s.status(key)).toBe('Resolved');
    expect(s.appComments(key).filter((c) => !c.internal)).toEqual([
      expect.objectContaining({ text: expect.stringContaining('Version 14.21.3.1 ausgeliefert') }),
    ]);
  });
});

import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { NotVisibleToUserError } from '../../../src/app/portal/not-visible-error';
import type { RequestAccess } from '../../../src/app/portal/portal-ports';
import { loadPortalRequest } from '../../../src/app/portal/portal-request';
import type { IssueBean } from '../../../src/app/ports/jira';
import { AUTOMATION_HOLD_KEY } from '../../../src/app/shared/automation-hold';
import type { CustomerState } from '../../../src/domain/service/customer-state';
import {
  ACME,
  CUSTOMER,
  GLOBEX,
  issueBean,
  KEY,
  NOW,
  portalSite,
  shown,
  VERSION_FIELD,
  PLANNED_VERSION_FIELD,
} from './portal-fakes';

const ESCALATED: CustomerState = {
  v: 1,
  escalations: [{ level: 1, reason: 'handling', at: '2026-11-29T09:00:00.000Z', group: 'dach' }],
};

describe('loadPortalRequest', () => {
  it('refuses a user JSM does not show the request to, before reading anything', async () => {
    const site = await portalSite({ visible: {} });
    await expect(loadPortalRequest(site.context, site.deps)).rejects.toBeInstanceOf(NotVisibleToUserError);
    expect(site.asked).toEqual([KEY]);
    expect(site.calls).toEqual([]);
  });

  it("refuses an answer about another request than the context's, before reading anything", async () => {
    const site = await portalSite({ visible: { [KEY]: shown('SUP-8') } });
    const refusal = loadPortalRequest(site.context, site.deps);
    await expect(refusal).rejects.toBeInstanceOf(InvalidPayloadError);
    await expect(refusal).rejects.toMatchObject({ problems: [expect.stringMatching(/^answers: \S/)] });
    expect(site.calls).toEqual([]);
  });

  it('refuses a user the access check turns down once the request is read, with the request as read', async () => {
    const confirmed: IssueBean[] = [];
    const access: RequestAccess = {
      confirm: (issue) => {
        confirmed.push(issue);
        return Promise.resolve(false);
      },
    };
    const site = await portalSite({ access, issues: [issueBean({ customer: ESCALATED })] });
    await expect(loadPortalRequest(site.context, site.deps)).rejects.toBeInstanceOf(NotVisibleToUserError);
    expect(confirmed.map((issue) => [issue.key, issue.fields?.reporter])).toEqual([
      [KEY, { accountId: CUSTOMER }],
    ]);
  });

  it("reads the request with the portal's fields and the customer's state", async () => {
    const site = await portalSite({
      issues: [
        issueBean({
          type: 'Software Defect',
          priority: 'P2',
          customer: ESCALATED,
          fields: { [VERSION_FIELD]: '14.2' },
        }),
      ],
    });
    const request = await loadPortalRequest(site.context, site.deps);
    expect(request.visible).toEqual(shown(KEY));
    expect(request.ticket).toMatchObject({
      key: KEY,
      kind: 'softwareDefect',
      status: 'open',
      priority: 'P2',
      deliveryVersion: '14.2',
      organizations: [ACME],
    });
    expect(request.customer).toEqual(ESCALATED);
    expect(request.fieldIds.deliveryVersion).toBe(VERSION_FIELD);
  });

  it('reads an empty customer state from a request read without properties', async () => {
    const site = await portalSite();
    const { properties: _, ...bare } = issueBean({ customer: ESCALATED });
    const request = await loadPortalRequest(site.context, {
      ...site.deps,
      issues: { getIssue: () => Promise.resolve(bare) },
    });
    expect(request.customer).toEqual({ v: 1, escalations: [] });
  });

  it("resolves the portal's fields by the names configured for the request's project", async () => {
    const site = await portalSite({
      config: {
        projects: ['SUP'],
        projectOverrides: { SUP: { names: { fields: { deliveryVersion: 'Planned version' } } } },
      },
      issues: [issueBean({ fields: { [VERSION_FIELD]: '14.2', [PLANNED_VERSION_FIELD]: '15.0' } })],
    });
    const request = await loadPortalRequest(site.context, site.deps);
    expect(request.fieldIds.deliveryVersion).toBe(PLANNED_VERSION_FIELD);
    expect(request.ticket.deliveryVersion).toBe('15.0');
  });

  it.each([
    ['one of the configured names', 'Clarification required / On hold', 'clarification'],
    ['a name the site does not configure', 'Waiting for support', 'open'],
    ['no name', null, 'open'],
  ])('takes the status JSM shows the user when it is %s', async (_, statusName, status) => {
    const site = await portalSite({ visible: { [KEY]: shown(KEY, statusName) } });
    const request = await loadPortalRequest(site.context, site.deps);
    expect(request.ticket.status).toBe(status);
    expect(request.ticket.statusName).toBe(status === 'open' ? 'Open' : statusName);
  });

  it.each([
    ['a managed project with automation on', { projects: ['SUP'] }, true],
    ['a project the app does not manage', { projects: ['OPS'] }, false],
    ['a managed project with automation off', { projects: ['SUP'], automation: { enabled: false } }, false],
    [
      'a managed project whose own automation is off',
      { projects: ['SUP'], projectOverrides: { SUP: { automation: { enabled: false } } } },
      false,
    ],
  ])('counts a request as managed only in %s', async (_, config, managed) => {
    const site = await portalSite({ config });
    await expect(loadPortalRequest(site.context, site.deps)).resolves.toMatchObject({ managed });
  });

  it("applies the configuration of the project the request is in now (a moved request's old key)", async () => {
    const site = await portalSite({
      config: { projects: ['SUP'], projectOverrides: { SUP: { automation: { dryRun: true } } } },
      context: { issueKey: 'OLD-3' },
      visible: { 'OLD-3': shown('OLD-3') },
      issues: [{ ...issueBean({ key: 'SUP-7' }), key: 'OLD-3' }],
    });
    const request = await loadPortalRequest(site.context, site.deps);
    expect(request.ticket.projectKey).toBe('SUP');
    expect(request.managed).toBe(true);
    expect(request.cfg.projectKey).toBe('SUP');
    expect(request.cfg.automation.dryRun).toBe(true);
  });

  it('holds automation in dry run while a failed platform check holds it', async () => {
    const site = await portalSite();
    await site.store.set(AUTOMATION_HOLD_KEY, { since: NOW.toISOString(), failed: ['fields'] });
    const request = await loadPortalRequest(site.context, site.deps);
    expect(request.cfg.automation.dryRun).toBe(true);
    expect(request.managed).toBe(true);
  });

  it.each([
    ["the organization's configured language over the locale", [GLOBEX], 'de-DE', 'en'],
    ['the locale when the organization has none', [ACME], 'de-AT', 'de'],
    ["the site's default for another locale", [ACME], 'fr-FR', 'de'],
  ])('speaks %s', async (_, organizations, locale, language) => {
    const site = await portalSite({
      config: { projects: ['SUP'], languageByOrganization: { 'Globex Ltd': 'en' } },
      issues: [issueBean({ organizations })],
      context: { locale },
    });
    await expect(loadPortalRequest(site.context, site.deps)).resolves.toMatchObject({ language });
  });

  it.each([
    ['the region group of the organization', [GLOBEX], 'international'],
    ['the default region for an organization without one', [ACME], 'dach'],
  ])('escalates within %s', async (_, organizations, group) => {
    const site = await portalSite({
      config: { projects: ['SUP'], regions: { organizations: { 'Globex Ltd': 'sibiu' } } },
      issues: [issueBean({ organizations })],
    });
    await expect(loadPortalRequest(site.context, site.deps)).resolves.toMatchObject({ group });
  });
});

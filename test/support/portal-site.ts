/**
 * Helpers for the portal resolvers' integration tests: the events site (demo project SD, the app's real exports
 * on the Forge host) plus calls to the portal modules as Forge makes them, with the request in the trusted
 * extension context.
 */
import type { ResolverResult } from '../../sandbox/forge/host';
import { loadViewAsPage } from '../../sandbox/forge/page-view';
import { CUSTOMERS, USER } from '../../sandbox/jira/seed/demo-ids';
import { DEMO_APP_CONFIG } from '../../sandbox/jira/seed/demo-config';
import { startEventsSite, type LocalSite } from './local-site';

/** The demo configuration with people on every level of the ladder and one team lead per region group. */
export const PORTAL_CONFIG = {
  ...DEMO_APP_CONFIG,
  escalation: {
    levels: [
      {
        level: 1,
        label: { de: 'Persönlicher Ansprechpartner', en: 'Personal support contact' },
        people: [USER.agentDach],
      },
      {
        level: 2,
        label: { de: 'Support-Teamleitung', en: 'Support team lead' },
        people: [],
        byGroup: {
          dach: {
            label: { de: 'Support-Teamleitung DACH', en: 'Support team lead DACH' },
            people: [USER.agentApac],
          },
          international: {
            label: { de: 'Support-Teamleitung International', en: 'Support team lead International' },
            people: [USER.agentUk],
          },
        },
      },
      { level: 3, label: { de: 'Leitung Support', en: 'Head of Support' }, people: [USER.admin] },
      { level: 4, label: { de: 'Leitung Customer Services', en: 'Head of Customer Services' }, people: [] },
      { level: 5, label: { de: 'Vorstand', en: 'Board' }, people: [] },
    ],
  },
  languageByOrganization: { 'Globex Ltd': 'en' },
};

export const ACME = CUSTOMERS.acme[0] ?? '';
export const ACME_OTHER = CUSTOMERS.acme[1] ?? '';
export const GLOBEX = CUSTOMERS.globex[0] ?? '';

const MODULE_OF = {
  getPortal: 'process-portal',
  escalate: 'process-escalate',
  renewEstimate: 'process-new-estimate',
};

/** One call of a portal resolver as `accountId`, on the request `issueKey` (the Forge context, not the payload). */
export function callPortal(
  h: LocalSite,
  functionKey: keyof typeof MODULE_OF,
  accountId: string,
  issueKey: string,
  payload: unknown = {},
  locale = 'en-US',
): Promise<ResolverResult> {
  const moduleKey = MODULE_OF[functionKey];
  return h.host.invokeResolver({
    moduleKey,
    functionKey,
    payload,
    accountId,
    locale,
    extension: portalExtension(issueKey, moduleKey),
  });
}

/** The trusted extension context JSM gives portal module `moduleKey` on request `issueKey`. */
function portalExtension(issueKey: string, moduleKey: string): Record<string, unknown> {
  return {
    type:
      moduleKey === 'process-portal'
        ? 'jiraServiceManagement:portalRequestDetailPanel'
        : 'jiraServiceManagement:portalRequestViewAction',
    request: { key: issueKey, typeId: '2' },
    portal: { id: 1 },
  };
}

/**
 * The portal panel's view as the built page loads it (`static/portal/src/api.ts`): `getPortal` through the Forge
 * host, with the reads it asks for made on the site as `accountId` (the bridge's `requestJira`). Returns the
 * resolver's last answer and the page's reads.
 */
export function viewPortal(
  h: LocalSite,
  accountId: string,
  issueKey: string,
  locale = 'en-US',
): ReturnType<typeof loadViewAsPage> {
  return loadViewAsPage(h.host, h.site, {
    moduleKey: MODULE_OF.getPortal,
    functionKey: 'getPortal',
    accountId,
    locale,
    extension: portalExtension(issueKey, MODULE_OF.getPortal),
  });
}

/**
 * Makes `customer` a participant of the request (added by its reporter, ACME): JSM's customer-request endpoint
 * answers customers only for requests they reported or participate in (the local site's reading of the
 * reference), so a colleague acts on a request only as a participant.
 */
export async function addParticipant(h: LocalSite, key: string, customer: string): Promise<void> {
  await h.as(ACME).addParticipants(key, [customer]);
  await h.settle();
}

/** The resolver's `{ data }`, failing the test with the error otherwise. */
export function data<T>(result: ResolverResult): T {
  if (!result.ok) throw new Error(`invocation failed: ${result.error.message}`);
  const value = result.value as { data?: T; error?: { code: string; message: string } };
  if (value.error) throw new Error(`resolver answered ${value.error.code}: ${value.error.message}`);
  return value.data as T;
}

/** The resolver's `{ error }` code. */
export function errorCode(result: ResolverResult): string | undefined {
  return result.ok
    ? (result.value as { error?: { code: string } }).error?.code
    : `invocation:${result.error.kind}`;
}

/**
 * Has the Forge host kill the next resolver invocation right after its first successful Jira write, before the
 * app hears the answer (a crash); later writes run normally. Returns the function that removes the hook.
 */
export function killAfterNextJiraWrite(h: LocalSite): () => void {
  h.host.setKills({ rate: 1, targets: ['jira'], kinds: ['resolver'] });
  const g = globalThis as {
    __forge_fetch__?: (target: { type: string }, path: string, init?: unknown) => Promise<unknown>;
  };
  const real = g.__forge_fetch__;
  const before = h.host.kills.jira;
  g.__forge_fetch__ = async (target, path, init) => {
    try {
      return await real?.(target, path, init);
    } finally {
      if (h.host.kills.jira > before) h.host.setKills({ rate: 0 });
    }
  };
  return () => {
    g.__forge_fetch__ = real;
    h.host.setKills({ rate: 0 });
  };
}

/**
 * A fresh events site for every test of the file, on 30 Nov 2026, 09:00 UTC, with {@link PORTAL_CONFIG}, handed
 * to `use`. After each test it checks that no invocation failed except the crashes the test injected on
 * purpose, and closes the site.
 *
 * @example
 * let h: LocalSite;
 * usePortalSite((site) => (h = site));
 */
export function usePortalSite(use: (site: LocalSite) => void): void {
  let h: LocalSite | undefined;
  beforeEach(async () => {
    h = await startEventsSite('2026-11-30T09:00:00Z', { config: PORTAL_CONFIG });
    use(h);
  });
  afterEach(() => {
    if (!h) return;
    const site = h;
    h = undefined;
    const failed = site.failedInvocations();
    site.close();
    expect(failed.filter((f) => !/killed after a successful jira write/.test(f))).toEqual([]);
  });
}

import api from '@forge/api';
import Resolver from '@forge/resolver';
import { z } from 'zod';
import { textToAdf, textWithMentionsToAdf } from '../app/shared/adf';
import { CustomerRequestGateway } from '../adapters/jira/customer-request-gateway';
import { JiraGateway } from '../adapters/jira/jira-gateway';
import { JiraClient } from '../adapters/jira/jira-client';
import { SiteMetadataGateway } from '../adapters/jira/site-metadata-gateway';
import { InvalidPayloadError, issueLines } from '../app/admin/invalid-payload-error';
import { escalate } from '../app/portal/escalate';
import { getPortal } from '../app/portal/get-portal';
import { NotVisibleToUserError } from '../app/portal/not-visible-error';
import type { PortalContext, PortalDeps } from '../app/portal/portal-deps';
import { ASKED_AS_USER, panelAccess } from '../app/portal/portal-access';
import { copyFirst, readAndKeep } from '../app/portal/portal-issues';
import { renewEstimate } from '../app/portal/renew-estimate';
import { portalCopiedJira } from '../app/shared/portal-copied-jira';
import type { ResolverKey, ResolverResponse, ResultOf } from '../contract/resolvers';
import { appDeps, gate } from './deps';
import { panelThroughPage } from './page-reads';
import { resolverError } from './resolver-error';

/**
 * The slice of the Forge context the portal trusts. Forge sets `extension.request` for the portal modules
 * (`jiraServiceManagement:portalRequestDetailPanel`, `…:portalRequestViewAction`); the UI's payload never names
 * the request.
 */
const portalContextSchema = z.looseObject({
  accountId: z.string().min(1),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  extension: z.looseObject({
    request: z.looseObject({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/) }),
  }),
});

type PortalKey = Extract<ResolverKey, 'getPortal' | 'escalate' | 'renewEstimate'>;

/**
 * Runs one portal resolver: parses the trusted context, builds the dependencies for the actions (the access
 * check acts as the user, everything after it as the app; the request read fresh from Jira and its copy kept),
 * reads the clock once, maps failures to `{ error }`.
 */
async function run<K extends PortalKey>(
  key: K,
  context: unknown,
  body: (ctx: PortalContext, deps: PortalDeps, asUser: CustomerRequestGateway) => Promise<ResultOf<K>>,
): Promise<ResolverResponse<K>> {
  const app = appDeps(`portal:${key}`);
  try {
    const parsed = portalContextSchema.safeParse(context ?? {});
    if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
    const user = new JiraClient({
      request: (r, init) => api.asUser().requestJira(r, init),
      stats: app.stats,
      gate,
    });
    const ctx: PortalContext = {
      issueKey: parsed.data.extension.request.key,
      accountId: parsed.data.accountId,
      locale: parsed.data.locale,
      timeZone: parsed.data.timezone,
    };
    const asApp = new JiraClient({
      request: (r, init) => api.asApp().requestJira(r, init),
      stats: app.stats,
      gate,
    });
    const jira = portalCopiedJira(new JiraGateway(asApp), app.store);
    const asUser = new CustomerRequestGateway(user);
    const deps: PortalDeps = {
      customer: asUser,
      access: ASKED_AS_USER,
      issues: readAndKeep(jira, app.store),
      jira,
      meta: new SiteMetadataGateway(asApp),
      bodies: { text: textToAdf, withMentions: textWithMentionsToAdf },
      store: app.store,
      config: app.config,
      audit: app.audit,
      ledger: app.ledger,
      log: app.log,
      now: app.clock.now(),
    };
    return { data: await body(ctx, deps, asUser) };
  } catch (error) {
    const mapped =
      error instanceof NotVisibleToUserError
        ? { code: 'FORBIDDEN' as const, message: error.message }
        : resolverError(error);
    const fields = {
      resolver: key,
      code: mapped.code,
      error: error instanceof Error ? error.name : 'unknown',
    };
    if (mapped.code === 'INTERNAL' || mapped.code === 'UPSTREAM') app.log.error('resolverFailed', fields);
    else app.log.warn('resolverFailed', fields);
    return { error: mapped };
  } finally {
    app.log.info('resolverCalls', { resolver: key, jiraCalls: app.stats.totalCalls });
  }
}

/**
 * The customer portal's resolvers: a function of their own (`portal-resolver-fn`), so that the modules customers
 * may use reach none of the agent or admin resolvers.
 */
const portalResolver = new Resolver()
  // The view reads Jira from the page as the customer (decision 0018): JSM's answer about the context's request
  // is the access check, and the request comes from the app's copy in KVS.
  .define('getPortal', ({ payload, context }) =>
    run('getPortal', context, (ctx, deps, asUser) =>
      panelThroughPage(payload, deps.log, (page) =>
        getPortal(ctx, {
          ...deps,
          customer: new CustomerRequestGateway(page.user.client),
          access: panelAccess(deps.store, ctx, deps.now, asUser),
          issues: copyFirst(deps.jira, deps.store),
        }),
      ),
    ),
  )
  .define('escalate', ({ payload, context }) =>
    run('escalate', context, (ctx, deps) => escalate(payload, ctx, deps)),
  )
  .define('renewEstimate', ({ payload, context }) =>
    run('renewEstimate', context, (ctx, deps) => renewEstimate(payload, ctx, deps)),
  );

/** The Forge function handler (`index.portalResolver` in the manifest). */
export const handler = portalResolver.getDefinitions();

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
import { renewEstimate } from '../app/portal/renew-estimate';
import type { ResolverKey, ResolverResponse, ResultOf } from '../contract/resolvers';
import { appDeps, gate } from './deps';
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
 * Runs one portal resolver: parses the trusted context, builds the dependencies (the access check acts as the
 * user, everything after it as the app), reads the clock once, maps failures to `{ error }`.
 */
async function run<K extends PortalKey>(
  key: K,
  context: unknown,
  body: (ctx: PortalContext, deps: PortalDeps) => Promise<ResultOf<K>>,
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
    const deps: PortalDeps = {
      customer: new CustomerRequestGateway(user),
      jira: new JiraGateway(asApp),
      meta: new SiteMetadataGateway(asApp),
      bodies: { text: textToAdf, withMentions: textWithMentionsToAdf },
      store: app.store,
      config: app.config,
      audit: app.audit,
      ledger: app.ledger,
      log: app.log,
      now: app.clock.now(),
    };
    return { data: await body(ctx, deps) };
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

const emptyPayload = z.strictObject({});

/**
 * The customer portal's resolvers: a function of their own (`portal-resolver-fn`), so that the modules customers
 * may use reach none of the agent or admin resolvers.
 */
const portalResolver = new Resolver()
  .define('getPortal', ({ payload, context }) =>
    run('getPortal', context, (ctx, deps) => {
      const parsed = emptyPayload.safeParse(payload ?? {});
      if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
      return getPortal(ctx, deps);
    }),
  )
  .define('escalate', ({ payload, context }) =>
    run('escalate', context, (ctx, deps) => escalate(payload, ctx, deps)),
  )
  .define('renewEstimate', ({ payload, context }) =>
    run('renewEstimate', context, (ctx, deps) => renewEstimate(payload, ctx, deps)),
  );

/** The Forge function handler (`index.portalResolver` in the manifest). */
export const handler = portalResolver.getDefinitions();

import Resolver from '@forge/resolver';
import { z } from 'zod';
import type { JiraClient } from '../adapters/jira/jira-client';
import { SiteMetadataGateway } from '../adapters/jira/site-metadata-gateway';
import { getActivity } from '../app/admin/activity';
import type { AdminDeps } from '../app/admin/admin-access';
import { getSettings } from '../app/admin/get-settings';
import { getHealth } from '../app/admin/health-check';
import { runPlatformChecks } from '../app/admin/platform-checks';
import { InvalidPayloadError, issueLines } from '../app/admin/invalid-payload-error';
import { previewText } from '../app/admin/preview-text';
import { saveSettings } from '../app/admin/save-settings';
import { previewSettingsImpact } from '../app/admin/settings-impact';
import { getSiteCatalog } from '../app/admin/site-catalog';
import { getOrganizationHealth } from '../app/admin/organization-health';
import { getParkedItems, retryParkedItem } from '../app/admin/parked-items';
import { getSweepPreview } from '../app/admin/sweep-preview';
import { cachedAgentCheck } from '../app/panel/agent-check';
import { getPanel } from '../app/panel/get-panel';
import { pageAnswers, panelThroughPage } from './page-reads';
import type { ResolverKey, ResolverResponse, ResultOf } from '../contract/resolvers';
import { appDeps, appRulesGateway, userGateway } from './deps';
import { resolverError } from './resolver-error';

/** The slice of the Forge context the resolvers trust: the extension is set by Atlassian, not by the UI. */
const contextSchema = z.looseObject({
  accountId: z.string().optional(),
  locale: z.string().optional(),
  extension: z
    .looseObject({
      issue: z.looseObject({ key: z.string(), id: z.string().optional() }).optional(),
      project: z.looseObject({ key: z.string() }).optional(),
    })
    .optional(),
});

type Context = z.infer<typeof contextSchema>;

/** Runs one resolver: builds the dependencies, reads the clock once, maps failures to `{ error }`. */
async function run<K extends ResolverKey>(
  key: K,
  request: { payload: unknown; context: unknown },
  body: (deps: AdminDeps, ctx: Context, userClient: JiraClient) => Promise<ResultOf<K>>,
): Promise<ResolverResponse<K>> {
  const app = appDeps(`resolver:${key}`);
  try {
    requireBoundedPayload(request.payload);
    const ctx = contextSchema.safeParse(request.context ?? {});
    if (!ctx.success) throw new InvalidPayloadError(issueLines(ctx.error.issues));
    // Permission answers are reused per installation and user (the Forge context's account, never the page's).
    const user = userGateway(app.stats, ctx.data.accountId);
    const deps: AdminDeps = {
      app,
      user,
      userMeta: new SiteMetadataGateway(user.client, user.permissions),
      now: app.clock.now(),
      ...(ctx.data.accountId !== undefined ? { accountId: ctx.data.accountId } : {}),
    };
    return { data: await body(deps, ctx.data, user.client) };
  } catch (error) {
    const mapped = resolverError(error);
    const fields = {
      resolver: key,
      code: mapped.code,
      error: error instanceof Error ? error.name : 'unknown',
    };
    if (mapped.code === 'INTERNAL' || mapped.code === 'UPSTREAM' || mapped.code === 'RATE_LIMITED')
      app.log.error('resolverFailed', fields);
    else app.log.warn('resolverFailed', fields);
    return { error: mapped };
  } finally {
    // The as-user calls share `app.stats`, so their rate-limit headers are logged here too.
    app.log.info('resolverCalls', {
      resolver: key,
      jiraCalls: app.stats.totalCalls,
      ...app.stats.rateLimitHeaders(),
    });
  }
}

/**
 * Largest payload a resolver reads: far above the largest valid settings save (every text at Jira's comment
 * limit), so a too-long text still reaches validation and is named there; anything larger is refused before
 * it is parsed.
 */
const MAX_PAYLOAD_CHARS = 5_000_000;

function requireBoundedPayload(payload: unknown): void {
  const size = payload === undefined ? 0 : JSON.stringify(payload).length;
  if (size > MAX_PAYLOAD_CHARS)
    throw new InvalidPayloadError([
      `payload: ${size.toLocaleString('en')} characters, more than the ${MAX_PAYLOAD_CHARS.toLocaleString('en')} a request may carry`,
    ]);
}

/**
 * The Custom UI resolvers (src/contract/resolvers.ts): `getPanel` for the issue panel, the rest for the admin
 * page. The ticket comes from `context.extension.issue`, never from the payload; the panel's Jira reads come
 * from the page (`./page-reads`), checked against that ticket.
 * @internal Exported for the tests that check it directly.
 */
export const resolver = new Resolver()
  .define('getPanel', ({ payload, context }) =>
    run('getPanel', { payload, context }, async (deps, ctx) => {
      const issueKey = ctx.extension?.issue?.key;
      if (!issueKey)
        throw new InvalidPayloadError(['context.extension.issue: the panel is not open on a ticket']);
      const accountId = deps.accountId;
      return panelThroughPage(payload, deps.app.log, (page) =>
        getPanel(
          {
            issueKey,
            issueId: ctx.extension?.issue?.id,
            projectKey: ctx.extension?.project?.key,
            ...(accountId !== undefined && ctx.locale !== undefined
              ? { viewer: { accountId, locale: ctx.locale } }
              : {}),
          },
          {
            ...page,
            isAgent: (projectKey) =>
              accountId === undefined
                ? deps.userMeta.isAgentInProject(projectKey)
                : cachedAgentCheck(deps.app.store, { accountId, projectKey }, deps.now, () =>
                    deps.userMeta.isAgentInProject(projectKey),
                  ),
            store: deps.app.store,
            config: deps.app.config,
            audit: deps.app.audit,
            now: deps.now,
          },
        ),
      );
    }),
  )
  .define('getSettings', ({ payload, context }) =>
    run('getSettings', { payload, context }, (deps) => {
      const { answers, rest } = pageAnswers(payload);
      return panelThroughPage(answers, deps.app.log, (page) => getSettings(rest, deps, page));
    }),
  )
  .define('saveSettings', ({ payload, context }) =>
    run('saveSettings', { payload, context }, (deps) => saveSettings(payload, deps)),
  )
  .define('previewSettingsImpact', ({ payload, context }) =>
    run('previewSettingsImpact', { payload, context }, (deps) => previewSettingsImpact(payload, deps)),
  )
  .define('previewText', ({ payload, context }) =>
    run('previewText', { payload, context }, (deps) => previewText(payload, deps)),
  )
  .define('getHealth', ({ payload, context }) =>
    run('getHealth', { payload, context }, (deps) => {
      const { answers, rest } = pageAnswers(payload);
      return panelThroughPage(answers, deps.app.log, (page) => getHealth(rest, deps, page));
    }),
  )
  .define('getSiteCatalog', ({ payload, context }) =>
    run('getSiteCatalog', { payload, context }, (deps) => {
      const { answers, rest } = pageAnswers(payload);
      return panelThroughPage(answers, deps.app.log, (site) => getSiteCatalog(rest, { admin: deps, site }));
    }),
  )
  .define('getOrganizationHealth', ({ payload, context }) =>
    run('getOrganizationHealth', { payload, context }, (deps) => {
      const { answers, rest } = pageAnswers(payload);
      return panelThroughPage(answers, deps.app.log, (page) =>
        getOrganizationHealth(rest, { admin: deps, directory: page.directory }),
      );
    }),
  )
  .define('previewSweep', ({ payload, context }) =>
    run('previewSweep', { payload, context }, (deps) => getSweepPreview(payload, deps)),
  )
  .define('getActivity', ({ payload, context }) =>
    run('getActivity', { payload, context }, (deps) => getActivity(payload, deps)),
  )
  .define('runPlatformChecks', ({ payload, context }) =>
    run('runPlatformChecks', { payload, context }, (deps) =>
      runPlatformChecks(payload, { admin: deps, probe: appRulesGateway() }),
    ),
  )
  .define('getParkedItems', ({ payload, context }) =>
    run('getParkedItems', { payload, context }, (deps) => getParkedItems(payload, deps)),
  )
  .define('retryParkedItem', ({ payload, context }) =>
    run('retryParkedItem', { payload, context }, (deps) => retryParkedItem(payload, deps)),
  );

/** The Forge function handler (`index.resolver` in the manifest). */
export const handler = resolver.getDefinitions();

import { z } from 'zod';
import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../app/ports/jira-errors';
import { InvalidStoredConfigError } from '../app/shared/config-repository';
import { runScheduledSweep } from '../app/sweep';
import { appDeps } from './deps';

/** What Forge passes to a scheduled trigger; only the module key is read (for logs). */
const scheduledEvent = z.looseObject({
  context: z.looseObject({ moduleKey: z.string().optional() }).optional(),
});

/**
 * Handler of the hourly `process-sweep` scheduled trigger (manifest `index.sweep`). Reads the clock once,
 * sweeps every managed project and hands what does not fit to the queue. Scheduled triggers are not retried by
 * Forge, so a Jira answer that stops the run (a refused or failed call, a rate limit) is logged and the next
 * hour's run picks up where this one stopped; only a defect in the app fails the invocation.
 */
export async function sweep(event: unknown): Promise<void> {
  const deps = appDeps('sweep');
  const moduleKey = scheduledEvent.safeParse(event).data?.context?.moduleKey;
  const now = deps.clock.now();
  try {
    const report = await runScheduledSweep(deps, now);
    for (const [projectKey, outcome] of Object.entries(report)) {
      deps.log.info('sweep.outcome', { moduleKey, projectKey, outcome: outcome.kind });
    }
    deps.log.info('sweep.done', {
      calls: deps.stats.totalCalls,
      points: deps.stats.totalPoints,
      ...deps.stats.rateLimitHeaders(),
    });
  } catch (error) {
    if (error instanceof InvalidStoredConfigError) {
      deps.log.error('sweep.invalidConfig', { problems: error.errors.length });
      return;
    }
    const jiraAnswer =
      error instanceof JiraHttpError ||
      error instanceof RateLimitedError ||
      error instanceof UpstreamError ||
      error instanceof UnexpectedResponseError;
    deps.log.error('sweep.failed', {
      error: error instanceof Error ? error.name : 'unknown',
      ...(jiraAnswer ? { operation: error.operation } : {}),
      ...(error instanceof JiraHttpError ? { status: error.status } : {}),
    });
    if (!jiraAnswer) throw error;
  }
}

import { z } from 'zod';
import { publishRulesItem } from '../app/rules/rules-work';
import { appDeps } from './deps';

const lifecycleEvent = z.looseObject({ eventType: z.string().optional() });

/**
 * `index.onAppLifecycle`: on install and upgrade (`avi:forge:installed:app`, `avi:forge:upgraded:app`) queues the
 * publication of the tables the app's Jira expressions look up, so a new installation or a release with a new
 * table format enforces the process without waiting for a settings save.
 */
export async function onAppLifecycle(event: unknown): Promise<void> {
  const deps = appDeps('lifecycle');
  await deps.queue.push([publishRulesItem()]);
  deps.log.info('lifecycle.publishQueued', { eventType: lifecycleEvent.safeParse(event).data?.eventType });
}

import { forgetKeptIds, keptIdByName } from '../shared/kept-ids';
import type { ExecutionContext } from './execution-context';

/** The id of the ticket's project's security level `name` (`null`: none), kept a week (`keptIdByName`). */
export async function securityLevelId(
  ctx: Pick<ExecutionContext, 'deps' | 'ticket'>,
  name: string | null,
): Promise<string | null | undefined> {
  if (name === null) return null;
  const { projectKey } = ctx.ticket;
  return keptIdByName(ctx.deps.store, 'securityLevel', projectKey, name, () =>
    ctx.deps.links.securityLevels(projectKey),
  );
}

/**
 * After Jira refused the security level `name` set as `refused` (the edit's `security` field): forgets the kept
 * level ids and looks the level up again. The id the project lists it under now, when another than the one
 * refused (a level deleted and created again has a new id); otherwise `undefined`.
 */
export async function relistedSecurityLevelId(
  ctx: Pick<ExecutionContext, 'deps' | 'ticket'>,
  name: string,
  refused: unknown,
): Promise<string | undefined> {
  await forgetKeptIds(ctx.deps.store, ['securityLevel']);
  const id = await securityLevelId(ctx, name);
  const refusedId = (refused as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== refusedId ? id : undefined;
}

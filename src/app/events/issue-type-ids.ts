import type { AppDeps } from '../deps';
import { keptIdByName } from '../shared/kept-ids';

/**
 * The id of the issue type called `name`, kept a week in KVS (`keptIdByName`) with every other type Jira listed: an
 * e-mail ticket asks for the same type every time, and Jira's list of issue types costs a point per type.
 */
export function issueTypeIdOf(
  deps: Pick<AppDeps, 'links' | 'store'>,
  name: string,
): Promise<string | undefined> {
  return keptIdByName(deps.store, 'issueType', '', name, () => deps.links.issueTypes());
}

import { getAppContext } from '@forge/api';
import type { Clock, InvocationTime } from '../app/ports';

/**
 * The shortest time limit of any Forge function (resolvers and product-event triggers, 25 s): assumed when the
 * runtime does not report the remaining time (an old tunnel), so work then stops early rather than late.
 */
const SHORTEST_LIMIT_MS = 25_000;

/**
 * The remaining time of the current Forge invocation, as the runtime reports it
 * (`getAppContext().invocationRemainingTimeInMillis()`). Where the runtime cannot say, the time left of the
 * shortest limit, counted on `clock` from when this adapter was made (at the start of the invocation).
 */
export function forgeInvocationTime(clock: Clock): InvocationTime {
  const startedAt = clock.now().getTime();
  return {
    remainingMs() {
      try {
        return getAppContext().invocationRemainingTimeInMillis();
      } catch {
        return Math.max(0, SHORTEST_LIMIT_MS - (clock.now().getTime() - startedAt));
      }
    },
  };
}

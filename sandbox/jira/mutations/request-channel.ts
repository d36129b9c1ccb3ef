import type { Principal } from '../../contract';
import type { SiteStore } from '../model/store';
import { REQUEST_CHANNELS, type RequestChannel, type SimProject } from '../model/types';
import { isStaff } from '../permissions';

/**
 * Simulator-only request header naming the channel a create request stands for. Jira derives the channel from
 * where the request came in (portal, mail handler, Jira UI, REST); the simulator only has REST, so `actAs` says
 * which door a person used. Values: a `RequestChannel`, or `ui` = the person's own UI (the portal for
 * customers, Jira for agents and the app). Without the header a create is what it is: a REST call (`api`).
 */
export const CHANNEL_HEADER = 'x-sim-request-channel';

/** The `CHANNEL_HEADER` value for "whatever this person's own UI would record". */
export const UI_CHANNEL = 'ui';

/** The channel for a create, or an error message for an unknown header value. */
export function requestChannelOf(
  store: SiteStore,
  principal: Principal,
  project: SimProject,
  header: string | undefined,
): { channel: RequestChannel } | { error: string } {
  if (header === undefined) return { channel: 'api' };
  const value = header.trim().toLowerCase();
  if (value === UI_CHANNEL) return { channel: isStaff(store, principal, project) ? 'jira' : 'portal' };
  const channel = REQUEST_CHANNELS.find((c) => c === value);
  return channel
    ? { channel }
    : {
        error: `Unknown request channel '${header}'. Use one of: ${REQUEST_CHANNELS.join(', ')}, ${UI_CHANNEL}.`,
      };
}

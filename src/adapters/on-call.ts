import api, { route } from '@forge/api';
import type { OnCallAlert, OnCallPager } from '../app/events/on-call-port';

/**
 * A failed alert: the caller keeps the claim open and retries through the platform's event retry. Status 0:
 * not sent, because the site's cloud id is unknown (JSM Operations paths name it).
 */
class OnCallError extends Error {
  constructor(readonly status: number) {
    super(`on-call alert answered HTTP ${status}`);
    this.name = 'OnCallError';
  }
}

/**
 * Alerts the on-call duty for a severe fault outside working days (guide §1.1.1):
 * - `opsgenie`: a JSM Operations alert (`POST /jsm/ops/api/{cloudId}/v1/alerts`, the REST successor of Opsgenie)
 *   to the configured team as responder; the JSM Ops reference addresses responders by `{id, type}` (not the
 *   Opsgenie-era `name`), so the target is the team's id; `alias` de-duplicates repeats on JSM's side;
 * - `webhook`: a JSON POST to the configured HTTPS URL, which must be declared as Forge egress
 *   (`permissions.external.fetch.backend`, see docs/decisions/0005-event-rules-and-workflow-validator.md).
 * Only the ticket key and id travel; no ticket text or personal data.
 */
export function forgeOnCallPager(): OnCallPager {
  return {
    async alert(alert: OnCallAlert): Promise<void> {
      const body = JSON.stringify({
        message: `Severe fault outside working days: ${alert.issueKey}`,
        alias: alert.idempotencyKey,
        description: `Ticket ${alert.issueKey} (${alert.issueUrl}) reports a severe fault outside working days.`,
        priority: 'P1',
        source: 'jsm-process-automation',
        ...(alert.mode === 'opsgenie' ? { responders: [{ id: alert.target, type: 'team' }] } : {}),
        details: { issueKey: alert.issueKey, issueId: alert.issueId },
      });
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      // The cloud id comes from the event's `context.cloudId`: `getAppContext()` carries none on Forge.
      const site = alert.cloudId;
      if (alert.mode === 'opsgenie' && !site) throw new OnCallError(0);
      const response =
        alert.mode === 'webhook'
          ? await api.fetch(alert.target, { method: 'POST', headers, body })
          : await api
              .asApp()
              .requestJira(route`/jsm/ops/api/${site ?? ''}/v1/alerts`, { method: 'POST', headers, body });
      if (!response.ok) throw new OnCallError(response.status);
    },
  };
}

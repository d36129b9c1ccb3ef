import { randomUUID } from 'node:crypto';
import type { SiteRequest } from '../../contract';
import type { Reply } from '../http/reply';
import { createAlertPayload, type CreateAlertPayload } from './alert-payload';

/** The cloud id of the simulated site; the local Forge host uses the same one by default. */
export const DEFAULT_CLOUD_ID = '5e1f0000-0000-4000-8000-00000000c10d';

/** One JSM Operations alert as the simulator keeps it. */
export interface OpsAlert {
  readonly id: string;
  readonly tinyId: string;
  readonly payload: CreateAlertPayload;
  readonly alias: string;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Create requests that arrived for this alert: repeats with the same alias only raise the count. */
  count: number;
  status: 'open' | 'closed';
}

const ALERTS_PATH = /^\/jsm\/ops\/api\/([^/?]+)\/v1\/alerts\/?(\?.*)?$/;
const OPS_PREFIX = '/jsm/ops/api/';

const error = (status: number, message: string, errors?: Record<string, string>): Reply => ({
  status,
  body: { message, ...(errors ? { errors } : {}), took: 0.001, requestId: randomUUID() },
});

/**
 * JSM Operations alerts (the REST successor of Opsgenie) on `api.atlassian.com/jsm/ops/api/{cloudId}`, which
 * Forge apps reach through `requestJira` with the `write:ops-alert:jira-service-management` scope. Only
 * "Create alert" is served: it answers 202 with a request id, as the real API processes creates
 * asynchronously; here the alert exists at once. An open alert with the same `alias` is not created again:
 * JSM de-duplicates on the alias and raises the alert's `count` (the alias defaults to the message).
 */
export class OpsAlerts {
  private readonly alerts: OpsAlert[] = [];

  constructor(readonly cloudId: string = DEFAULT_CLOUD_ID) {}

  /** Whether a request is for the JSM Operations API (served here, not by the Jira specs). */
  static owns(path: string): boolean {
    return path.startsWith(OPS_PREFIX);
  }

  /** Every alert, oldest first. */
  all(): readonly OpsAlert[] {
    return this.alerts;
  }

  /** Serves one JSM Ops request; `actor` is the account the request acts as (the app's for `asApp()`). */
  handle(request: SiteRequest, actor: string): Reply {
    const match = ALERTS_PATH.exec(request.path);
    if (!match)
      return error(404, `No resource found for ${request.method} ${request.path.split('?')[0] ?? ''}`);
    if (match[1] !== this.cloudId) return error(404, 'Site not found.');
    if (request.method !== 'POST') return error(405, `Method ${request.method} is not supported here.`);
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return error(400, 'Request body is not valid JSON.');
    }
    const parsed = createAlertPayload.safeParse(body);
    if (!parsed.success) {
      const errors = Object.fromEntries(
        parsed.error.issues.map((i) => [i.path.join('.') || '(body)', i.message]),
      );
      return error(422, 'Request body is not processable. Please check the errors.', errors);
    }
    const payload = parsed.data;
    const alias = payload.alias ?? payload.message;
    const open = this.alerts.find((a) => a.alias === alias && a.status === 'open');
    if (open) open.count += 1;
    else
      this.alerts.push({
        id: randomUUID(),
        tinyId: String(this.alerts.length + 1),
        payload,
        alias,
        createdBy: actor,
        createdAt: new Date().toISOString(),
        count: 1,
        status: 'open',
      });
    return {
      status: 202,
      body: { result: 'Request will be processed', took: 0.002, requestId: randomUUID() },
    };
  }
}

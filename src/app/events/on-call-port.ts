/** One on-call alert: where to send it and which ticket it is about (ids only). */
export interface OnCallAlert {
  readonly mode: 'opsgenie' | 'webhook';
  /** JSM Operations team id (responders are addressed by id), or the webhook URL. */
  readonly target: string;
  readonly issueKey: string;
  readonly issueId: string;
  readonly issueUrl: string;
  /** Also sent as the alert alias, so the receiver can de-duplicate too. */
  readonly idempotencyKey: string;
  /** The site's cloud id (from the event), which the JSM Operations API paths name. */
  readonly cloudId?: string;
}

/** Port for alerting on-call; implemented with Forge `fetch` / `requestJira` in `src/adapters/on-call.ts`. */
export interface OnCallPager {
  alert(alert: OnCallAlert): Promise<void>;
}

/** One on-call alert: where to send it and which ticket it is about (ids only). */
export interface OnCallAlert {
  readonly mode: 'opsgenie' | 'webhook';
  /** JSM Operations team name, or the webhook URL. */
  readonly target: string;
  readonly issueKey: string;
  readonly issueId: string;
  readonly issueUrl: string;
  /** Also sent as the alert alias, so the receiver can de-duplicate too. */
  readonly idempotencyKey: string;
}

/** Port for alerting on-call; implemented with Forge `fetch` / `requestJira` in `src/adapters/on-call.ts`. */
export interface OnCallPager {
  alert(alert: OnCallAlert): Promise<void>;
}

import type {
  ActivityPage,
  ActivityPayload,
  HealthPayload,
  HealthView,
  PreviewTextPayload,
  PreviewTextResult,
  SiteListsView,
  SettingsImpactView,
  OrganizationHealthView,
  ParkedItemsView,
  RetryParkedItemPayload,
  RetryParkedItemResult,
  SweepPreviewPayload,
  SweepPreviewView,
} from './admin-views';
import type { PageReadsNeeded, PageReadsPayload } from './page-reads';
import type { PanelView } from './panel-view';
import type { EscalatePayload, EscalateResult, PortalView, RenewEstimateResult } from './portal-view';
import type { PlatformChecksView } from './platform-checks';
import type { SaveSettingsPayload, SaveSettingsResult, SettingsView } from './settings';

export type * from './common';
export type * from './panel-view';
export type * from './page-reads';
export type * from './settings';
export type * from './admin-views';
export type * from './portal-view';
export type * from './platform-checks';

/**
 * Every resolver the Custom UI calls: its key, payload and result. `src/entry` defines exactly these keys and
 * `static/<app>/src/api.ts` is typed by them, so a renamed key or changed shape fails to compile on both sides.
 *
 * The ticket and project come from the trusted Forge context (`context.extension.issue`), never from the
 * payload. Admin resolvers check first that the caller is a Jira administrator and answer `FORBIDDEN` otherwise.
 */
interface ResolverContract {
  /**
   * Issue panel: everything the panel shows. The page reads Jira as the user (`requestJira`) and hands the
   * answers over; the resolver answers with the reads it still needs, or with the view.
   */
  getPanel: { payload: PageReadsPayload; result: PanelView | PageReadsNeeded };
  /**
   * Admin: current settings, site projects and the message catalogue; the page reads the service desks as the
   * admin and hands the answer over, as for `getPanel`.
   */
  getSettings: { payload: PageReadsPayload; result: SettingsView | PageReadsNeeded };
  /** Admin: validate and save; validation errors are a result, not a {@link ResolverError}. */
  saveSettings: { payload: SaveSettingsPayload; result: SaveSettingsResult };
  /** Admin: render a message template with sample parameters. */
  previewText: { payload: PreviewTextPayload; result: PreviewTextResult };
  /** Admin: check the configured names against the site. */
  getHealth: { payload: HealthPayload; result: HealthView | PageReadsNeeded };
  /**
   * Admin: the names the site knows (types, statuses, fields, organizations, priorities) for the pickers; the page
   * reads them as the admin and hands the answers over, as for `getPanel`.
   */
  getSiteCatalog: { payload: PageReadsPayload; result: SiteListsView | PageReadsNeeded };
  /** Admin: the site's organizations without a region or language (their tickets use the fallbacks). */
  getOrganizationHealth: { payload: PageReadsPayload; result: OrganizationHealthView | PageReadsNeeded };
  /** Admin: what a settings change would do to the open tickets' timers, before saving it. */
  previewSettingsImpact: { payload: SaveSettingsPayload; result: SettingsImpactView };
  /** Admin: what the next sweep would remind or close. */
  previewSweep: { payload: SweepPreviewPayload; result: SweepPreviewView };
  /** Admin: the audit log, newest first, paged by cursor. */
  getActivity: { payload: ActivityPayload; result: ActivityPage };
  /**
   * Customer portal (own function, customers allowed): what happens next on the request. The page reads the
   * customer request as the user (`requestJira`) and hands the answers over, as for `getPanel`.
   */
  getPortal: { payload: PageReadsPayload; result: PortalView | PageReadsNeeded };
  /** Customer portal: raise the request one level on the escalation ladder. */
  escalate: { payload: EscalatePayload; result: EscalateResult };
  /** Customer portal: ask for a new estimate after the Customisation estimate expired. */
  renewEstimate: { payload: Record<string, never>; result: RenewEstimateResult };
  /** Admin: run the self-checks on the installed site; a failure holds automation in dry run. */
  runPlatformChecks: { payload: Record<string, never>; result: PlatformChecksView };
  /** Admin: tickets and queued work set aside after failing repeatedly, with why and when. */
  getParkedItems: { payload: Record<string, never>; result: ParkedItemsView };
  /** Admin: take one item out of the parking; the next sweep (a ticket) or a fresh queue delivery runs it. */
  retryParkedItem: { payload: RetryParkedItemPayload; result: RetryParkedItemResult };
}

export type ResolverKey = keyof ResolverContract;
export type PayloadOf<K extends ResolverKey> = ResolverContract[K]['payload'];
export type ResultOf<K extends ResolverKey> = ResolverContract[K]['result'];

/**
 * An expected failure. `FORBIDDEN`: caller is not allowed (admin resolvers: not a Jira administrator);
 * `INVALID`: the payload failed validation; `NOT_FOUND`: the ticket or project is gone; `RATE_LIMITED`: Jira
 * limited the app's requests (`retryAfterSeconds` says when to try again); `UPSTREAM`: Jira answered with an
 * error or not in time; `INTERNAL`: a bug. `message` is for logs and the UI's detail line
 * and never contains personal data.
 */
export interface ResolverError {
  code: 'FORBIDDEN' | 'INVALID' | 'NOT_FOUND' | 'RATE_LIMITED' | 'UPSTREAM' | 'INTERNAL';
  message: string;
  /** With `RATE_LIMITED`: Jira's Retry-After, in seconds. */
  retryAfterSeconds?: number;
}

/**
 * What a resolver function actually returns over the bridge. Forge turns a thrown error into an opaque
 * rejection, so expected failures travel as data: `{ data }` on success, `{ error }` otherwise.
 */
export type ResolverResponse<K extends ResolverKey> = { data: ResultOf<K> } | { error: ResolverError };

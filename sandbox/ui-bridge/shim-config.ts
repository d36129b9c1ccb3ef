/** The id of the JSON data block that carries the {@link ShimConfig} into the page, before the shim script. */
export const SHIM_CONFIG_ID = 'forge-shim-config';

/**
 * What the embedding page tells the bridge shim about the user and the module it renders. The local server
 * writes it into the page as a JSON data block before the shim script (see `injectShim`); the shim keeps it as
 * `window.__FORGE_SHIM_CONFIG__`.
 */
export interface ShimConfig {
  /** Manifest module key, e.g. `process-panel` or `process-admin`. */
  moduleKey: string;
  accountId: string;
  /** Forge locale code such as `de-DE` or `en-US`. */
  locale: string;
  /** IANA time zone of the user; `browser` for the zone the viewer's browser runs in (the local site). */
  timezone: string;
  theme: 'light' | 'dark';
  /** Base URL for links such as `/browse/KEY`; defaults to the top window's origin. */
  siteUrl?: string;
  cloudId?: string;
  /** The module's extension context, e.g. `{ type: 'jira:issueContext', issue: {...}, project: {...} }`. */
  extension: ShimExtension;
  /** Override the local server's endpoints (defaults `/api/invoke` and `/api/request-jira`). */
  endpoints?: { invoke?: string; requestJira?: string };
  /**
   * Names the context the server minted for this page, as Forge's context token does: a server that issued one
   * takes the user and the extension from it and ignores what the page sends.
   */
  contextToken?: string;
  /** The module renders in a modal dialog the host opened (a portal request view action): `view.close()` closes it. */
  modal?: boolean;
}

export type ShimExtension =
  | {
      type: 'jira:issueContext';
      issue: { key: string; id: string; type: string; typeId?: string };
      project: { key: string; id: string; type: string };
    }
  | { type: 'jira:adminPage' }
  | {
      type:
        'jiraServiceManagement:portalRequestDetailPanel' | 'jiraServiceManagement:portalRequestViewAction';
      /** The service desk the portal belongs to. */
      portal: { id: number };
      request: { key: string; typeId: number };
      /** The full URL of the host page. */
      location: string;
    };

/** Messages the shim posts to `window.parent` when it runs inside an iframe. */
export type ShimToParentMessage =
  | { type: 'forge-shim:resize'; height: number }
  | { type: 'forge-shim:navigate'; url: string; newTab: boolean }
  /** `view.close()` in a modal: the host closes the dialog the frame sits in. */
  | { type: 'forge-shim:close' }
  /** `events.emit(event, payload)`: the host relays it to the app's other frames on the page. */
  | { type: 'forge-shim:emit'; event: string; payload: unknown };

/** Messages the embedding page may post into the iframe. */
export type ParentToShimMessage =
  | { type: 'forge-shim:set-theme'; colorMode: 'light' | 'dark' }
  /** An event another frame of the app emitted (`events.on`). */
  | { type: 'forge-shim:event'; event: string; payload: unknown };

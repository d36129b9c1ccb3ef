/**
 * Reads the resolver asks the page to make with `@forge/bridge` `requestJira`, as the user (decision 0018).
 * The page makes them and calls the resolver again with every answer so far, until the resolver returns the
 * view. Every read is a GET, or a search sent as POST; the resolver checks each answer against the trusted
 * Forge context and uses it only for what that same user is shown.
 */
export interface PageRead {
  /** Names the read in {@link PageReadsPayload.answers}. */
  id: string;
  method: 'GET' | 'POST';
  /** REST path with its query, e.g. `/rest/api/3/issue/SD-1?fields=status`. */
  path: string;
  /** JSON body of a search sent as POST. */
  body?: string;
}

/** The resolver's answer while it still needs reads. */
export interface PageReadsNeeded {
  view: 'reads';
  reads: PageRead[];
}

/** Jira's answer to one read, as `requestJira` returned it. */
export interface PageReadAnswer {
  status: number;
  /** The response body as text. */
  body: string;
  /** Jira's rate-limit headers (`X-RateLimit-*`, `RateLimit-*`, `Retry-After`), logged like the backend's. */
  headers?: Record<string, string>;
}

/** What the page hands the resolver: the answers so far, by read id. */
export interface PageReadsPayload {
  answers?: Record<string, PageReadAnswer>;
}

import type { ResolverError } from '../../../src/contract/resolvers';

/**
 * A failed resolver call as the UI sees it: the server's {@link ResolverError}, or `INTERNAL` when the bridge
 * itself failed (network, host, an exception in the resolver that Forge turned into an opaque rejection).
 */
export class ResolverFailure extends Error {
  readonly code: ResolverError['code'];
  /** With `RATE_LIMITED`: when Jira allows the next try, in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(error: ResolverError) {
    super(error.message);
    this.name = 'ResolverFailure';
    this.code = error.code;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }

  /** Wrap anything thrown by a bridge call. */
  static from(thrown: unknown): ResolverFailure {
    if (thrown instanceof ResolverFailure) return thrown;
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return new ResolverFailure({ code: 'INTERNAL', message });
  }
}

/** Unwrap a `{ data } | { error }` resolver response (see `ResolverResponse` in the contract). */
export function unwrapResponse<T>(response: { data: T } | { error: ResolverError } | null | undefined): T {
  if (response && typeof response === 'object') {
    if ('error' in response) throw new ResolverFailure(response.error);
    if ('data' in response) return response.data;
  }
  throw new ResolverFailure({ code: 'INTERNAL', message: 'The resolver returned an unexpected shape.' });
}

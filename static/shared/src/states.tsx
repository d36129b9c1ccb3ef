import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, type ReactNode } from 'react';
import type { ResolverFailure } from './resolver-failure';
import type { Resource } from './use-resource';

/** Centered spinner with a label for screen readers; `aria-busy` marks the region as loading. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div
      role="status"
      aria-busy="true"
      style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.200') }}
    >
      <Spinner size="medium" label={label} />
      <span aria-hidden="true" style={{ color: token('color.text.subtle') }}>
        {label}
      </span>
    </div>
  );
}

/** Texts the error state needs, from the app's catalogue. */
export interface ErrorTexts {
  title: string;
  forbidden: string;
  notFound: string;
  upstream: string;
  /** Jira limited the app's requests; the view retries by itself after `seconds`. */
  rateLimited: (seconds: number) => string;
  generic: string;
  retry: string;
}

/** How long a rate-limited view waits before it retries by itself: Jira's Retry-After, 1 to 60 seconds. */
function retryDelaySeconds(failure: ResolverFailure): number {
  return Math.min(60, Math.max(1, Math.ceil(failure.retryAfterSeconds ?? 5)));
}

/**
 * A failed load: a specific sentence per error code, the server's message as detail (it never holds personal
 * data, see `ResolverError`), and a retry button except for FORBIDDEN where retrying cannot help.
 */
export function ErrorState({
  failure,
  texts,
  onRetry,
}: {
  failure: ResolverFailure;
  texts: ErrorTexts;
  onRetry: () => void;
}) {
  const rateLimited = failure.code === 'RATE_LIMITED';
  useEffect(() => {
    if (!rateLimited) return undefined;
    const timer = setTimeout(onRetry, retryDelaySeconds(failure) * 1000);
    return () => clearTimeout(timer);
  }, [rateLimited, failure, onRetry]);
  const sentence =
    failure.code === 'FORBIDDEN'
      ? texts.forbidden
      : failure.code === 'NOT_FOUND'
        ? texts.notFound
        : rateLimited
          ? texts.rateLimited(retryDelaySeconds(failure))
          : failure.code === 'UPSTREAM'
            ? texts.upstream
            : texts.generic;
  return (
    <div role="alert">
      <SectionMessage
        appearance={failure.code === 'FORBIDDEN' || rateLimited ? 'warning' : 'error'}
        title={texts.title}
        actions={
          failure.code === 'FORBIDDEN' ? undefined : (
            <Button appearance="subtle" onClick={onRetry}>
              {texts.retry}
            </Button>
          )
        }
      >
        <p style={{ margin: 0 }}>{sentence}</p>
        {failure.code !== 'FORBIDDEN' && !rateLimited && failure.message ? (
          <p style={{ margin: `${token('space.100')} 0 0`, color: token('color.text.subtle') }}>
            <small>{failure.message}</small>
          </p>
        ) : null}
      </SectionMessage>
    </div>
  );
}

/**
 * A resource that is not there yet: the loading state, or the error state with a retry that loads it again.
 * `texts` is the app's catalogue (its `loading` label and `error` texts).
 */
export function PendingState({
  resource,
  texts,
  onRetry,
}: {
  resource: Exclude<Resource<unknown>, { status: 'ready' }>;
  texts: { loading: string; error: ErrorTexts };
  onRetry: () => void;
}) {
  if (resource.status === 'loading') return <LoadingState label={texts.loading} />;
  return <ErrorState failure={resource.failure} texts={texts.error} onRetry={onRetry} />;
}

/** Nothing to show, said plainly. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div style={{ padding: token('space.200'), textAlign: 'center', color: token('color.text.subtle') }}>
      <p style={{ margin: 0, font: token('font.heading.xsmall'), color: token('color.text') }}>{title}</p>
      {children ? <div style={{ marginTop: token('space.100') }}>{children}</div> : null}
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { ResolverFailure } from './resolver-failure';

/** The three states every async view renders (STYLE.md §8), plus the loaded value. */
export type Resource<T> =
  { status: 'loading' } | { status: 'error'; failure: ResolverFailure } | { status: 'ready'; value: T };

/**
 * Load `fetcher()` on mount and whenever `deps` change; `reload()` fetches again. A response that arrives after
 * a newer request started (or after unmount) is dropped, so a slow answer never overwrites a fresh one.
 */
export function useResource<T>(
  fetcher: () => Promise<T>,
  deps: readonly unknown[],
): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const generation = useRef(0);
  const run = useCallback(fetcher, deps);

  const load = useCallback(() => {
    const current = ++generation.current;
    setState({ status: 'loading' });
    run().then(
      (value) => {
        if (current === generation.current) setState({ status: 'ready', value });
      },
      (thrown: unknown) => {
        if (current === generation.current)
          setState({ status: 'error', failure: ResolverFailure.from(thrown) });
      },
    );
  }, [run]);

  useEffect(() => {
    load();
    return () => {
      generation.current++;
    };
  }, [load]);

  return [state, load];
}

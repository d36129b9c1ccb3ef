import { useState } from 'react';
import { ResolverFailure } from '../../shared/src/resolver-failure';

/**
 * One resolver call a dialog submits: busy while it runs, the failure when it fails (cleared on the next try),
 * and the answer handed to `done`.
 */
export function useSubmission<T>() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ResolverFailure | null>(null);
  const run = (call: () => Promise<T>, done: (answer: T) => void) => {
    setBusy(true);
    setFailure(null);
    call().then(
      (answer) => {
        done(answer);
        setBusy(false);
      },
      (thrown: unknown) => {
        setFailure(ResolverFailure.from(thrown));
        setBusy(false);
      },
    );
  };
  return { busy, failure, clearFailure: () => setFailure(null), run };
}

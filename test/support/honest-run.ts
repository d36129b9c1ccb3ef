/**
 * Every integration test fails on any failed invocation and on any request or response that breaks Jira's
 * OpenAPI spec, whatever the app did with it. The shared harnesses register their host and site here; the
 * `afterEach` in `test/support/jest-setup.ts` then asserts, for every test, that no invocation ended in an error
 * or a timeout and that the site saw no spec violation. A test that kills invocations on purpose says so, with
 * the text of the failures it expects.
 */
import type { ForgeHost } from '../../sandbox/forge/host';
import type { InvocationRecord } from '../../sandbox/forge/invocation';

/** What the guard needs of the Jira side: the spec violations it recorded. */
export interface ViolationSource {
  readonly specViolations: readonly string[];
}

interface Watch {
  readonly host: ForgeHost;
  readonly site: ViolationSource | undefined;
  readonly failures: string[];
  violationsSeen: number;
  expected: RegExp[];
  stop: () => void;
}

const watches: Watch[] = [];

const failed = (r: InvocationRecord) => r.outcome === 'error' || r.outcome === 'timeout';

/** Watches `host` (and `site`'s spec violations) until the end of the test file. */
export function guardRun(host: ForgeHost, site?: ViolationSource): void {
  const watch: Watch = {
    host,
    site,
    failures: [],
    violationsSeen: site?.specViolations.length ?? 0,
    expected: [],
    stop: () => undefined,
  };
  watch.stop = host.onInvocation((record) => {
    if (failed(record))
      watch.failures.push(`${record.moduleKey} (${record.kind}): ${record.error ?? record.outcome}`);
  });
  watches.push(watch);
}

/**
 * Declares, for the current test only, failed invocations it causes on purpose (a simulated kill): failures
 * whose text matches `pattern` are allowed. At least one must happen, or the test fails.
 */
export function expectFailedInvocations(host: ForgeHost, pattern: RegExp): void {
  const watch = watches.find((w) => w.host === host);
  if (!watch) throw new Error('expectFailedInvocations: this host is not guarded (guardRun)');
  watch.expected.push(pattern);
}

/** The problems of the test that just ended; resets the per-test state. */
export function takeRunProblems(): string[] {
  const problems: string[] = [];
  for (const watch of watches) {
    const unexpected = watch.failures.filter((f) => !watch.expected.some((p) => p.test(f)));
    problems.push(...unexpected.map((f) => `failed invocation: ${f}`));
    for (const pattern of watch.expected)
      if (!watch.failures.some((f) => pattern.test(f)))
        problems.push(`expected a failed invocation matching ${String(pattern)}, none happened`);
    const violations = watch.site?.specViolations.slice(watch.violationsSeen) ?? [];
    problems.push(...violations.map((v) => `OpenAPI violation: ${v}`));
    watch.violationsSeen = watch.site?.specViolations.length ?? 0;
    watch.failures.length = 0;
    watch.expected = [];
  }
  return problems;
}

/** Forgets every watched host (end of a test file). */
export function releaseRuns(): void {
  for (const watch of watches.splice(0)) watch.stop();
}

import type { InvocationRunner } from './invocation';

export interface RuntimeIds {
  appId: string;
  environmentId: string;
  installationId: string;
  scopes: string[];
}

const noopMetric = { incr: () => undefined, decr: () => undefined, set: () => undefined };
const noopTimer = { stop: () => undefined };

/**
 * `global.__forge_runtime__` as `@forge/api` reads it: no-op `metrics`, and `appContext` / `lambdaContext`
 * computed per read from the current invocation, so concurrent invocations each see their own module key,
 * invocation id and remaining time (`getAppContext()`, `invocationRemainingTimeInMillis()`).
 */
export function createForgeRuntime(runner: InvocationRunner, ids: RuntimeIds): Record<string, unknown> {
  return {
    proxy: { token: 'local-forge-host', url: 'http://localhost' },
    tracing: { traceId: '0000000000000000', spanId: '0000000000000000' },
    // Backend i18n reads a bundle that `forge deploy` builds; it is not available locally.
    container: {},
    metrics: {
      counter: () => noopMetric,
      gauge: () => noopMetric,
      timing: () => ({ measure: () => noopTimer }),
    },
    get appContext() {
      const scope = runner.current();
      return {
        appId: ids.appId,
        appVersion: '1.0.0',
        environmentId: ids.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: scope?.record.id,
        installationId: ids.installationId,
        moduleKey: scope?.record.moduleKey,
        license: undefined,
        permissions: { scopes: ids.scopes, external: {} },
      };
    },
    get lambdaContext() {
      const scope = runner.current();
      return { getRemainingTimeInMillis: () => (scope ? runner.remainingMs(scope) : 0) };
    },
  };
}

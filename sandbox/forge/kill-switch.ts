import type { InvocationKind, InvocationScope } from './invocation';
import { SeededRandom } from './random';

/** Which successful app writes may be followed by the invocation's death. */
export type WriteTarget = 'jira' | 'kvs';

/**
 * Crash injection: right after a write of the app succeeded (a Jira write answered 2xx, or a KVS write), the
 * invocation dies before the app hears the answer. Deterministic by `seed`.
 */
export interface KillConfig {
  /**
   * The probability of death: per successful write (`per: 'write'`, the default), or per invocation
   * (`per: 'invocation'`: drawn once, at the invocation's first successful write, and a doomed invocation dies
   * right after that write).
   */
  rate: number;
  per?: 'write' | 'invocation';
  seed?: number;
  /** Default: both. */
  targets?: readonly WriteTarget[];
  /** Default: every background kind (scheduled, product trigger, queue consumer); resolvers never. */
  kinds?: readonly InvocationKind[];
}

/** Kills so far, per write target and invocation kind. */
export type KillCounts = Record<WriteTarget, number> & Partial<Record<InvocationKind, number>>;

const KVS_WRITES = /^\/api\/v1\/(set|delete|batch\/set|transaction|entity\/set|entity\/delete|secret\/set)$/;
/** POSTs that only read (searches, bulk fetches, expression evaluation). */
const READ_POSTS = /\/(search|bulkfetch|expression|picker)(\/|$|\?)/;

/** Whether a platform call is a write of the app that succeeded. */
function isSuccessfulWrite(target: WriteTarget, method: string, path: string, status: number): boolean {
  if (status < 200 || status >= 300) return false;
  if (target === 'kvs') return KVS_WRITES.test(path.split('?')[0] ?? path);
  return method !== 'GET' && !READ_POSTS.test(path);
}

/** The host's crash injector (see {@link KillConfig}); off until configured. */
export class KillSwitch {
  private config: KillConfig = { rate: 0 };
  private random = new SeededRandom(1);
  /** Invocations whose dice were cast (`per: 'invocation'`). */
  private decided = new WeakSet<InvocationScope>();
  readonly counts: KillCounts = { jira: 0, kvs: 0 };

  configure(config: KillConfig): void {
    this.config = config;
    this.random = new SeededRandom(config.seed ?? 1);
    this.decided = new WeakSet();
  }

  /**
   * Called after every platform call of an invocation; kills it (see `InvocationScope.kill`) when the dice say
   * so. Returns whether it did: the caller then must not hand the answer to the app.
   */
  afterCall(
    scope: InvocationScope | undefined,
    target: WriteTarget,
    method: string,
    path: string,
    status: number,
  ): boolean {
    const {
      rate,
      per = 'write',
      targets = ['jira', 'kvs'],
      kinds = ['scheduled', 'product-trigger', 'consumer'],
    } = this.config;
    if (!scope || rate <= 0 || scope.expired) return false;
    if (!targets.includes(target) || !kinds.includes(scope.record.kind)) return false;
    if (!isSuccessfulWrite(target, method, path, status)) return false;
    if (per === 'invocation') {
      if (this.decided.has(scope)) return false;
      this.decided.add(scope);
    }
    if (this.random.next() >= rate) return false;
    this.counts[target]++;
    this.counts[scope.record.kind] = (this.counts[scope.record.kind] ?? 0) + 1;
    scope.kill(`killed after a successful ${target} write (${method} ${path.split('?')[0] ?? path})`);
    return true;
  }
}

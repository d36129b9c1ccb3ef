import type { InvocationKind, InvocationScope } from '../../../sandbox/forge/invocation';
import { KillSwitch, type KillConfig } from '../../../sandbox/forge/kill-switch';

/** A scope that records its death and refuses further calls, as the host's does. */
function scope(kind: InvocationKind = 'consumer') {
  const s = {
    record: { kind },
    deadline: Infinity,
    simulatedMs: 0,
    spend: () => undefined,
    expired: false,
    deaths: [] as string[],
    kill(reason: string) {
      s.deaths.push(reason);
      s.expired = true;
    },
  };
  return s as typeof s & InvocationScope;
}

/** Runs `invocations` invocations of `writes` successful Jira writes each; the write (1-based) each died after. */
function run(config: KillConfig, invocations: number, writes: number): (number | undefined)[] {
  const kills = new KillSwitch();
  kills.configure(config);
  return Array.from({ length: invocations }, () => {
    const s = scope();
    for (let write = 1; write <= writes; write++) {
      if (s.expired) break;
      kills.afterCall(s, 'jira', 'GET', '/rest/api/3/issue/SD-1', 200);
      if (kills.afterCall(s, 'jira', 'PUT', '/rest/api/3/issue/SD-1', 204)) return write;
    }
    return undefined;
  });
}

describe('the kill switch: deaths right after a successful write, per write or per invocation', () => {
  it('per write: every write of a long invocation risks its death, so most die before their eighth write', () => {
    const deaths = run({ rate: 0.1, seed: 3 }, 1000, 8);
    const died = deaths.filter((d) => d !== undefined).length;
    // 1 − 0.9⁸ ≈ 57 % of the invocations die.
    expect(died).toBeGreaterThan(520);
    expect(died).toBeLessThan(620);
    expect(deaths.some((d) => d !== undefined && d > 1)).toBe(true);
  });

  it('per invocation: about one in ten dies, always right after its first write, never later', () => {
    const deaths = run({ rate: 0.1, per: 'invocation', seed: 3 }, 1000, 8);
    const died = deaths.filter((d) => d !== undefined);
    expect(died.length).toBeGreaterThan(75);
    expect(died.length).toBeLessThan(125);
    expect(new Set(died)).toEqual(new Set([1]));
  });

  it('a read, a failed write or an invocation of another kind never dies; the counts say what died', () => {
    const kills = new KillSwitch();
    kills.configure({ rate: 1, per: 'invocation', kinds: ['consumer'] });
    const reader = scope();
    expect(kills.afterCall(reader, 'jira', 'GET', '/rest/api/3/issue/SD-1', 200)).toBe(false);
    expect(kills.afterCall(reader, 'jira', 'POST', '/rest/api/3/search/jql', 200)).toBe(false);
    expect(kills.afterCall(reader, 'jira', 'PUT', '/rest/api/3/issue/SD-1', 409)).toBe(false);
    expect(kills.afterCall(scope('resolver'), 'jira', 'PUT', '/rest/api/3/issue/SD-1', 204)).toBe(false);
    expect(kills.afterCall(reader, 'kvs', 'POST', '/api/v1/set', 200)).toBe(true);
    expect(reader.deaths).toEqual(['killed after a successful kvs write (POST /api/v1/set)']);
    expect(kills.counts).toEqual({ jira: 0, kvs: 1, consumer: 1 });
  });
});

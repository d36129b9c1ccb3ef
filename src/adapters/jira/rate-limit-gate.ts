import { getAppContext } from '@forge/api';
import { rateLimitHold, type RateLimitAnswer, type RateLimitScope } from '../../domain/rate-limit-hold';

/** One call as the gate sees it: the endpoint it hits and, for a write, the issue it writes to. */
export interface GatedCall {
  operation: string;
  /** The issue a write is addressed to; undefined for reads and for writes not addressed to one issue. */
  issue: string | undefined;
}

export interface ActiveHold {
  scope: RateLimitScope;
  until: Date;
  reason: string | undefined;
}

interface InstallationHolds {
  installation?: ActiveHold;
  endpoints: Map<string, ActiveHold>;
  issues: Map<string, ActiveHold>;
}

/**
 * The rate-limit holds of every installation this process has served. Forge may reuse a warm process for another
 * installation, so holds are kept per installation: a spent pool on one site never pauses another site's calls.
 */
export class RateLimitGate {
  private readonly holds = new Map<string, InstallationHolds>();

  /** The hold that keeps `call` from Jira at `now`, if any. Expired holds are forgotten. */
  blocking(installation: string, call: GatedCall, now: Date): ActiveHold | undefined {
    const holds = this.holds.get(installation);
    if (!holds) return undefined;
    if (holds.installation && holds.installation.until <= now) delete holds.installation;
    forgetExpired(holds.endpoints, now);
    forgetExpired(holds.issues, now);
    return (
      holds.installation ??
      holds.endpoints.get(call.operation) ??
      (call.issue === undefined ? undefined : holds.issues.get(call.issue))
    );
  }

  /** Takes over a quota pause another process recorded (read from storage at the start of an invocation). */
  restore(installation: string, hold: ActiveHold): void {
    const holds = this.holdsOf(installation);
    holds.installation = later(holds.installation, hold);
  }

  /** Forgets everything about `installation`, as a new process knows nothing (tests model a cold start). */
  forget(installation: string): void {
    this.holds.delete(installation);
  }

  /** Records the hold a 429 places on the installation's further calls and returns it. */
  record(
    installation: string,
    call: GatedCall,
    answer: Omit<RateLimitAnswer, 'issue'>,
    now: Date,
  ): ActiveHold {
    const hold = { ...rateLimitHold({ ...answer, issue: call.issue }, now), reason: answer.reason };
    const holds = this.holdsOf(installation);
    if (hold.scope === 'installation') holds.installation = later(holds.installation, hold);
    else if (hold.scope === 'endpoint')
      holds.endpoints.set(call.operation, later(holds.endpoints.get(call.operation), hold));
    else if (call.issue !== undefined)
      holds.issues.set(call.issue, later(holds.issues.get(call.issue), hold));
    return hold;
  }

  private holdsOf(installation: string): InstallationHolds {
    let holds = this.holds.get(installation);
    if (!holds) {
      holds = { endpoints: new Map(), issues: new Map() };
      this.holds.set(installation, holds);
    }
    return holds;
  }
}

function later(current: ActiveHold | undefined, next: ActiveHold): ActiveHold {
  return current && current.until > next.until ? current : next;
}

function forgetExpired(holds: Map<string, ActiveHold>, now: Date): void {
  for (const [key, hold] of holds) if (hold.until <= now) holds.delete(key);
}

/** The gate shared by every client of this process. */
export const processRateLimitGate = new RateLimitGate();

/** The installation the current invocation runs for, from the Forge runtime. */
export function currentInstallation(): string {
  return getAppContext().installationAri.installationId;
}

const ISSUE_PATH = /^\/rest\/api\/3\/issue\/([^/?]+)/;

/** The issue a write is addressed to (`/rest/api/3/issue/{idOrKey}/…`), for per-issue holds. */
export function issueOfWrite(method: string, path: string): string | undefined {
  if (method === 'GET') return undefined;
  const match = ISSUE_PATH.exec(path);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

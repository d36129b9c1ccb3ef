import { QuotaPool, RateLimiter, pointCost } from '../../../../sandbox/jira/limits';

const T0 = Date.parse('2026-11-27T10:15:00Z');
const at = (ms: number) => new Date(T0 + ms);
const search = (ms: number, objectsReturned = 0) => ({
  operationId: 'searchAndReconsileIssuesUsingJqlPost',
  method: 'POST',
  objectsReturned,
  at: at(ms),
});
const transition = (ms: number, issueKey = 'SD-1') => ({
  operationId: 'doTransition',
  method: 'POST',
  issueKey,
  objectsReturned: 0,
  at: at(ms),
});

describe('point cost', () => {
  it.each([
    ['GET', 'getIssue', 1, 2],
    ['POST', 'searchAndReconsileIssuesUsingJqlPost', 50, 51],
    ['POST', 'bulkFetchIssues', 100, 101],
    ['POST', 'doTransition', 0, 1],
    ['PUT', 'setIssueProperty', 1, 1],
    ['POST', 'createRequestComment', 1, 1],
  ])('%s %s returning %i objects costs %i', (method, op, objects, expected) => {
    expect(pointCost(method, op, objects)).toBe(expected);
  });
});

describe('RateLimiter', () => {
  it('charges points and reports them in the snapshot', () => {
    const limiter = new RateLimiter();
    expect(limiter.charge(search(0, 50))).toMatchObject({ allowed: true, points: 51 });
    expect(limiter.charge(transition(10))).toMatchObject({ allowed: true, points: 1 });
    expect(limiter.snapshot()).toEqual({ pointsThisHour: 52, requests: 2 });
  });

  it('refuses once the hourly quota is spent, until the next clock hour', () => {
    const limiter = new RateLimiter({ hourlyPoints: 100 });
    expect(limiter.charge(search(0, 60)).allowed).toBe(true);
    // 61 points used: still under the quota, so this read is admitted and overshoots (tolerated overage).
    expect(limiter.charge(search(1_000, 60)).allowed).toBe(true);
    const refused = limiter.charge(search(2_000, 1));
    expect(refused).toMatchObject({ allowed: false, reason: 'jira-quota-global-based' });
    if (refused.allowed) throw new Error('expected a refusal');
    // 10:15:02 → reset at 11:00:00 = 44 min 58 s.
    expect(refused.retryAfterSeconds).toBe(2_698);
    expect(refused.headers).toEqual({
      'Retry-After': '2698',
      'RateLimit-Reason': 'jira-quota-global-based',
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      // The request time plus Retry-After, at minute precision.
      'X-RateLimit-Reset': '2026-11-27T11:00Z',
      'X-RateLimit-NearLimit': 'true',
      'Beta-RateLimit-Policy': '"global-app-quota";q=100;w=3600',
      'Beta-RateLimit': '"global-app-quota";r=0;t=2698',
    });
    expect(limiter.snapshot().pointsThisHour).toBe(122);

    const nextHour = Date.parse('2026-11-27T11:00:00Z') - T0;
    expect(limiter.charge(search(nextHour, 1))).toMatchObject({ allowed: true, points: 2 });
    expect(limiter.snapshot()).toEqual({ pointsThisHour: 2, requests: 3 });
  });

  it('limits bursts per operation with a token bucket that refills over time', () => {
    const limiter = new RateLimiter({ burstPerSecond: { read: 5, write: 2 } });
    for (let i = 0; i < 5; i++) expect(limiter.charge(search(0)).allowed).toBe(true);
    const refused = limiter.charge(search(0));
    expect(refused).toMatchObject({ allowed: false, reason: 'jira-burst-based', retryAfterSeconds: 1 });
    // Another operation has its own bucket.
    expect(
      limiter.charge({ operationId: 'getIssue', method: 'GET', objectsReturned: 1, at: at(0) }).allowed,
    ).toBe(true);
    // 200 ms refill one token at 5/s.
    expect(limiter.charge(search(200)).allowed).toBe(true);
    expect(limiter.charge(search(200)).allowed).toBe(false);
  });

  it('gives writes the lower burst rate', () => {
    const limiter = new RateLimiter({ burstPerSecond: { read: 100, write: 2 } });
    expect(limiter.charge(transition(0, 'SD-1')).allowed).toBe(true);
    expect(limiter.charge(transition(0, 'SD-2')).allowed).toBe(true);
    expect(limiter.charge(transition(0, 'SD-3'))).toMatchObject({
      allowed: false,
      reason: 'jira-burst-based',
    });
  });

  it('limits writes to one issue to 20 per 2 s', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 20; i++) expect(limiter.charge(transition(i * 50)).allowed).toBe(true);
    const refused = limiter.charge(transition(1_000));
    expect(refused).toMatchObject({ allowed: false, reason: 'jira-per-issue-on-write' });
    if (refused.allowed) throw new Error('expected a refusal');
    // The first write (t=0) leaves the 2 s window at t=2000: wait 1 s.
    expect(refused.retryAfterSeconds).toBe(1);
    expect(refused.headers['RateLimit-Reason']).toBe('jira-per-issue-on-write');
    // Other issues and reads of the same issue are not affected.
    expect(limiter.charge(transition(1_000, 'SD-2')).allowed).toBe(true);
    expect(
      limiter.charge({
        operationId: 'getIssue',
        method: 'GET',
        issueKey: 'SD-1',
        objectsReturned: 1,
        at: at(1_000),
      }).allowed,
    ).toBe(true);
    expect(limiter.charge(transition(2_000)).allowed).toBe(true);
  });

  it('limits writes to one issue to 100 per 30 s', () => {
    const limiter = new RateLimiter();
    // 20 writes every 2.5 s stay under 20/2 s; after 5 rounds (t = 0..10.0 s) 100 writes are in the 30 s window.
    let t = 0;
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 20; i++) expect(limiter.charge(transition(t + i * 10)).allowed).toBe(true);
      t += 2_500;
    }
    const refused = limiter.charge(transition(t));
    expect(refused).toMatchObject({ allowed: false, reason: 'jira-per-issue-on-write' });
    if (refused.allowed) throw new Error('expected a refusal');
    // The oldest write (t=0) leaves the 30 s window at t=30 000; now t=12 500 → 17.5 s → 18.
    expect(refused.retryAfterSeconds).toBe(18);
    expect(limiter.charge(transition(30_000)).allowed).toBe(true);
  });

  it('does not charge refused requests', () => {
    const limiter = new RateLimiter({ burstPerSecond: { read: 1, write: 1 } });
    limiter.charge(search(0, 10));
    limiter.charge(search(0, 10));
    expect(limiter.snapshot()).toEqual({ pointsThisHour: 11, requests: 1 });
  });

  it('answers an admitted request with the endpoint’s burst scope and the beta quota headers, without a reason', () => {
    const limiter = new RateLimiter({ hourlyPoints: 1000 });
    const ok = limiter.charge(search(0, 9));
    expect(ok.headers).toEqual({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '99',
      'Beta-RateLimit-Policy': '"global-app-quota";q=1000;w=3600',
      // 10:15:00 → 45 minutes to the reset; `r` is left out while the app is well within its limits.
      'Beta-RateLimit': '"global-app-quota";t=2700',
    });
    expect(limiter.charge(search(0)).headers['X-RateLimit-Remaining']).toBe('98');
  });

  it('names the remaining points and NearLimit once less than 20 % of the hour is left', () => {
    const limiter = new RateLimiter({ hourlyPoints: 1000 });
    limiter.charge(search(0, 798));
    expect(limiter.charge(search(1_000)).headers).toMatchObject({
      'Beta-RateLimit': '"global-app-quota";t=2699',
    });
    const near = limiter.charge(search(2_000)).headers;
    // 799 + 1 + 1 = 801 points spent: 199 left, under 200.
    expect(near).toMatchObject({
      'X-RateLimit-NearLimit': 'true',
      'Beta-RateLimit': '"global-app-quota";r=199;t=2698',
    });
    expect(near['RateLimit-Reason']).toBeUndefined();
  });

  it('a burst 429 names its reason, the bucket and when it resets', () => {
    const limiter = new RateLimiter({ burstPerSecond: { read: 2, write: 1 } });
    limiter.charge(search(0));
    limiter.charge(search(0));
    const refused = limiter.charge(search(59_500));
    expect(refused.allowed).toBe(true);
    limiter.charge(search(59_500));
    expect(limiter.charge(search(59_500)).headers).toMatchObject({
      'Retry-After': '1',
      'RateLimit-Reason': 'jira-burst-based',
      'X-RateLimit-Limit': '2',
      'X-RateLimit-Remaining': '0',
      // 10:15:59.5 + 1 s, rounded up to the minute.
      'X-RateLimit-Reset': '2026-11-27T10:17Z',
    });
  });

  it('names the tenant pool beside the app’s when the site has one', () => {
    const limiter = new RateLimiter({ hourlyPoints: 1000, tenantPool: new QuotaPool(50) });
    expect(limiter.charge(search(0, 40)).headers).toMatchObject({
      'Beta-RateLimit-Policy': '"global-app-quota";q=1000;w=3600,"tenant-app-quota";q=50;w=3600',
      'Beta-RateLimit': '"global-app-quota";t=2700,"tenant-app-quota";r=9;t=2700',
      'X-RateLimit-NearLimit': 'true',
    });
  });
});

describe('a per-tenant pool (Tier 2)', () => {
  it("refuses the site's requests with jira-quota-tenant-based once its own pool is spent, until the hour resets", () => {
    const pool = new QuotaPool(1_000);
    const tenant = new RateLimiter({ pool, installation: 'tenant', tenantPool: new QuotaPool(20) });
    const other = new RateLimiter({ pool, installation: 'other' });
    expect(tenant.charge(search(0, 19))).toMatchObject({ allowed: true, points: 20 });
    const refused = tenant.charge(search(100));
    expect(refused).toMatchObject({ allowed: false, reason: 'jira-quota-tenant-based' });
    if (refused.allowed) throw new Error('admitted');
    expect(refused.headers['RateLimit-Reason']).toBe('jira-quota-tenant-based');
    expect(refused.retryAfterSeconds).toBe(45 * 60);
    expect(other.charge(search(100))).toMatchObject({ allowed: true });
    expect(tenant.charge(search(45 * 60_000))).toMatchObject({ allowed: true, points: 1 });
  });
});

describe('one pool for every installation of the app', () => {
  it('an installation that spends the pool makes every other one 429 (quota) until the hour resets', () => {
    const pool = new QuotaPool(100);
    const busy = new RateLimiter({ pool, installation: 'busy' });
    const quiet = new RateLimiter({ pool, installation: 'quiet' });
    expect(quiet.charge(search(0, 9))).toMatchObject({ allowed: true, points: 10 });
    expect(busy.charge(search(100, 89))).toMatchObject({ allowed: true, points: 90 });
    const refused = quiet.charge(search(200));
    expect(refused).toMatchObject({ allowed: false, reason: 'jira-quota-global-based' });
    if (refused.allowed) throw new Error('admitted');
    expect(refused.headers['X-RateLimit-Remaining']).toBe('0');
    // 10:15 + 200 ms → the pool resets at 11:00.
    expect(refused.retryAfterSeconds).toBe(45 * 60);
    expect(busy.snapshot().pointsThisHour).toBe(90);
    expect(quiet.snapshot().pointsThisHour).toBe(10);
    expect(quiet.charge(search(45 * 60_000))).toMatchObject({ allowed: true, points: 1 });
  });

  it('keeps burst and per-issue limits per site: one site at its burst limit does not slow another', () => {
    const pool = new QuotaPool();
    const a = new RateLimiter({ pool, installation: 'a', burstPerSecond: { read: 2, write: 2 } });
    const b = new RateLimiter({ pool, installation: 'b', burstPerSecond: { read: 2, write: 2 } });
    a.charge(search(0));
    a.charge(search(1));
    expect(a.charge(search(2))).toMatchObject({ allowed: false, reason: 'jira-burst-based' });
    expect(b.charge(search(2))).toMatchObject({ allowed: true });
  });
});

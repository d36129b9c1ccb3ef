import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Filter, FilterConditions, kvs, MetadataField, WhereConditions } from '@forge/kvs';

import { KvsApi } from '../../../sandbox/forge/kvs-api';
import { KvsStore } from '../../../sandbox/forge/kvs-store';
import { kvsError, startHost, type Harness } from './harness';

describe('Forge host KVS through the real @forge/kvs', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHost();
  });
  afterEach(() => h.close());

  it('gets, sets (last write wins) and deletes idempotently; missing keys read as undefined', async () => {
    expect(await kvs.get('cfg:rules')).toBeUndefined();
    await kvs.set('cfg:rules', { a: 1 });
    await kvs.set('cfg:rules', { a: 2, list: [1, 'x', null] });
    expect(await kvs.get('cfg:rules')).toEqual({ a: 2, list: [1, 'x', null] });
    await kvs.delete('cfg:rules');
    await kvs.delete('cfg:rules');
    expect(await kvs.get('cfg:rules')).toBeUndefined();
  });

  it('reports metadata: createdAt stays, updatedAt follows the sim clock, expireTime from the TTL', async () => {
    const created = Date.now();
    await kvs.set('k', 1);
    h.clock.advance(5_000);
    await kvs.set('k', 2, { ttl: { value: 1, unit: 'HOURS' } });
    const got = await kvs.get('k', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
    });
    expect(got).toEqual({
      key: 'k',
      value: 2,
      createdAt: created,
      updatedAt: created + 5_000,
      expireTime: new Date(created + 5_000 + 3_600_000).toISOString(),
    });
  });

  it('expires TTL values when the sim clock passes the expiry, not before', async () => {
    await kvs.set('lease:sweep', 'run-1', { ttl: { value: 30, unit: 'SECONDS' } });
    h.clock.advance(29_999);
    expect(await kvs.get('lease:sweep')).toBe('run-1');
    await h.host.advance(1);
    expect(await kvs.get('lease:sweep')).toBeUndefined();
  });

  it('FAIL_IF_EXISTS rejects a second writer with a ForgeKvsAPIError and keeps the first value', async () => {
    await kvs.set('lock:SD-1', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const error = await kvsError(kvs.set('lock:SD-1', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
    // Undocumented answer: by default the strictest reading, a shape no app can have matched by accident.
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.responseDetails.status).toBe(412);
    expect(await kvs.get('lock:SD-1')).toBe('first');
  });

  it('answers a conflict as 409 KEY_CONFLICT when the site is configured so', async () => {
    h.close();
    h = await startHost({ kvsConflict: 'keyConflict' });
    await kvs.set('lock:SD-1', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const error = await kvsError(kvs.set('lock:SD-1', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(error.code).toBe('KEY_CONFLICT');
    expect(error.responseDetails.status).toBe(409);
  });

  it('FAIL_IF_EXISTS lets exactly one of many concurrent writers win', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => kvs.set('lock:race', i, { keyPolicy: 'FAIL_IF_EXISTS' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('FAIL_IF_EXISTS succeeds again once the previous value has expired', async () => {
    await kvs.set('lock:ttl', 'a', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 10, unit: 'SECONDS' } });
    h.clock.advance(10_000);
    await kvs.set('lock:ttl', 'b', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('lock:ttl')).toBe('b');
  });

  it('returnValue PREVIOUS / LATEST answers the old / new value', async () => {
    expect(await kvs.set('counter', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({
      key: 'counter',
      value: 1,
    });
    expect(await kvs.set('counter', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({
      key: 'counter',
      value: 3,
    });
  });

  it.each([
    ['', 'KEY_TOO_SHORT'],
    ['k'.repeat(501), 'KEY_TOO_LONG'],
    ['bad/key', 'INVALID_KEY'],
    ['   ', 'INVALID_KEY'],
  ])('rejects the key %j with %s', async (key, code) => {
    const error = await kvsError(kvs.set(key, 1));
    expect([error.responseDetails.status, error.code]).toEqual([400, code]);
  });

  it('accepts a 500-character key and the documented punctuation', async () => {
    await kvs.set('k'.repeat(500), 1);
    await kvs.set('ticket:SD-1.timer_a #2', 2);
    expect(await kvs.get('ticket:SD-1.timer_a #2')).toBe(2);
  });

  it('rejects values over 240 KiB (MAX_SIZE) and deeper than 32 levels (MAX_DEPTH)', async () => {
    await kvs.set('big-ok', 'x'.repeat(240 * 1024 - 2));
    expect((await kvsError(kvs.set('big', 'x'.repeat(240 * 1024)))).code).toBe('MAX_SIZE');
    let deep: unknown = 1;
    for (let i = 0; i < 33; i++) deep = { d: deep };
    expect((await kvsError(kvs.set('deep', deep))).code).toBe('MAX_DEPTH');
  });

  it('pages a prefix query in key order with cursors, without secrets or other prefixes', async () => {
    for (let i = 24; i >= 0; i--) await kvs.set(`remind:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other:1', 'no');
    await kvs.setSecret('remind:secret', 'hidden');

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('remind:')).limit(10);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `remind:${String(i).padStart(2, '0')}`));
  });

  it('defaults a query page to 10 results and rejects pages over 100', async () => {
    for (let i = 0; i < 12; i++) await kvs.set(`p:${i}`, i);
    const page = await kvs.query().where('key', WhereConditions.beginsWith('p:')).getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect((await kvsError(kvs.query().limit(101).getMany())).responseDetails.status).toBe(400);
  });

  it('stores secrets apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.get('token')).toBeUndefined();
    expect(await kvs.getSecret('token')).toBe('s3cret');
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });

  it('batchSet / batchGet / batchDelete report successes and per-item failures', async () => {
    const set = await kvs.batchSet([
      { key: 'b:1', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 'b:2', value: 2, options: { ttl: { value: 1, unit: 'SECONDS' } } },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'b:1' }, { key: 'b:2' }]);
    expect(set.failedKeys).toEqual([
      { key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } },
    ]);

    const got = await kvs.batchGet([{ key: 'b:1' }, { key: 'b:missing' }]);
    expect(got.successfulKeys).toEqual([expect.objectContaining({ key: 'b:1', value: 1 })]);
    expect(got.failedKeys).toEqual([
      { key: 'b:missing', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) },
    ]);

    const deleted = await kvs.batchDelete([{ key: 'b:1' }, { key: 'b:2' }]);
    expect(deleted.successfulKeys).toHaveLength(2);
    expect(await kvs.get('b:1')).toBeUndefined();
  });

  it('rejects batches of more than 25 items or with a repeated key as a whole', async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ key: `m:${i}`, value: i }));
    expect((await kvsError(kvs.batchSet(many))).responseDetails.status).toBe(400);
    expect(
      (
        await kvsError(
          kvs.batchSet([
            { key: 'd', value: 1 },
            { key: 'd', value: 2 },
          ]),
        )
      ).responseDetails.status,
    ).toBe(400);
    expect(await kvs.get('m:0')).toBeUndefined();
  });

  it('commits a transaction all-or-nothing', async () => {
    await kvs.set('t:old', 'x');
    await kvs.transact().set('t:a', 1).set('t:b', { n: 2 }).delete('t:old').execute();
    expect([await kvs.get('t:a'), await kvs.get('t:b'), await kvs.get('t:old')]).toEqual([
      1,
      { n: 2 },
      undefined,
    ]);

    const failure = await kvsError(
      kvs
        .transact()
        .set('t:c', 3)
        .set('t:d', 'x'.repeat(250 * 1024))
        .delete('t:a')
        .execute(),
    );
    expect(failure.code).toBe('MAX_SIZE');
    expect([await kvs.get('t:c'), await kvs.get('t:a')]).toEqual([undefined, 1]);
  });

  it('limits transactions to 25 operations, each key once', async () => {
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`x:${i}`, i);
    expect((await kvsError(tx.execute())).responseDetails.status).toBe(400);
    expect(
      (await kvsError(kvs.transact().set('same', 1).delete('same').execute())).responseDetails.status,
    ).toBe(400);
    expect(await kvs.get('x:0')).toBeUndefined();
  });

  it('applies transaction conditions on custom entities', async () => {
    await kvs.entity<{ status: string }>('ticket-state').set('SD-1', { status: 'open' });
    const expecting = (status: string) => ({
      entityName: 'ticket-state',
      conditions: new Filter<{ status: string }>().and('status', FilterConditions.equalTo(status)),
    });

    const stale = kvs.transact().set('SD-1', { status: 'closed' }, expecting('waiting'));
    expect((await kvsError(stale.execute())).code).toBe('PRECONDITION_FAILED');
    expect(await kvs.entity('ticket-state').get('SD-1')).toEqual({ status: 'open' });

    await kvs.transact().set('SD-1', { status: 'closed' }, expecting('open')).execute();
    expect(await kvs.entity('ticket-state').get('SD-1')).toEqual({ status: 'closed' });
  });

  it('takes transaction conditions on custom entities only, as the Transaction reference documents', async () => {
    // The builder puts conditions on entity items only; a raw request with conditions on a plain key is refused.
    const service = new KvsApi(new KvsStore());
    expect(
      service.handle(
        '/api/v1/transaction',
        JSON.stringify({
          set: [
            {
              key: 'plain',
              value: 1,
              conditions: { and: [{ property: 'status', condition: 'EXISTS', values: [] }] },
            },
          ],
        }),
      ),
    ).toMatchObject({ status: 400 });
    expect(service.handle('/api/v1/get', JSON.stringify({ key: 'plain' }))).toMatchObject({ status: 404 });
  });

  it('refuses custom entity values the manifest does not declare', async () => {
    const entity = kvs.entity<Record<string, unknown>>('ticket-state');
    await entity.set('ok', { status: 'open', attempts: 2 });
    expect((await kvsError(kvs.entity('undeclared').set('k', { status: 'x' }))).code).toBe('INVALID_ENTITY');
    expect((await kvsError(entity.set('k', { colour: 'red' }))).code).toBe('INVALID_ATTRIBUTE');
    expect((await kvsError(entity.set('k', { attempts: 1.5 }))).code).toBe('INVALID_ATTRIBUTE');
    expect((await kvsError(entity.set('k', { attempts: 2 ** 31 }))).code).toBe('INVALID_ATTRIBUTE');
    expect((await kvsError(entity.set('k', { status: 7 }))).code).toBe('INVALID_ATTRIBUTE');
    expect(
      (await kvsError(kvs.transact().set('k', { colour: 'red' }, { entityName: 'ticket-state' }).execute()))
        .code,
    ).toBe('INVALID_ATTRIBUTE');
    expect(await entity.get('k')).toBeUndefined();
  });

  it('persists to a JSON file and reloads it in a new host', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'forge-kvs-')), 'kvs.json');
    h.close();
    h = await startHost({ kvsFile: file });
    await kvs.set('persisted', { v: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      namespaces: { kvs: { persisted: { value: { v: 1 } } } },
    });
    h.close();
    h = await startHost({ kvsFile: file });
    expect(await kvs.get('persisted')).toEqual({ v: 1 });
  });
});

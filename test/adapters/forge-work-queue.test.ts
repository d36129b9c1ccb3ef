import { chunkForPush } from '../../src/adapters/forge-work-queue';

describe('chunkForPush', () => {
  it('keeps at most 50 events per push', () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ body: { i } }));
    expect(chunkForPush(items).map((c) => c.length)).toEqual([50, 50, 20]);
  });

  it('keeps each push under the 200 KB payload limit', () => {
    const big = 'x'.repeat(30_000);
    const chunks = chunkForPush(Array.from({ length: 10 }, (_, i) => ({ body: { i, big } })));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThan(200_000);
    expect(chunks.flat()).toHaveLength(10);
  });
});

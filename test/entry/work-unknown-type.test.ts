import { Queue } from '@forge/events';
import { startSweepSite, type LocalSite } from '../support/local-site';

describe('queued work of a type no handler has is logged and dropped, even under a prototype name', () => {
  let s: LocalSite | undefined;
  afterEach(() => {
    jest.restoreAllMocks();
    s?.close();
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'sweep.nothing'])(
    'an item of type %s runs no handler and is not retried',
    async (type) => {
      s = await startSweepSite('2026-11-02T08:30:00Z');
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const before = s.host.invocations.length;
      await new Queue({ key: 'process-work' }).push([{ body: { type, projectKey: 'SD' } }]);
      await s.advance(3_600_000);
      const logged = errors.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      expect(logged).toContainEqual(expect.objectContaining({ event: 'work.unknownType', type }));
      const deliveries = s.host.invocations.slice(before).filter((r) => r.kind === 'consumer');
      expect(deliveries).toEqual([expect.objectContaining({ outcome: 'ok' })]);
    },
  );
});

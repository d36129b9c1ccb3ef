import { settleBackgroundWork } from '../../../sandbox/forge/background-work';
import { InvocationRunner } from '../../../sandbox/forge/invocation';
import { ManualRunningTime } from '../../../sandbox/forge/running-time';
import { WorkTracker } from '../../../sandbox/forge/work-tracker';

const spec = { kind: 'scheduled', moduleKey: 'hourly', functionKey: 'sweep', timeoutSeconds: 1 } as const;

/** A handler that goes on until the test lets it end, and the function that lets it end. */
function heldHandler(): { handler: () => Promise<string>; release: () => void; ended: () => boolean } {
  let release = () => undefined as void;
  let ended = false;
  const gate = new Promise<void>((done) => {
    release = done;
  });
  return {
    handler: async () => {
      await gate;
      ended = true;
      return 'done';
    },
    release: () => release(),
    ended: () => ended,
  };
}

describe('what the local platform runs on its own is waited for, so none of it runs after its test', () => {
  it.each([
    [
      'timed out',
      (runner: InvocationRunner, time: ManualRunningTime, h: ReturnType<typeof heldHandler>) => {
        const settled = runner.run(spec, h.handler);
        time.advance(1_000);
        return settled;
      },
    ],
    [
      'killed',
      (runner: InvocationRunner, _time: ManualRunningTime, h: ReturnType<typeof heldHandler>) =>
        runner.run(spec, () => {
          runner.current()?.kill('host lost');
          return h.handler();
        }),
    ],
  ])('a %s handler counts as running until it settles', async (_name, start) => {
    const time = new ManualRunningTime();
    const runner = new InvocationRunner(1, time);
    const held = heldHandler();

    const settled = await start(runner, time, held);
    expect(settled.status).not.toBe('ok');

    expect(await settleBackgroundWork(20)).toBe(1);
    held.release();
    expect(await settleBackgroundWork(1_000)).toBe(0);
    expect(held.ended()).toBe(true);
  });

  it('a delivery started in the background counts as running until it settles', async () => {
    const tracker = new WorkTracker();
    const held = heldHandler();
    tracker.later(held.handler);

    expect(await settleBackgroundWork(20)).toBe(1);
    held.release();
    expect(await settleBackgroundWork(1_000)).toBe(0);
    expect(held.ended()).toBe(true);
  });

  it('a handler that finished in time is not waited for', async () => {
    const runner = new InvocationRunner(1, new ManualRunningTime());
    const settled = await runner.run(spec, async () => 'done');
    expect(settled.status).toBe('ok');
    expect(await settleBackgroundWork(0)).toBe(0);
  });
});

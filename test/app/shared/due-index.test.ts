import type { DueIndexEntry } from '../../../src/app/ports';
import {
  type Announcement,
  announce,
  indexedWrite,
  keepNoState,
  lowerDue,
  noteDecision,
  settle,
} from '../../../src/app/shared/due-index';
import { MemoryDueIndex } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const D = (day: number) => new Date(Date.UTC(2026, 11, day)).toISOString();

/** The ticket's property as Jira holds it: the state value of the last write that landed. */
function property() {
  let value: { nextDueAt?: string } | undefined;
  return {
    write: (d: string | undefined) => async () => void (value = stateDue(d).value),
    get: () => value?.nextDueAt,
    value: () => value,
  };
}

/** The ticket view (Jira's `updated`) every write in these tests was decided from, unless a test says another. */
const VIEW = '2026-11-27T08:59:00.000Z';

/** A written state value with due time `d` (nothing due when undefined), decided from the ticket view `basis`. */
function stateDue(d: string | undefined, basis: string | null = VIEW) {
  return { dueAt: d, value: d === undefined ? {} : { nextDueAt: d }, ...(basis ? { basis } : {}) };
}

/** A ticket view (Jira's `updated`) `s` seconds after 08:00 on the day of NOW. */
const T = (s: number) => new Date(Date.UTC(2026, 10, 27, 8, 0, s)).toISOString();

function entryDue(index: MemoryDueIndex, key = 'SD-1'): string | undefined {
  return index.entries.get(key)?.dueAt;
}

describe('due index writer protocol: the entry is never later than the property', () => {
  it('follows a single writer exactly, both ways, and drops the due time when the timer stops', async () => {
    const index = new MemoryDueIndex();
    const p = property();
    await indexedWrite(index, 'SD-1', stateDue(D(10)), NOW, p.write(D(10)));
    expect(entryDue(index)).toBe(D(10));
    await indexedWrite(index, 'SD-1', stateDue(D(20)), NOW, p.write(D(20)));
    expect(entryDue(index)).toBe(D(20));
    await indexedWrite(index, 'SD-1', stateDue(D(5)), NOW, p.write(D(5)));
    expect(entryDue(index)).toBe(D(5));
    await indexedWrite(index, 'SD-1', stateDue(undefined), NOW, p.write(undefined));
    expect(entryDue(index)).toBeUndefined();
    expect(index.entries.get('SD-1')?.pending).toEqual([]);
  });

  it('gives a ticket with nothing due an entry outside the range, for the state copy only', async () => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(undefined), NOW, async () => undefined);
    expect(entryDue(index)).toBeUndefined();
    expect(index.entries.get('SD-1')?.state).toEqual({});
    expect(await index.dueUntil('SD', D(31), { limit: 10 })).toEqual({ entries: [] });
  });

  it('keeps the earlier time when a write dies after Jira stored it (no settle)', async () => {
    const index = new MemoryDueIndex();
    const p = property();
    await indexedWrite(index, 'SD-1', stateDue(D(20)), NOW, p.write(D(20)));
    await announce(index, 'SD-1', D(5), NOW);
    await p.write(D(5))();
    expect(entryDue(index)).toBe(D(5));
    // A later due time whose write died: the entry stays at the earlier one, early and safe.
    await announce(index, 'SD-1', D(30), NOW);
    await p.write(D(30))();
    expect(entryDue(index)).toBe(D(5));
  });

  it('keeps the earlier time when the write failed in a way that may have landed', async () => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(5)), NOW, async () => undefined);
    await expect(
      indexedWrite(index, 'SD-1', stateDue(D(30)), NOW, async () => {
        throw new Error('timeout');
      }),
    ).rejects.toThrow('timeout');
    expect(entryDue(index)).toBe(D(5));
    expect(index.entries.get('SD-1')?.pending).toEqual([]);
  });

  // Every order of two overlapping writers' steps (announce, Jira write, settle each): whichever Jira write
  // lands last, the entry ends no later than it.
  const steps = ['a1', 'w1', 's1', 'a2', 'w2', 's2'] as const;
  function orders(): string[][] {
    const out: string[][] = [];
    const walk = (done: string[], i1: number, i2: number) => {
      if (i1 === 3 && i2 === 3) return void out.push(done);
      if (i1 < 3) walk([...done, steps[i1] as string], i1 + 1, i2);
      if (i2 < 3) walk([...done, steps[3 + i2] as string], i1, i2 + 1);
    };
    walk([], 0, 0);
    return out;
  }

  it.each(orders().map((o) => [o.join(' ')]))('two writers in the order %s', async (order) => {
    const dues = { 1: D(20), 2: D(8) };
    for (const [first, second] of [
      [dues[1], dues[2]],
      [dues[2], dues[1]],
    ]) {
      const index = new MemoryDueIndex();
      const p = property();
      await indexedWrite(index, 'SD-1', stateDue(D(15)), NOW, p.write(D(15)));
      const due = { '1': first, '2': second };
      const ann: Record<string, Awaited<ReturnType<typeof announce>>> = {};
      for (const step of order.split(' ')) {
        const w = step[1] as '1' | '2';
        if (step[0] === 'a')
          ann[w] = await announce(index, 'SD-1', due[w], NOW, {
            state: stateDue(due[w]).value,
            basis: VIEW,
          });
        if (step[0] === 'w') await p.write(due[w])();
        if (step[0] === 's') {
          const a = ann[w];
          if (a) await settle(index, a, true, NOW);
        }
        const e = entryDue(index);
        const truth = p.get();
        if (truth !== undefined) expect(e !== undefined && Date.parse(e) <= Date.parse(truth)).toBe(true);
        const copy = index.entries.get('SD-1')?.state;
        if (copy !== undefined) expect(copy).toEqual(p.value());
      }
    }
  });

  // A reader keeping a copy (the sweep's raise of an early entry, the index rebuild: announce, read the property,
  // settle what it read) against a writer, in every order of their steps: the copy always equals the property.
  const readerOrders = orders().map((o) => o.map((step) => step.replace('1', 'r').replace('2', 'w')));
  it.each(readerOrders.map((o) => [o.join(' ')]))('a reader and a writer in the order %s', async (order) => {
    const index = new MemoryDueIndex();
    const p = property();
    await indexedWrite(index, 'SD-1', stateDue(D(15)), NOW, p.write(D(15)));
    let reader: Awaited<ReturnType<typeof announce>>;
    let writer: Awaited<ReturnType<typeof announce>>;
    let seen: { nextDueAt?: string } | undefined;
    for (const step of order.split(' ')) {
      if (step === 'ar') reader = await announce(index, 'SD-1', undefined, NOW);
      if (step === 'wr') seen = p.value();
      if (step === 'sr' && reader)
        await settle(index, { ...reader, dueAt: seen?.nextDueAt, state: seen, basis: VIEW }, true, NOW);
      if (step === 'aw')
        writer = await announce(index, 'SD-1', D(30), NOW, { state: stateDue(D(30)).value, basis: VIEW });
      if (step === 'ww') await p.write(D(30))();
      if (step === 'sw' && writer) await settle(index, writer, true, NOW);
      const e = entryDue(index);
      const truth = p.get();
      if (truth !== undefined) expect(e !== undefined && Date.parse(e) <= Date.parse(truth)).toBe(true);
      const copy = index.entries.get('SD-1')?.state;
      if (copy !== undefined) expect(copy).toEqual(p.value());
    }
  });

  it('keeps the state copy only while it is known to equal the property', async () => {
    const index = new MemoryDueIndex();
    const p = property();
    await indexedWrite(index, 'SD-1', stateDue(D(10)), NOW, p.write(D(10)));
    expect(index.entries.get('SD-1')?.state).toEqual({ nextDueAt: D(10) });
    // Lowering the due time does not touch the property: the copy stays.
    await lowerDue(index, 'SD-1', D(3));
    expect(index.entries.get('SD-1')?.state).toEqual({ nextDueAt: D(10) });
    // A writer that dies after its Jira write: no copy until the next writer settles alone.
    await announce(index, 'SD-1', D(20), NOW, { state: stateDue(D(20)).value, basis: VIEW });
    await p.write(D(20))();
    expect(index.entries.get('SD-1')?.state).toBeUndefined();
    // A write that may have landed (timeout): no copy either.
    await expect(
      indexedWrite(index, 'SD-1', stateDue(D(30)), NOW, async () => {
        throw new Error('timeout');
      }),
    ).rejects.toThrow('timeout');
    expect(index.entries.get('SD-1')?.state).toBeUndefined();
    // Once the dead writer's announcement has expired, a writer alone is copied again.
    const later = new Date(NOW.getTime() + 16 * 60_000);
    await indexedWrite(index, 'SD-1', stateDue(D(12)), later, p.write(D(12)));
    expect(index.entries.get('SD-1')?.state).toEqual(p.value());
  });

  it('lowering never raises an entry', async () => {
    const index = new MemoryDueIndex();
    await lowerDue(index, 'SD-1', D(10));
    await lowerDue(index, 'SD-1', D(12));
    expect(entryDue(index)).toBe(D(10));
    await lowerDue(index, 'SD-1', D(3));
    expect(entryDue(index)).toBe(D(3));
  });

  it('marks the copy of a state whose writer does not say which ticket view it decided from as viewless', async () => {
    const index = new MemoryDueIndex();
    const p = property();
    await indexedWrite(index, 'SD-1', stateDue(D(10)), NOW, p.write(D(10)));
    expect(index.entries.get('SD-1')).toMatchObject({ state: p.value() });
    expect(index.entries.get('SD-1')?.viewless).toBeUndefined();
    await indexedWrite(index, 'SD-1', stateDue(D(12), null), NOW, p.write(D(12)));
    expect(index.entries.get('SD-1')).toMatchObject({ state: p.value(), viewless: true });
    expect(entryDue(index)).toBe(D(12));
    // The next writer that names its view clears the mark.
    await indexedWrite(index, 'SD-1', stateDue(D(14)), NOW, p.write(D(14)));
    expect(index.entries.get('SD-1')?.viewless).toBeUndefined();
  });
});

describe('due index basis: the newest ticket view any decision on the state was taken from', () => {
  it('only rises: a writer that decided from an older view leaves the newer basis', async () => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(10), T(30)), NOW, async () => undefined);
    expect(index.entries.get('SD-1')?.basis).toBe(T(30));
    await indexedWrite(index, 'SD-1', stateDue(D(11), T(10)), NOW, async () => undefined);
    expect(index.entries.get('SD-1')?.basis).toBe(T(30));
    expect(index.entries.get('SD-1')?.state).toEqual({ nextDueAt: D(11) });
    await indexedWrite(index, 'SD-1', stateDue(D(12), T(40)), NOW, async () => undefined);
    expect(index.entries.get('SD-1')?.basis).toBe(T(40));
  });

  it('is raised by a decision that wrote nothing, and is kept when the copy goes', async () => {
    const index = new MemoryDueIndex();
    const copy = stateDue(D(10), T(30));
    await indexedWrite(index, 'SD-1', copy, NOW, async () => undefined);
    await noteDecision(index, 'SD-1', '2026-11-27T08:00:50.000+0000', copy.value);
    expect(index.entries.get('SD-1')?.basis).toBe(T(50));
    await noteDecision(index, 'SD-1', T(20), copy.value);
    expect(index.entries.get('SD-1')?.basis).toBe(T(50));
    expect(index.entries.get('SD-1')?.state).toEqual({ nextDueAt: D(10) });
    // A decision from an unknown view: the copy stays for reports but is viewless; basis and due time stay.
    await noteDecision(index, 'SD-1', undefined, copy.value);
    expect(index.entries.get('SD-1')).toMatchObject({ state: { nextDueAt: D(10) }, viewless: true });
    expect(index.entries.get('SD-1')?.basis).toBe(T(50));
    expect(entryDue(index)).toBe(D(10));
    // The next writer's copy keeps the newer basis.
    await indexedWrite(index, 'SD-1', stateDue(D(10), T(40)), NOW, async () => undefined);
    expect(index.entries.get('SD-1')?.basis).toBe(T(50));
    expect(index.entries.get('SD-1')?.viewless).toBeUndefined();
  });

  it('a decision vouches for a viewless copy only when the copy is the state it decided on', async () => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(10), null), NOW, async () => undefined);
    expect(index.entries.get('SD-1')?.viewless).toBe(true);
    await noteDecision(index, 'SD-1', T(50), { nextDueAt: D(9) });
    expect(index.entries.get('SD-1')).toMatchObject({ viewless: true, basis: T(50) });
    await noteDecision(index, 'SD-1', T(55), { nextDueAt: D(10) });
    expect(index.entries.get('SD-1')?.viewless).toBeUndefined();
    expect(index.entries.get('SD-1')?.basis).toBe(T(55));
  });

  it('rises on an entry without a copy, so that a copy settled afterwards keeps it', async () => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(10), T(30)), NOW, async () => undefined);
    // A writer decided from an older view announces; a decision on a newer view comes before its settle.
    const a = await announce(index, 'SD-1', D(12), NOW, { state: stateDue(D(12)).value, basis: T(20) });
    expect(index.entries.get('SD-1')?.state).toBeUndefined();
    await noteDecision(index, 'SD-1', T(50), {});
    if (a) await settle(index, a, true, NOW);
    expect(index.entries.get('SD-1')).toMatchObject({ state: { nextDueAt: D(12) }, basis: T(50) });
  });

  it('a reader settling the view it read in raises the basis to it, never lowers it', async () => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(10), T(30)), NOW, async () => undefined);
    const read = async (view: string) => {
      const a = await announce(index, 'SD-1', undefined, NOW);
      if (a) await settle(index, { ...a, dueAt: D(10), state: { nextDueAt: D(10) }, basis: view }, true, NOW);
    };
    await read(T(40));
    expect(index.entries.get('SD-1')).toMatchObject({ state: { nextDueAt: D(10) }, basis: T(40) });
    expect(index.entries.get('SD-1')?.viewless).toBeUndefined();
    await read(T(35));
    expect(index.entries.get('SD-1')?.basis).toBe(T(40));
  });

  it('needs no entry for a ticket without a copy (the next event reads the ticket)', async () => {
    const index = new MemoryDueIndex();
    await noteDecision(index, 'SD-1', T(50), {});
    expect(index.entries.get('SD-1')).toBeUndefined();
  });
});

describe('due index "no state yet" copy: kept only while the ticket has no state property', () => {
  // The rebuild's search sees the property (q), then keeps a "no state yet" copy when it saw none and the ticket has
  // no entry (c); a writer announces (a), writes (w) and settles (s). In every order the copy never says "no state"
  // while the property holds one, and a state copy equals the property.
  function orders(): string[][] {
    const out: string[][] = [];
    const rebuild = ['q', 'c'];
    const writer = ['a', 'w', 's'];
    const walk = (done: string[], i: number, j: number) => {
      if (i === rebuild.length && j === writer.length) return void out.push(done);
      if (i < rebuild.length) walk([...done, rebuild[i] as string], i + 1, j);
      if (j < writer.length) walk([...done, writer[j] as string], i, j + 1);
    };
    walk([], 0, 0);
    return out;
  }
  it.each(orders().map((o) => [o.join(' ')]))('the rebuild and a writer in the order %s', async (order) => {
    const index = new MemoryDueIndex();
    const p = property();
    let seen: unknown;
    let writer: Awaited<ReturnType<typeof announce>>;
    for (const step of order.split(' ')) {
      if (step === 'q') seen = p.value();
      if (step === 'c' && seen === undefined) await keepNoState(index, 'SD-1', VIEW);
      if (step === 'a')
        writer = await announce(index, 'SD-1', D(30), NOW, { state: stateDue(D(30)).value, basis: VIEW });
      if (step === 'w') await p.write(D(30))();
      if (step === 's' && writer) await settle(index, writer, true, NOW);
      const entry = index.entries.get('SD-1');
      if (entry?.stateless) expect(p.value()).toBeUndefined();
      if (entry?.state !== undefined) expect(entry.state).toEqual(p.value());
      expect(entry?.stateless && entry.state !== undefined).toBeFalsy();
    }
  });

  it('is made only for a ticket without an entry, with the view the search returned as its basis', async () => {
    const index = new MemoryDueIndex();
    await keepNoState(index, 'SD-1', '2026-11-27T08:00:50.000+0000');
    expect(index.entries.get('SD-1')).toMatchObject({ stateless: true, basis: '2026-11-27T08:00:50.000Z' });
    // A decision that wrote nothing on an unmanaged type made an entry: no copy for that ticket.
    await noteDecision(index, 'SD-2', '2026-11-27T08:00:50.000Z', undefined, true);
    await keepNoState(index, 'SD-2', '2026-11-27T08:00:10.000Z');
    expect(index.entries.get('SD-2')).toEqual(
      expect.objectContaining({ basis: '2026-11-27T08:00:50.000Z', version: 1 }),
    );
    expect(index.entries.get('SD-2')?.stateless).toBeUndefined();
  });

  it('rises with every decision, and a reader that finds no property keeps one', async () => {
    const index = new MemoryDueIndex();
    await keepNoState(index, 'SD-1', '2026-11-27T08:00:10.000Z');
    await noteDecision(index, 'SD-1', '2026-11-27T08:00:50.000Z', undefined);
    expect(index.entries.get('SD-1')).toMatchObject({ stateless: true, basis: '2026-11-27T08:00:50.000Z' });
    const a = await announce(index, 'SD-1', undefined, NOW);
    expect(index.entries.get('SD-1')?.stateless).toBeUndefined();
    if (a) await settle(index, { ...a, stateless: true, basis: '2026-11-27T08:01:00.000Z' }, true, NOW);
    expect(index.entries.get('SD-1')).toMatchObject({ stateless: true, basis: '2026-11-27T08:01:00.000Z' });
    expect(index.entries.get('SD-1')?.viewless).toBeUndefined();
  });
});

/** An announcement that must exist (the entry was tracked). */
function announced(a: Announcement | undefined): Announcement {
  if (!a) throw new Error('nothing was announced');
  return a;
}

describe('due index entries: what each write keeps and drops, every write under the next version', () => {
  type Setup = (index: MemoryDueIndex) => Promise<void>;
  const none: Setup = async () => undefined;
  /** A copy written alone from the view T(30), due D(10). */
  const copy: Setup = async (index) =>
    void (await indexedWrite(index, 'SD-1', stateDue(D(10), T(30)), NOW, async () => undefined));
  /** The same copy from a writer that named no view; a later decision (on another state) raised the basis to T(30). */
  const viewlessCopy: Setup = async (index) => {
    await indexedWrite(index, 'SD-1', stateDue(D(10), null), NOW, async () => undefined);
    await noteDecision(index, 'SD-1', T(30), {});
  };
  /** An entry due D(10) without a copy, basis T(30). */
  const bare: Setup = async (index) => {
    await lowerDue(index, 'SD-1', D(10));
    await noteDecision(index, 'SD-1', T(30), undefined);
  };
  /** The rebuild's "no state yet" copy as of T(30). */
  const noState: Setup = async (index) => keepNoState(index, 'SD-1', T(30));
  const copied = { state: { nextDueAt: D(10) } };

  const rows: [
    string,
    Setup,
    (index: MemoryDueIndex) => Promise<unknown>,
    { writes: number; entry: (version: number) => object; absent?: string[] },
  ][] = [
    [
      'announce lowers the due time, drops the copy, raises the basis and records the writer',
      copy,
      (index) => announce(index, 'SD-1', D(5), NOW, { state: { nextDueAt: D(5) }, basis: T(40) }),
      {
        writes: 1,
        entry: (v) => ({
          dueAt: D(5),
          basis: T(40),
          lastPre: v + 1,
          pending: [{ pre: v + 1, at: NOW.toISOString() }],
        }),
        absent: ['state', 'viewless'],
      },
    ],
    [
      'a writer alone sets its due time and copy and raises the basis (announce, settle)',
      copy,
      (index) => indexedWrite(index, 'SD-1', stateDue(D(20), T(40)), NOW, async () => undefined),
      {
        writes: 2,
        entry: (v) => ({
          dueAt: D(20),
          state: { nextDueAt: D(20) },
          basis: T(40),
          lastPre: v + 1,
          pending: [],
        }),
      },
    ],
    [
      'lowering keeps copy and basis',
      copy,
      (index) => lowerDue(index, 'SD-1', D(5)),
      { writes: 1, entry: () => ({ dueAt: D(5), ...copied, basis: T(30) }), absent: ['viewless'] },
    ],
    [
      'lowering to the same time writes nothing',
      copy,
      (index) => lowerDue(index, 'SD-1', D(10)),
      { writes: 0, entry: () => ({ dueAt: D(10) }) },
    ],
    [
      'lowering keeps a viewless copy viewless',
      viewlessCopy,
      (index) => lowerDue(index, 'SD-1', D(5)),
      { writes: 1, entry: () => ({ dueAt: D(5), ...copied, basis: T(30), viewless: true }) },
    ],
    [
      'lowering keeps a "no state yet" copy',
      noState,
      (index) => lowerDue(index, 'SD-1', D(5)),
      { writes: 1, entry: () => ({ dueAt: D(5), stateless: true, basis: T(30) }) },
    ],
    [
      'a decision on a newer view raises the basis of an entry without a copy',
      bare,
      (index) => noteDecision(index, 'SD-1', T(40), undefined),
      { writes: 1, entry: () => ({ dueAt: D(10), basis: T(40) }), absent: ['state', 'viewless'] },
    ],
    [
      'a decision on an older view leaves an entry without a copy as it is',
      bare,
      (index) => noteDecision(index, 'SD-1', T(20), undefined),
      { writes: 0, entry: () => ({ basis: T(30) }) },
    ],
    [
      'a decision on an unknown view leaves an entry without a copy as it is',
      bare,
      (index) => noteDecision(index, 'SD-1', undefined, undefined),
      { writes: 0, entry: () => ({ basis: T(30) }), absent: ['viewless'] },
    ],
    [
      'a decision on a newer view raises the basis of a copy',
      copy,
      (index) => noteDecision(index, 'SD-1', T(40), copied.state),
      { writes: 1, entry: () => ({ ...copied, basis: T(40) }), absent: ['viewless'] },
    ],
    [
      'a decision on an older view of the copied state writes nothing',
      copy,
      (index) => noteDecision(index, 'SD-1', T(20), copied.state),
      { writes: 0, entry: () => ({ ...copied, basis: T(30) }), absent: ['viewless'] },
    ],
    [
      'a decision on an unknown view makes the copy viewless',
      copy,
      (index) => noteDecision(index, 'SD-1', undefined, copied.state),
      { writes: 1, entry: () => ({ ...copied, basis: T(30), viewless: true }) },
    ],
    [
      'a decision on an unknown view leaves a viewless copy as it is',
      viewlessCopy,
      (index) => noteDecision(index, 'SD-1', undefined, copied.state),
      { writes: 0, entry: () => ({ ...copied, viewless: true }) },
    ],
    [
      'a decision on an older view of the copied state vouches for a viewless copy and keeps the newer basis',
      viewlessCopy,
      (index) => noteDecision(index, 'SD-1', T(20), copied.state),
      { writes: 1, entry: () => ({ ...copied, basis: T(30) }), absent: ['viewless'] },
    ],
    [
      'a decision on an older view of another state leaves a viewless copy as it is',
      viewlessCopy,
      (index) => noteDecision(index, 'SD-1', T(20), { nextDueAt: D(9) }),
      { writes: 0, entry: () => ({ ...copied, basis: T(30), viewless: true }) },
    ],
    [
      'a decision on an unknown view makes a "no state yet" copy viewless',
      noState,
      (index) => noteDecision(index, 'SD-1', undefined, undefined),
      { writes: 1, entry: () => ({ stateless: true, basis: T(30), viewless: true }) },
    ],
    [
      'a decision on a newer view raises the basis of a "no state yet" copy',
      noState,
      (index) => noteDecision(index, 'SD-1', T(40), undefined),
      { writes: 1, entry: () => ({ stateless: true, basis: T(40) }), absent: ['viewless'] },
    ],
    [
      'a first announcement makes the entry at version 1',
      none,
      (index) => announce(index, 'SD-1', D(5), NOW),
      { writes: 1, entry: () => ({ dueAt: D(5), lastPre: 1, pending: [{ pre: 1, at: NOW.toISOString() }] }) },
    ],
  ];

  it.each(rows)('%s', async (_name, setup, act, expected) => {
    const index = new MemoryDueIndex();
    await setup(index);
    const before = index.entries.get('SD-1')?.version ?? 0;
    await act(index);
    const entry = index.entries.get('SD-1');
    expect(entry).toMatchObject({ ...expected.entry(before), version: before + expected.writes });
    for (const field of expected.absent ?? []) expect(entry).not.toHaveProperty(field);
  });

  // A new entry, exactly: its project is the key's prefix (the partition the sweep queries), nothing pending.
  it.each([
    [
      'an announcement with a due time',
      (index: MemoryDueIndex) => announce(index, 'HELP-12', D(5), NOW),
      { dueAt: D(5), lastPre: 1, pending: [{ pre: 1, at: NOW.toISOString() }] },
    ],
    [
      'lowering',
      (index: MemoryDueIndex) => lowerDue(index, 'HELP-12', D(5)),
      { dueAt: D(5), lastPre: 0, pending: [] },
    ],
    [
      'the rebuild\'s "no state yet" copy',
      (index: MemoryDueIndex) => keepNoState(index, 'HELP-12', T(30)),
      { basis: T(30), stateless: true, lastPre: 0, pending: [] },
    ],
    [
      'a tracked decision that wrote nothing',
      (index: MemoryDueIndex) => noteDecision(index, 'HELP-12', T(30), undefined, true),
      { basis: T(30), lastPre: 0, pending: [] },
    ],
  ])('a new entry from %s', async (_name, make, fields) => {
    const index = new MemoryDueIndex();
    await make(index);
    expect(index.entries.get('HELP-12')).toEqual({
      issueKey: 'HELP-12',
      projectKey: 'HELP',
      version: 1,
      ...fields,
    });
    const found = await index.dueUntil('HELP', D(31), { limit: 10 });
    expect(found.entries.map((e) => e.issueKey)).toEqual('dueAt' in fields ? ['HELP-12'] : []);
  });

  it('makes no entry for a reader or an untracked decision without a view; the rebuild may still keep its copy', async () => {
    const index = new MemoryDueIndex();
    expect(await announce(index, 'SD-1', undefined, NOW)).toBeUndefined();
    await noteDecision(index, 'SD-1', undefined, undefined, true);
    expect(index.entries.size).toBe(0);
    await keepNoState(index, 'SD-1', T(30));
    expect(index.entries.get('SD-1')).toMatchObject({ stateless: true, basis: T(30) });
  });

  it('passes a write with nothing to track through, its result and its error, without an entry', async () => {
    const index = new MemoryDueIndex();
    const nothing = { dueAt: undefined, value: undefined };
    await expect(indexedWrite(index, 'SD-1', nothing, NOW, async () => 'stored')).resolves.toBe('stored');
    const failure = new Error('timeout');
    await expect(
      indexedWrite(index, 'SD-1', nothing, NOW, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(index.entries.size).toBe(0);
  });

  it('settles nothing when the entry is gone', async () => {
    const index = new MemoryDueIndex();
    const a = announced(await announce(index, 'SD-1', D(5), NOW, { state: {}, basis: VIEW }));
    index.entries.delete('SD-1');
    await settle(index, a, true, NOW);
    expect(index.entries.size).toBe(0);
  });
});

describe('due index writers in flight: who counts as overlapping', () => {
  it('a settle removes only its own announcement: a writer still in flight keeps the next one from the copy', async () => {
    const index = new MemoryDueIndex();
    const p = property();
    await indexedWrite(index, 'SD-1', stateDue(D(15)), NOW, p.write(D(15)));
    const a = announced(
      await announce(index, 'SD-1', D(20), NOW, { state: stateDue(D(20)).value, basis: VIEW }),
    );
    const b = announced(
      await announce(index, 'SD-1', D(25), NOW, { state: stateDue(D(25)).value, basis: VIEW }),
    );
    await p.write(D(20))();
    await settle(index, a, true, NOW);
    expect(index.entries.get('SD-1')?.pending).toEqual([{ pre: b.pre, at: NOW.toISOString() }]);
    // A third writer while b is in flight overlaps it; b's Jira write lands last.
    await indexedWrite(index, 'SD-1', stateDue(D(30)), NOW, p.write(D(30)));
    await p.write(D(25))();
    expect(entryDue(index)).toBe(D(15));
    expect(index.entries.get('SD-1')?.state).toBeUndefined();
  });

  it.each([
    ['exactly the lifetime (15 minutes)', 15 * 60_000, true],
    ['1 ms less than the lifetime', 15 * 60_000 - 1, false],
  ])('a writer that announced %s before the next one is gone: %s', async (_name, age, gone) => {
    const index = new MemoryDueIndex();
    const p = property();
    await indexedWrite(index, 'SD-1', stateDue(D(15)), NOW, p.write(D(15)));
    await announce(index, 'SD-1', D(20), NOW, { state: stateDue(D(20)).value, basis: VIEW });
    await indexedWrite(index, 'SD-1', stateDue(D(12)), new Date(NOW.getTime() + age), p.write(D(12)));
    expect(index.entries.get('SD-1')?.state).toEqual(gone ? p.value() : undefined);
    expect(index.entries.get('SD-1')?.pending).toHaveLength(gone ? 0 : 1);
  });

  it('lowering keeps the writers in flight: the one that announced settles alone, a later one overlaps it', async () => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(15)), NOW, async () => undefined);
    const a = announced(
      await announce(index, 'SD-1', D(20), NOW, { state: stateDue(D(20)).value, basis: VIEW }),
    );
    await lowerDue(index, 'SD-1', D(3));
    expect(index.entries.get('SD-1')).toMatchObject({ lastPre: a.pre, pending: [{ pre: a.pre }] });
    await settle(index, a, true, NOW);
    expect(index.entries.get('SD-1')).toMatchObject({ dueAt: D(20), state: stateDue(D(20)).value });

    const other = new MemoryDueIndex();
    await indexedWrite(other, 'SD-1', stateDue(D(15)), NOW, async () => undefined);
    await announce(other, 'SD-1', D(20), NOW, { state: stateDue(D(20)).value, basis: VIEW });
    await lowerDue(other, 'SD-1', D(3));
    expect(announced(await announce(other, 'SD-1', D(25), NOW)).overlapped).toBe(true);
  });

  // A reader (the sweep's raise of an early entry) announces, reads the property and settles what it found.
  type Read = { landed: boolean; stateless?: boolean; overlap?: boolean; state?: { nextDueAt: string } };
  it.each<[string, Read, boolean]>([
    ['found no property, alone', { landed: true, stateless: true }, true],
    ['found no property, but its read failed', { landed: false, stateless: true }, false],
    [
      'found no property, but a writer announced meanwhile',
      { landed: true, stateless: true, overlap: true },
      false,
    ],
    ['found a property it cannot parse', { landed: true }, false],
    [
      'found a state (and a stale "none" flag)',
      { landed: true, stateless: true, state: { nextDueAt: D(10) } },
      false,
    ],
  ])('a reader that %s keeps a "no state yet" copy: %s', async (_name, read, stateless) => {
    const index = new MemoryDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(15)), NOW, async () => undefined);
    const reader = announced(await announce(index, 'SD-1', undefined, NOW));
    if (read.overlap) await announce(index, 'SD-1', D(20), NOW);
    const { state } = read;
    await settle(
      index,
      {
        ...reader,
        dueAt: state?.nextDueAt,
        basis: T(40),
        ...(state ? { state } : {}),
        stateless: read.stateless,
      },
      read.landed,
      NOW,
    );
    const entry = index.entries.get('SD-1');
    expect(entry?.stateless === true).toBe(stateless);
    expect(entry?.state).toEqual(read.landed && !read.overlap ? state : undefined);
  });
});

/** A store where another writer gets to the entry first, once, just before the next conditional write. */
class RacingDueIndex extends MemoryDueIndex {
  before: (() => Promise<void>) | undefined;
  override async create(entry: DueIndexEntry): Promise<boolean> {
    await this.race();
    return super.create(entry);
  }
  override async replace(entry: DueIndexEntry, expected: number): Promise<boolean> {
    await this.race();
    return super.replace(entry, expected);
  }
  private async race(): Promise<void> {
    const other = this.before;
    this.before = undefined;
    if (other) await other();
  }
}

/** A store whose every conditional write loses; counts the reads (one per attempt). */
class ContendedDueIndex extends MemoryDueIndex {
  reads = 0;
  override async get(issueKey: string): Promise<DueIndexEntry | undefined> {
    this.reads += 1;
    return super.get(issueKey);
  }
  override async create(): Promise<boolean> {
    return false;
  }
  override async replace(): Promise<boolean> {
    return false;
  }
}

describe('due index compare-and-set', () => {
  it('retries a write another writer got to first, and then counts that writer as overlapping', async () => {
    const index = new RacingDueIndex();
    await indexedWrite(index, 'SD-1', stateDue(D(15)), NOW, async () => undefined);
    let first: Announcement | undefined;
    index.before = async () => {
      first = await announce(index, 'SD-1', D(20), NOW, { state: stateDue(D(20)).value, basis: VIEW });
    };
    const second = announced(
      await announce(index, 'SD-1', D(25), NOW, { state: stateDue(D(25)).value, basis: VIEW }),
    );
    const earlierOne = announced(first);
    expect(second).toMatchObject({ overlapped: true, pre: earlierOne.pre + 1 });
    expect(index.entries.get('SD-1')?.pending.map((w) => w.pre)).toEqual([earlierOne.pre, second.pre]);
  });

  it('gives up after 8 attempts on an entry that stays contended, naming the ticket', async () => {
    const index = new ContendedDueIndex();
    await expect(announce(index, 'SD-1', D(5), NOW)).rejects.toThrow(
      'Due index entry of SD-1 stayed contended',
    );
    expect(index.reads).toBe(8);
  });
});

import {
  clearRepairProgress,
  dueIndexBuilt,
  readRepairMarker,
  readRepairProgress,
  repairBasis,
  timerMayRun,
  writeRepairMarker,
  writeRepairProgress,
  type RepairProgress,
} from '../../../src/app/shared/repair-marker';
import type { DueIndexEntry } from '../../../src/app/ports';
import { ExpiringStore, MemoryDueIndex } from '../../support/memory-store';

const AT = '2026-11-27T10:00:00.000Z';

const entry = (issueKey: string, dueAt?: string): DueIndexEntry => ({
  issueKey,
  projectKey: 'SD',
  ...(dueAt !== undefined ? { dueAt } : {}),
  version: 1,
  lastPre: 0,
  pending: [],
});

describe('repair marker: whether a project’s due index is built', () => {
  it('not before its repair has completed', async () => {
    await expect(dueIndexBuilt(new ExpiringStore(), 'SD')).resolves.toBe(false);
  });

  it('once the repair completed on the current index version, whatever the settings version', async () => {
    const store = new ExpiringStore();
    await writeRepairMarker(store, 'SD', { at: AT, basis: repairBasis(7) });
    await expect(dueIndexBuilt(store, 'SD')).resolves.toBe(true);
  });

  it('per project', async () => {
    const store = new ExpiringStore();
    await writeRepairMarker(store, 'SD', { at: AT, basis: repairBasis(7) });
    await expect(dueIndexBuilt(store, 'OPS')).resolves.toBe(false);
    await expect(readRepairMarker(store, 'SD')).resolves.toEqual({ at: AT, basis: repairBasis(7) });
    await expect(readRepairMarker(store, 'OPS')).resolves.toBeUndefined();
  });

  it('a repair on an older index version (or another basis) does not count', async () => {
    const current = repairBasis(7);
    const version = current.slice(0, current.lastIndexOf(':'));
    const older = version.replace(/\d+$/, (n) => String(Number(n) - 1));
    const store = new ExpiringStore();
    for (const basis of [`${older}:7`, `${version}0:7`, `x${current}`, version, '7']) {
      await writeRepairMarker(store, 'SD', { at: AT, basis });
      await expect(dueIndexBuilt(store, 'SD')).resolves.toBe(false);
    }
  });

  it('the settings version is part of the basis', () => {
    expect(repairBasis(7)).not.toBe(repairBasis(8));
  });

  it('the marker is kept without an expiry', async () => {
    const store = new ExpiringStore();
    await writeRepairMarker(store, 'SD', { at: AT, basis: repairBasis(7) });
    store.advanceDays(365);
    await expect(dueIndexBuilt(store, 'SD')).resolves.toBe(true);
  });
});

describe('repair progress: where an unfinished repair continues', () => {
  const progress: RepairProgress = {
    at: AT,
    basis: repairBasis(7),
    phase: 'stamped',
    rebuild: true,
    nextPageToken: 'page-2',
  };

  it('is read back per project, apart from the marker', async () => {
    const store = new ExpiringStore();
    await writeRepairProgress(store, 'SD', progress);
    await expect(readRepairProgress(store, 'SD')).resolves.toEqual(progress);
    await expect(readRepairProgress(store, 'OPS')).resolves.toBeUndefined();
    await expect(readRepairMarker(store, 'SD')).resolves.toBeUndefined();
  });

  it('lives a week, as long as Jira’s page token', async () => {
    const store = new ExpiringStore();
    await writeRepairProgress(store, 'SD', progress);
    store.advanceDays(6);
    await expect(readRepairProgress(store, 'SD')).resolves.toEqual(progress);
    store.advanceDays(1);
    await expect(readRepairProgress(store, 'SD')).resolves.toBeUndefined();
  });

  it('is cleared when the repair completes, the marker staying', async () => {
    const store = new ExpiringStore();
    await writeRepairMarker(store, 'SD', { at: AT, basis: repairBasis(7) });
    await writeRepairProgress(store, 'SD', progress);
    await clearRepairProgress(store, 'SD');
    await expect(readRepairProgress(store, 'SD')).resolves.toBeUndefined();
    await expect(dueIndexBuilt(store, 'SD')).resolves.toBe(true);
  });
});

describe('timer may run: what KVS alone says about a ticket’s due time', () => {
  const rows: { name: string; built: boolean; indexed?: DueIndexEntry; may: boolean }[] = [
    { name: 'index not built, no entry', built: false, may: true },
    { name: 'index not built, entry without due time', built: false, indexed: entry('SD-1'), may: true },
    { name: 'index built, entry with due time', built: true, indexed: entry('SD-1', AT), may: true },
    { name: 'index built, entry without due time', built: true, indexed: entry('SD-1'), may: false },
    { name: 'index built, no entry', built: true, may: false },
    { name: 'index built, only another ticket’s entry', built: true, indexed: entry('SD-2', AT), may: false },
  ];
  it.each(rows)('$name: $may', async ({ built, indexed, may }) => {
    const store = new ExpiringStore();
    const index = new MemoryDueIndex();
    if (built) await writeRepairMarker(store, 'SD', { at: AT, basis: repairBasis(7) });
    if (indexed) await index.create(indexed);
    await expect(timerMayRun(store, index, 'SD', 'SD-1')).resolves.toBe(may);
  });
});

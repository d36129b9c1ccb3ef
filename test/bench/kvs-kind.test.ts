import { kvsKindOf } from '../../bench/day/app-day';

/** The benchmark books KVS writes by what the key holds, so a per-ticket or per-run key never forms its own kind. */
describe('kvsKindOf', () => {
  it.each([
    ['kvs', 'portal:copy:SD-12', 'portal:copy'],
    ['kvs', 'statewrite:10011', 'statewrite'],
    ['kvs', 'statewrite:10011:sweep', 'statewrite'],
    ['kvs', 'act:10011:shipped:2', 'act'],
    ['kvs', 'audit:p:SD:1764460800000:10011:reminder', 'audit:p:SD'],
    ['kvs', 'sweep:run:SD:2026-11-30T10:00', 'sweep:run:SD'],
    ['kvs', 'events:field-ids', 'events:field-ids'],
    ['kvs', '10011', '10011'],
    ['entity:due-index', 'SD-12', 'due-index'],
    ['secret', 'on-call:token', 'secret'],
  ])('%s %s → %s', (namespace, key, kind) => {
    expect(kvsKindOf(namespace, key)).toBe(kind);
  });
});

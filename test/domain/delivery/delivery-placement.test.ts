import { deliveryPlacement } from '../../../src/domain/delivery';

const planned = new Set(['A', 'B', 'C']);
const link = (linkId: string, deliveryId: string) => ({ linkId, deliveryId });

describe('deliveryPlacement: a waiting ticket is in at most one Planned Delivery, the right one (guide §3.3)', () => {
  it.each([
    ['not linked, target A', [], 'A', [], true],
    ['linked to A, target A', [link('1', 'A')], 'A', [], false],
    ['linked to B, target A: moves', [link('1', 'B')], 'A', ['1'], true],
    ['linked to A and B, target A', [link('1', 'A'), link('2', 'B')], 'A', ['2'], false],
    ['linked to B and C, target A', [link('1', 'B'), link('2', 'C')], 'A', ['1', '2'], true],
    ['linked to A twice, target A', [link('1', 'A'), link('2', 'A')], 'A', ['2'], false],
    ['linked to B, no target: leaves', [link('1', 'B')], undefined, ['1'], false],
    ['linked to a shipped Delivery, target A', [link('1', 'X')], 'A', [], true],
    ['linked to a shipped Delivery, no target', [link('1', 'X')], undefined, [], false],
    ['nothing, no target', [], undefined, [], false],
  ] as const)('%s', (_name, links, target, unlinked, linksTarget) => {
    const placement = deliveryPlacement(links, planned, target);
    expect(placement.unlink.map((l) => l.linkId)).toEqual(unlinked);
    expect(placement.link).toBe(linksTarget);
  });
});

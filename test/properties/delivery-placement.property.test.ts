import fc from 'fast-check';
import { deliveryPlacement } from '../../src/domain/delivery';
import type { DeliveryLinkRef } from '../../src/domain/delivery/delivery-placement';
import { propertyParameters } from './property-runs';

const DELIVERIES = ['A', 'B', 'C', 'D', 'X', 'Y'];

/**
 * Any sequence of Deliveries becoming Planned or not and of targets changing (a Delivery created, rescheduled,
 * completed; the ticket re-versioned or leaving Delivery Pending), each placement applied to the ticket's links:
 * afterwards the ticket is in at most one Planned Delivery, the target, and links to other Deliveries stay.
 */
describe('Delivery placement under any sequence of Delivery changes (guide §3.3)', () => {
  it('a waiting ticket is in at most one Planned Delivery, the right one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...DELIVERIES), { maxLength: 4 }),
        fc.array(
          fc.record({
            planned: fc.subarray(DELIVERIES),
            target: fc.option(fc.constantFrom(...DELIVERIES), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (initial, steps) => {
          let links: DeliveryLinkRef[] = initial.map((d, i) => ({ linkId: `l${i}`, deliveryId: d }));
          let next = links.length;
          for (const { planned, target: wanted } of steps) {
            const plannedIds = new Set(planned);
            // Only a Planned Delivery can be the target.
            const target = wanted !== undefined && plannedIds.has(wanted) ? wanted : undefined;
            const before = links;
            const placement = deliveryPlacement(links, plannedIds, target);
            const removed = new Set(placement.unlink.map((l) => l.linkId));
            links = links.filter((l) => !removed.has(l.linkId));
            if (placement.link && target) links.push({ linkId: `l${next++}`, deliveryId: target });
            const inPlanned = links.filter((l) => plannedIds.has(l.deliveryId)).map((l) => l.deliveryId);
            expect(inPlanned).toEqual(target === undefined ? [] : [target]);
            // Shipped or other non-Planned Deliveries keep their links (their history).
            expect(links.filter((l) => !plannedIds.has(l.deliveryId))).toEqual(
              before.filter((l) => !plannedIds.has(l.deliveryId)),
            );
            // Placing again changes nothing (a duplicated or reordered event).
            expect(deliveryPlacement(links, plannedIds, target)).toEqual({ unlink: [], link: false });
          }
        },
      ),
      propertyParameters(500),
    );
  });
});

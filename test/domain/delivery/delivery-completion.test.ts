import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import {
  completionCounts,
  isDeliveryCompleted,
  shipTarget,
} from '../../../src/domain/delivery/delivery-completion';
import { KINDS } from '../../../src/domain/kinds';
import { STATUSES } from '../../../src/domain/statuses';

/** Written by hand from guide §3.3: only these pairs move when their Delivery completes. */
const SHIPS: Record<string, 'resolved' | 'closed'> = {
  'softwareDefect/deliveryPending': 'resolved',
  'consultingRequest/deliveryPending': 'resolved',
  'customisation/deliveryPending': 'closed',
};

describe('shipTarget (guide §3.3): every kind × status', () => {
  const pairs = KINDS.flatMap((kind) => STATUSES.map((status) => [kind, status] as const));
  it.each(pairs)('%s in %s', (kind, status) => {
    expect(shipTarget(kind, status)).toBe(SHIPS[`${kind}/${status}`]);
  });

  it('an unknown kind or status ships nowhere', () => {
    expect(shipTarget(undefined, 'deliveryPending')).toBeUndefined();
    expect(shipTarget('customisation', undefined)).toBeUndefined();
  });
});

describe('isDeliveryCompleted', () => {
  const completed = ['delivered', 'stageInstallationCompleted', 'installationCompleted'];
  it.each(STATUSES.map((s) => [s, completed.includes(s)] as const))('%s → %s', (status, expected) => {
    expect(isDeliveryCompleted(status)).toBe(expected);
  });
});

describe('completionCounts', () => {
  it('counts by the Jira names on the links: closes Customisations, resolves the others, leaves the rest', () => {
    const n = defaultConfig.names;
    const link = (kind: keyof typeof n.kinds, status: keyof typeof n.statuses) => ({
      otherTypeName: n.kinds[kind],
      otherStatusName: n.statuses[status],
    });
    const links = [
      link('customisation', 'deliveryPending'),
      link('softwareDefect', 'deliveryPending'),
      link('consultingRequest', 'deliveryPending'),
      link('softwareDefect', 'resolved'),
      link('incident', 'deliveryPending'),
      { otherTypeName: 'Unknown type', otherStatusName: n.statuses.deliveryPending },
      {},
    ];
    expect(completionCounts(links, defaultConfig)).toEqual({ resolved: 2, closed: 1 });
  });
});

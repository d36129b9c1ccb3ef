import { matchDelivery, type DeliveryCandidate } from '../../../src/domain/delivery';

describe('matchDelivery (guide §3.1.1, §3.3)', () => {
  const candidates: DeliveryCandidate[] = [
    { id: '1', key: 'SD-1', version: '14.21.3.1', organizationIds: ['acme'], estimatedDate: '2026-12-20' },
    { id: '2', key: 'SD-2', version: '14.22.0.0', organizationIds: ['acme'], estimatedDate: '2026-12-10' },
    { id: '3', key: 'SD-3', version: '14.21.3.1', organizationIds: ['other'] },
    { id: '4', key: 'SD-4', version: '14.23.0.0', organizationIds: ['globex'] },
    { id: '5', key: 'SD-10', version: '14.24.0.0', organizationIds: ['globex'] },
    { id: '6', key: 'SD-6', organizationIds: ['initech'] },
    { id: '7', key: 'SD-7', version: ' 16.0 ', organizationIds: ['initech', 'umbrella'] },
  ];

  it.each([
    ['the same customer and version', '14.21.3.1', ['acme'], 'SD-1'],
    ['a version with spaces around it', ' 14.21.3.1 ', ['acme'], 'SD-1'],
    ['the same version of another customer only', '14.21.3.1', ['nobody'], undefined],
    ['a version no Delivery ships', '15.0', ['acme'], undefined],
    ['CUSTOM: the customer’s next Planned Delivery by estimated date', 'custom', ['acme'], 'SD-2'],
    ['CUSTOM: undated Deliveries by key, numerically', 'CUSTOM', ['globex'], 'SD-4'],
    ['CUSTOM: any organization the ticket is shared with', 'CUSTOM', ['nobody', 'other'], 'SD-3'],
    ['CUSTOM with spaces around it', ' custom ', ['acme'], 'SD-2'],
    ['a Delivery shared with several organizations, one the ticket’s', '16.0', ['umbrella'], 'SD-7'],
    ['a Delivery’s version with spaces around it, past one without a version', '16.0', ['initech'], 'SD-7'],
  ] as const)('%s', (_name, version, organizationIds, expected) => {
    expect(matchDelivery({ version, organizationIds }, candidates, 'CUSTOM')?.key).toBe(expected);
  });

  it('puts undated Deliveries after dated ones for CUSTOM', () => {
    const mixed = [candidates[2]!, { ...candidates[0]!, organizationIds: ['other'] }];
    expect(matchDelivery({ version: 'CUSTOM', organizationIds: ['other'] }, mixed, 'CUSTOM')?.key).toBe(
      'SD-1',
    );
  });

  it('uses the site’s CUSTOM value', () => {
    expect(
      matchDelivery({ version: 'Individuell', organizationIds: ['acme'] }, candidates, 'INDIVIDUELL')?.key,
    ).toBe('SD-2');
    expect(matchDelivery({ version: 'CUSTOM', organizationIds: ['acme'] }, candidates, ' CUSTOM ')?.key).toBe(
      'SD-2',
    );
  });
});

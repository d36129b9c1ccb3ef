import {
  compareVersions,
  deliveryFor,
  deliveryMissingActions,
  deliveryTableRows,
  onDeliveryCompleted,
  parseDeliveryVersion,
  type DeliveryTicket,
  type IncludedTicket,
} from '../../../src/domain/delivery';

describe('parseDeliveryVersion', () => {
  it.each([
    ['14.21.3.1', { kind: 'patch', text: '14.21.3.1', parts: [14, 21, 3, 1] }],
    [' 14.21 ', { kind: 'patch', text: '14.21', parts: [14, 21] }],
    ['CUSTOM', { kind: 'custom' }],
    ['custom', { kind: 'custom' }],
    ['14', { kind: 'invalid', raw: '14' }],
    ['14.21.x', { kind: 'invalid', raw: '14.21.x' }],
    ['v14.21', { kind: 'invalid', raw: 'v14.21' }],
    ['', { kind: 'invalid', raw: '' }],
    [undefined, { kind: 'invalid', raw: '' }],
  ])('%j', (value, expected) => {
    expect(parseDeliveryVersion(value)).toEqual(expected);
  });

  it('uses the configured custom value', () => {
    expect(parseDeliveryVersion('INDIVIDUELL', 'Individuell')).toEqual({ kind: 'custom' });
    expect(parseDeliveryVersion('CUSTOM', 'Individuell').kind).toBe('invalid');
  });
});

describe('compareVersions', () => {
  it.each([
    [[14, 9], [14, 21], -1],
    [[14, 21, 3, 1], [14, 21, 3, 1], 0],
    [[14, 21], [14, 21, 0, 0], 0],
    [[15], [14, 99, 99], 1],
  ] as const)('%j vs %j → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});

describe('deliveryFor (guide §3.3)', () => {
  const deliveries: DeliveryTicket[] = [
    {
      id: '1',
      key: 'SUP-100',
      organization: 'ACME',
      version: '14.21.3.1',
      status: 'planned',
      estimatedDeliveryDate: '2026-12-10',
    },
    {
      id: '2',
      key: 'SUP-101',
      organization: 'ACME',
      version: '14.22.0.0',
      status: 'planned',
      estimatedDeliveryDate: '2026-12-03',
    },
    {
      id: '3',
      key: 'SUP-102',
      organization: 'Globex',
      version: '14.21.3.1',
      status: 'planned',
      estimatedDeliveryDate: '2026-12-01',
    },
    {
      id: '4',
      key: 'SUP-103',
      organization: 'ACME',
      version: '14.20.0.0',
      status: 'delivered',
      estimatedDeliveryDate: '2026-11-01',
    },
    { id: '5', key: 'SUP-104', organization: 'ACME', version: '14.23.0.0', status: 'planned' },
  ];

  it.each([
    ['same organization and version', { organization: 'ACME', deliveryVersion: '14.21.3.1' }, 'SUP-100'],
    ['equal version written shorter', { organization: 'ACME', deliveryVersion: '14.22' }, 'SUP-101'],
    [
      'CUSTOM → next planned by estimated date',
      { organization: 'ACME', deliveryVersion: 'CUSTOM' },
      'SUP-101',
    ],
    ['other organization', { organization: 'Globex', deliveryVersion: '14.21.3.1' }, 'SUP-102'],
    [
      'only completed deliveries with that version',
      { organization: 'ACME', deliveryVersion: '14.20.0.0' },
      undefined,
    ],
    ['no organization', { organization: undefined, deliveryVersion: 'CUSTOM' }, undefined],
    ['junk version', { organization: 'ACME', deliveryVersion: 'soon' }, undefined],
    ['unknown version', { organization: 'ACME', deliveryVersion: '13.0' }, undefined],
  ])('%s', (_name, ticket, key) => {
    expect(deliveryFor(ticket, deliveries)?.key).toBe(key);
  });

  it('puts undated deliveries last for CUSTOM', () => {
    const onlyUndated = deliveries.filter((d) => d.key === 'SUP-104' || d.key === 'SUP-100');
    expect(deliveryFor({ organization: 'ACME', deliveryVersion: 'CUSTOM' }, onlyUndated)?.key).toBe(
      'SUP-100',
    );
  });
});

describe('deliveryMissingActions', () => {
  const planned: DeliveryTicket = {
    id: '1',
    key: 'SUP-100',
    organization: 'ACME',
    version: '14.21',
    status: 'planned',
  };

  it('flags a ticket without a Planned Delivery and tells agents once per version', () => {
    const actions = deliveryMissingActions(
      { id: '7', key: 'SUP-7', organization: 'ACME', deliveryVersion: '14.22' },
      [planned],
    );
    expect(actions).toEqual([
      expect.objectContaining({ type: 'flag', flag: 'deliveryMissing', on: true }),
      {
        type: 'comment',
        visibility: 'internal',
        messageKey: 'deliveryMissing',
        params: { ticketKey: 'SUP-7', version: '14.22' },
        idempotencyKey: '7:deliveryMissing:14.22',
      },
    ]);
  });

  it('clears the flag once a Delivery exists', () => {
    expect(
      deliveryMissingActions({ id: '7', key: 'SUP-7', organization: 'ACME', deliveryVersion: '14.21' }, [
        planned,
      ]),
    ).toEqual([{ type: 'flag', flag: 'deliveryMissing', on: false }]);
  });
});

describe('deliveryTableRows', () => {
  it('sorts by project and issue number and drops duplicates', () => {
    const rows = deliveryTableRows([
      { key: 'SUP-10', requestType: 'Software Defect', summary: 'B' },
      { key: 'ABC-2', requestType: 'Customisation', summary: 'C' },
      { key: 'SUP-9', requestType: 'Consulting Request', summary: 'A' },
      { key: 'SUP-10', requestType: 'Software Defect', summary: 'B' },
    ]);
    expect(rows.map((r) => r.key)).toEqual(['ABC-2', 'SUP-9', 'SUP-10']);
    expect(rows[1]).toEqual({ key: 'SUP-9', requestType: 'Consulting Request', summary: 'A' });
  });
});

describe('onDeliveryCompleted (PROCESS.md §6)', () => {
  const tickets: IncludedTicket[] = [
    { id: '11', key: 'SUP-11', kind: 'softwareDefect', status: 'deliveryPending' },
    { id: '12', key: 'SUP-12', kind: 'consultingRequest', status: 'deliveryPending' },
    { id: '13', key: 'SUP-13', kind: 'customisation', status: 'deliveryPending' },
    { id: '14', key: 'SUP-14', kind: 'softwareDefect', status: 'resolved' },
    { id: '15', key: 'SUP-15', kind: 'supportRequest', status: 'open' },
  ];

  it.each(['delivered', 'stageInstallationCompleted', 'installationCompleted'] as const)(
    'on %s',
    (status) => {
      const followUps = onDeliveryCompleted({ id: '900', status, version: '14.21.3.1' }, tickets, 'Done');
      expect(followUps).toEqual([
        {
          ticketId: '11',
          actions: [
            {
              type: 'transition',
              to: 'resolved',
              comment: {
                visibility: 'public',
                messageKey: 'deliveryResolved',
                params: { ticketKey: 'SUP-11', version: '14.21.3.1' },
              },
              idempotencyKey: '900:11:delivered',
            },
          ],
        },
        {
          ticketId: '12',
          actions: [expect.objectContaining({ to: 'resolved', idempotencyKey: '900:12:delivered' })],
        },
        {
          ticketId: '13',
          actions: [
            expect.objectContaining({
              to: 'closed',
              resolution: 'Done',
              comment: expect.objectContaining({ messageKey: 'deliveryClosed' }),
              idempotencyKey: '900:13:delivered',
            }),
          ],
        },
      ]);
    },
  );

  it('does nothing while the Delivery is Planned', () => {
    expect(onDeliveryCompleted({ id: '900', status: 'planned', version: '14.21' }, tickets, 'Done')).toEqual(
      [],
    );
  });
});

import { issueBeanSchema } from '../../../src/adapters/jira/schemas';

describe('the changelog in an issue bean', () => {
  it('reads a cleared side left out of an item as null, never as the inherited toString', () => {
    // As the wire carries it: the security level was removed, so the item has no "to" side at all.
    const body: unknown = JSON.parse(
      '{"id":"10001","changelog":{"histories":[{"id":"7","created":"2026-11-30T09:00:00.000+0000",' +
        '"items":[{"field":"security","fieldId":"security","from":"10100","fromString":"DACH support"}]}]}}',
    );
    const parsed = issueBeanSchema.parse(body);
    expect(parsed.changelog?.histories[0]?.items[0]).toMatchObject({
      from: '10100',
      fromString: 'DACH support',
      to: null,
      toString: null,
    });
  });
});

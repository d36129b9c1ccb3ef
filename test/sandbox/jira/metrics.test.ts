import { operationKey } from '../../../sandbox/jira/spec';
import { harness } from './site-harness';

describe('metrics keys', () => {
  test('the two JSM getOrganizations operations are counted apart; the first keeps the bare id', async () => {
    const h = harness();
    expect((await h.call('GET', '/rest/servicedeskapi/organization')).status).toBe(200);
    expect((await h.call('GET', '/rest/servicedeskapi/organization')).status).toBe(200);
    expect((await h.call('GET', '/rest/servicedeskapi/servicedesk/1/organization')).status).toBe(200);
    const perDesk = 'getOrganizations GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization';
    expect(h.site.metrics.of('getOrganizations').requests).toBe(2);
    expect(h.site.metrics.of(perDesk).requests).toBe(1);
    expect(Object.keys(h.site.metrics.all()).sort()).toEqual(['getOrganizations', perDesk]);
  });

  test('unique operationIds stay bare; every reused JSM id gets one bare and one qualified key', () => {
    expect(
      operationKey(
        {
          api: 'platform',
          operationId: 'getBulkChangelogs',
          pathTemplate: '/rest/api/3/changelog/bulkfetch',
        },
        'POST',
      ),
    ).toBe('getBulkChangelogs');
    const pair = (template: string) =>
      operationKey({ api: 'servicedesk', operationId: 'getProperty', pathTemplate: template }, 'GET');
    const keys = [
      pair('/rest/servicedeskapi/organization/{organizationId}/property/{propertyKey}'),
      pair(
        '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}/property/{propertyKey}',
      ),
    ];
    expect(keys.filter((k) => k === 'getProperty')).toHaveLength(1);
    expect(new Set(keys).size).toBe(2);
  });
});

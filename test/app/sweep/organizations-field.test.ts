import type { JiraField, JiraGateway } from '../../../src/app/ports/jira';
import { organizationsFieldId } from '../../../src/app/sweep/organizations-field';
import { MemoryStore } from '../../support/memory-store';

const ORGANIZATIONS: JiraField = {
  id: 'customfield_10002',
  name: 'Organizations',
  custom: true,
  schema: { type: 'array', custom: 'com.atlassian.servicedesk:sd-customer-organizations' },
};
const REQUEST_TYPE: JiraField = {
  id: 'customfield_10010',
  name: 'Request Type',
  custom: true,
  schema: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin' },
};
const SUMMARY: JiraField = { id: 'summary', name: 'Summary' };

/** A store that also keeps the expiry each write asked for. */
class ExpiringStore extends MemoryStore {
  readonly ttlDays = new Map<string, number | undefined>();
  override async set<T>(key: string, value: T, options?: { ttlDays?: number }): Promise<void> {
    this.ttlDays.set(key, options?.ttlDays);
    return super.set(key, value);
  }
}

/** A site whose field list is `fields`, counting how often it is read. */
function site(fields: JiraField[]) {
  const reads = { count: 0 };
  const jira = {
    getFields: async () => {
      reads.count += 1;
      return fields;
    },
  } as unknown as JiraGateway;
  return { jira, reads };
}

describe('organizationsFieldId', () => {
  it('finds the field by its JSM type among fields with and without a schema', async () => {
    const { jira } = site([SUMMARY, REQUEST_TYPE, ORGANIZATIONS]);
    await expect(organizationsFieldId(jira, new MemoryStore())).resolves.toBe('customfield_10002');
  });

  it('is undefined on a site without JSM', async () => {
    const { jira } = site([SUMMARY, REQUEST_TYPE]);
    await expect(organizationsFieldId(jira, new MemoryStore())).resolves.toBeUndefined();
  });

  it('reads the fields once and answers later sweeps from the store', async () => {
    const store = new MemoryStore();
    const { jira, reads } = site([SUMMARY, ORGANIZATIONS]);
    await organizationsFieldId(jira, store);
    await expect(organizationsFieldId(jira, store)).resolves.toBe('customfield_10002');
    expect(reads.count).toBe(1);
  });

  it('remembers that the site has no such field without reading the fields again', async () => {
    const store = new MemoryStore();
    const { jira, reads } = site([SUMMARY]);
    await organizationsFieldId(jira, store);
    await expect(organizationsFieldId(jira, store)).resolves.toBeUndefined();
    expect(reads.count).toBe(1);
  });

  it('keeps what it found for a week, so a deleted field is forgotten', async () => {
    const store = new ExpiringStore();
    await organizationsFieldId(site([ORGANIZATIONS]).jira, store);
    expect([...store.ttlDays.values()]).toEqual([7]);
  });
});

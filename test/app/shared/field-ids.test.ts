import { forgetFieldNameIndex, resolveFieldIds } from '../../../src/app/shared/field-ids';
import type { JiraField } from '../../../src/app/ports/jira';
import { projectConfig } from '../../domain/events/rule-fixtures';
import { MemoryStore } from '../../support/memory-store';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-30T08:00:00Z');

const config = projectConfig();
const configured = Object.values(config.names.fields);
/** The site's fields: every configured name, or all but one ("incomplete"). */
const siteFields = (complete: boolean): JiraField[] =>
  configured
    .filter((_, i) => complete || i !== 0)
    .map((name, i) => ({ id: `customfield_${10000 + i}`, name }));

function site(complete: boolean) {
  const reads: Date[] = [];
  let now = T0;
  const jira = {
    async getFields() {
      reads.push(now);
      return siteFields(complete);
    },
  };
  return {
    reads,
    jira,
    at(ms: number) {
      now = new Date(T0.getTime() + ms);
      return now;
    },
  };
}

describe('field ids: the field list is read once a week, once a day while a configured name is missing', () => {
  const rows: { name: string; complete: boolean; second: number; reads: number }[] = [
    { name: 'complete, an hour later', complete: true, second: HOUR, reads: 1 },
    { name: 'complete, just under a week later', complete: true, second: 7 * DAY - 1, reads: 1 },
    { name: 'complete, a week later', complete: true, second: 7 * DAY, reads: 2 },
    { name: 'a name missing, just under a day later', complete: false, second: DAY - 1, reads: 1 },
    { name: 'a name missing, a day later', complete: false, second: DAY, reads: 2 },
    { name: 'a copy from the future (clock skew) is not trusted', complete: true, second: -1, reads: 2 },
  ];
  it.each(rows)('$name: $reads read(s)', async ({ complete, second, reads }) => {
    const store = new MemoryStore();
    const s = site(complete);
    const first = await resolveFieldIds(s.jira, store, config, s.at(0));
    const again = await resolveFieldIds(s.jira, store, config, s.at(second));
    expect(s.reads).toHaveLength(reads);
    expect(again).toEqual(first);
    expect(first.deliveryVersion === undefined).toBe(!complete);
  });

  it('a settings save forgets the list: the next event reads it again', async () => {
    const store = new MemoryStore();
    const s = site(true);
    await resolveFieldIds(s.jira, store, config, s.at(0));
    await forgetFieldNameIndex(store);
    await resolveFieldIds(s.jira, store, config, s.at(HOUR));
    expect(s.reads).toHaveLength(2);
  });
});

import type { EventDeps } from '../../../src/app/events/event-deps';
import type { LinkChangeEvent } from '../../../src/app/events/event-payload';
import { handleLinkChange } from '../../../src/app/events/handle-link-change';
import type { WorkItem } from '../../../src/app/ports';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import { tableMarkOf } from '../../../src/app/shared/delivery-table-marks';
import { parseConfig } from '../../../src/domain/config';
import { MemoryStore } from '../../support/memory-store';
import { NOW } from '../../domain/events/rule-fixtures';

/** SD ships by “Delivery” links, OPS by “Shipment” links; OPS may be switched off or set to a dry run. */
function siteConfig(ops: Record<string, unknown> = {}) {
  const parsed = parseConfig({
    projects: ['SD', 'OPS'],
    projectOverrides: { OPS: { names: { deliveryLinkType: { name: 'Shipment' } }, ...ops } },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

const link = (overrides: Partial<LinkChangeEvent> = {}): LinkChangeEvent => ({
  kind: 'linkCreated',
  linkId: '10500',
  sourceIssueId: '20001',
  destinationIssueId: '10001',
  linkTypeName: 'Delivery',
  ...overrides,
});

/** A site whose source issue has `key` (or whose read fails with `failure`); reads and pushes are recorded. */
function site(options: { key?: string; failure?: Error; ops?: Record<string, unknown> } = {}) {
  const store = new MemoryStore();
  const reads: { key: string; fields: string[] }[] = [];
  const pushed: WorkItem[] = [];
  const config = siteConfig(options.ops);
  const deps = {
    store,
    config: { load: async () => ({ config }) },
    clock: { now: () => NOW },
    queue: {
      async push(items: WorkItem[]) {
        pushed.push(...items);
      },
    },
    jira: {
      async getIssue(key: string, request: { fields: string[] }) {
        reads.push({ key, fields: request.fields });
        if (options.failure) throw options.failure;
        return { id: key, ...(options.key !== undefined ? { key: options.key } : {}) };
      },
    },
  } as unknown as EventDeps;
  return { deps, store, reads, pushed };
}

describe('a link change: the Delivery’s table is regenerated when the link is a Delivery link', () => {
  it('a Delivery link of a managed project queues one regeneration of the source Delivery’s table', async () => {
    const s = site({ key: 'SD-7' });
    await expect(handleLinkChange(link(), s.deps)).resolves.toEqual({ kind: 'handled', actions: 1 });
    expect(s.reads).toEqual([{ key: '20001', fields: ['issuetype'] }]);
    expect(s.pushed).toHaveLength(1);
    await expect(tableMarkOf(s.store, '20001')).resolves.toMatchObject({
      projectKey: 'SD',
      at: NOW.toISOString(),
    });
  });

  it('a second change while one regeneration is queued queues none', async () => {
    const s = site({ key: 'SD-7' });
    await handleLinkChange(link(), s.deps);
    await expect(handleLinkChange(link({ kind: 'linkDeleted' }), s.deps)).resolves.toEqual({
      kind: 'handled',
      actions: 0,
    });
    expect(s.pushed).toHaveLength(1);
  });

  it.each([
    { name: 'the link type in another case', linkTypeName: 'DELIVERY' },
    { name: 'no link type', linkTypeName: undefined },
  ])('a link of $name is a Delivery link', async ({ linkTypeName }) => {
    const s = site({ key: 'SD-7' });
    const { linkTypeName: _none, ...rest } = link();
    const event = linkTypeName === undefined ? rest : { ...rest, linkTypeName };
    await expect(handleLinkChange(event, s.deps)).resolves.toEqual({ kind: 'handled', actions: 1 });
  });

  it('each project’s own link type counts', async () => {
    const s = site({ key: 'OPS-3' });
    await expect(handleLinkChange(link({ linkTypeName: 'shipment' }), s.deps)).resolves.toEqual({
      kind: 'handled',
      actions: 1,
    });
    await expect(tableMarkOf(s.store, '20001')).resolves.toMatchObject({ projectKey: 'OPS' });
  });

  it('a link type no managed project ships by is left before any call', async () => {
    const s = site({ key: 'SD-7' });
    await expect(handleLinkChange(link({ linkTypeName: 'Relates' }), s.deps)).resolves.toEqual({
      kind: 'ignored',
      reason: 'otherLinkType',
    });
    expect(s.reads).toEqual([]);
  });

  it('another project’s Delivery link type, in this project, is another link type', async () => {
    const s = site({ key: 'SD-7' });
    await expect(handleLinkChange(link({ linkTypeName: 'Shipment' }), s.deps)).resolves.toEqual({
      kind: 'ignored',
      reason: 'otherLinkType',
    });
    expect(s.pushed).toEqual([]);
  });

  it.each([
    { name: 'an unmanaged project', key: 'HR-7' },
    { name: 'no key', key: undefined },
  ])('a source issue of $name is not the app’s', async ({ key }) => {
    const s = site(key === undefined ? {} : { key });
    await expect(handleLinkChange(link(), s.deps)).resolves.toEqual({
      kind: 'ignored',
      reason: 'projectNotManaged',
    });
    expect(s.pushed).toEqual([]);
  });

  it('a source issue deleted meanwhile leaves nothing to do', async () => {
    const s = site({ failure: new JiraHttpError('getIssue', 404, '') });
    await expect(handleLinkChange(link(), s.deps)).resolves.toEqual({
      kind: 'ignored',
      reason: 'issueNotFound',
    });
  });

  it.each([
    { name: 'a refused read', failure: new JiraHttpError('getIssue', 403, '') },
    { name: 'another failure', failure: new Error('socket hang up') },
  ])('$name fails the event, so it is retried', async ({ failure }) => {
    const s = site({ failure });
    await expect(handleLinkChange(link(), s.deps)).rejects.toBe(failure);
  });

  it.each([
    {
      name: 'automation switched off',
      ops: { automation: { enabled: false } },
      reason: 'automationDisabled',
    },
    { name: 'a dry run', ops: { automation: { dryRun: true } }, reason: 'dryRun' },
  ])('a project with $name queues nothing', async ({ ops, reason }) => {
    const s = site({ key: 'OPS-3', ops });
    await expect(handleLinkChange(link({ linkTypeName: 'Shipment' }), s.deps)).resolves.toEqual({
      kind: 'ignored',
      reason,
    });
    expect(s.pushed).toEqual([]);
    await expect(tableMarkOf(s.store, '20001')).resolves.toBeUndefined();
  });
});

import api, { route } from '@forge/api';

import { SimClock } from '../../../sandbox/clock';
import { createForgeHost, type ForgeHost } from '../../../sandbox/forge/host';
import { createJiraSite, type SimJiraSite } from '../../../sandbox/jira/site';
import { expectFailedInvocations, guardRun, takeRunProblems } from '../../support/honest-run';
import { FIXTURE_MANIFEST } from './harness';
import * as app from './fixtures/src/index';

describe('the shared harness fails a test on any failed invocation or OpenAPI violation', () => {
  let clock: SimClock;
  let site: SimJiraSite;
  let host: ForgeHost;
  beforeEach(async () => {
    clock = new SimClock('2026-03-02T08:00:00Z');
    app.resetHandlers();
    site = createJiraSite({ seed: { seed: 1 } });
    host = await createForgeHost({ site, clock, app, manifestPath: FIXTURE_MANIFEST });
    host.install();
    guardRun(host, site);
  });
  afterEach(() => {
    host.uninstall();
    clock.uninstall();
  });

  it('reports a request that breaks the spec even when the app caught the 400', async () => {
    app.behave('hourly', async () => {
      // `fields` must be an object: Jira answers 400, and the handler shrugs it off.
      const res = await api.asApp().requestJira(route`/rest/api/3/issue/SD-1`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: 'summary' }),
      });
      return res.status;
    });
    await host.runScheduled('hourly-tick');
    expect(host.invocations.at(-1)?.outcome).toBe('ok');
    expect(takeRunProblems()).toEqual([
      expect.stringMatching(/^OpenAPI violation: editIssue request: .*fields/),
    ]);
  });

  it('reports a handler that threw, with its error', async () => {
    app.behave('hourly', () => {
      throw new Error('a defect');
    });
    await host.runScheduled('hourly-tick');
    expect(takeRunProblems()).toEqual(['failed invocation: hourly-tick (scheduled): Error: a defect']);
  });

  it('lets a test declare the kills it causes, and fails it when the declared kill never happened', async () => {
    app.behave('hourly', () => {
      throw new Error('killed on purpose');
    });
    expectFailedInvocations(host, /killed on purpose/);
    await host.runScheduled('hourly-tick');
    expect(takeRunProblems()).toEqual([]);
    expectFailedInvocations(host, /killed on purpose/);
    expect(takeRunProblems()).toEqual([
      'expected a failed invocation matching /killed on purpose/, none happened',
    ]);
  });
});

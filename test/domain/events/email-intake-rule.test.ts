import { decideEmailIntake } from '../../../src/domain/events/email-intake-rule';
import type { IssueChangeEvent } from '../../../src/domain/events/issue-change';
import { initialState } from '../../../src/domain/process-state';
import type { Ticket } from '../../../src/domain/ticket';
import { event, input, NOW, projectConfig, ticket } from './rule-fixtures';

const incident = ticket({ kind: 'incident', typeName: 'Incident' });
const created = event({ kind: 'created', items: [] });
const state = initialState(NOW, 's-open');

describe('decideEmailIntake: an e-mail Incident becomes a Request once (guide §2.2.1)', () => {
  it.each<[string, Ticket, IssueChangeEvent, boolean | undefined, boolean]>([
    ['a new Incident by e-mail', incident, created, true, true],
    ['a new Incident from the portal', incident, created, false, false],
    ['a new Incident whose channel was not looked up', incident, created, undefined, false],
    ['a new Request by e-mail', ticket({ kind: 'request', typeName: 'Request' }), created, true, false],
    ['an update of an e-mail Incident', incident, event({ kind: 'updated' }), true, false],
    ['a comment on an e-mail Incident', incident, event({ kind: 'commented' }), true, false],
  ])('%s → re-typed: %s', (_name, t, e, viaEmail, retyped) => {
    const result = decideEmailIntake(input(t, e, viaEmail === undefined ? {} : { viaEmail }), state);
    expect(result.state).toBe(state);
    expect(result.actions).toEqual(
      retyped ? [{ type: 'setType', typeName: 'Request', idempotencyKey: '10001:emailIntake' }] : [],
    );
  });

  it('names the Request type as the site calls it', () => {
    const config = projectConfig({ names: { kinds: { request: 'Anfrage' } } });
    const result = decideEmailIntake(input(incident, created, { viaEmail: true, config }), state);
    expect(result.actions).toEqual([
      { type: 'setType', typeName: 'Anfrage', idempotencyKey: '10001:emailIntake' },
    ]);
  });
});

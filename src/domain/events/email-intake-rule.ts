import type { ProcessState } from '../process-state';
import type { RuleResult } from './event-actions';
import type { RuleInput } from './rule-input';

/**
 * E-mail tickets always start as Request (guide §2.2.1): an Incident created through the e-mail channel is
 * re-typed to Request once. Whether it came by e-mail is looked up by the caller only for new Incidents.
 *
 * @example
 * decideEmailIntake({ ...createdIncident, viaEmail: true }, state).actions[0]; // { type: 'setType', typeName: 'Request', … }
 */
export function decideEmailIntake(input: RuleInput, state: ProcessState): RuleResult {
  const { event, ticket, config, viaEmail } = input;
  if (event.kind !== 'created' || ticket.kind !== 'incident' || viaEmail !== true)
    return { state, actions: [] };
  return {
    state,
    actions: [
      { type: 'setType', typeName: config.names.kinds.request, idempotencyKey: `${ticket.id}:emailIntake` },
    ],
  };
}

import { configForProject, parseConfig } from '../../../src/domain/config';
import { confidentialityAction } from '../../../src/domain/service';

function cfgOf(input: unknown = {}) {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return configForProject(result.config, 'SUP');
}

const ticket = { id: '10001', key: 'SUP-1' };
const cfg = cfgOf({ regions: { organizations: { 'ACME Ltd': 'london' }, liftRestrictionOnNo: false } });
const lifting = cfgOf({ regions: { organizations: { 'ACME Ltd': 'london' }, liftRestrictionOnNo: true } });

describe('confidentialityAction (guide §2.2.1, PROCESS.md §7)', () => {
  it('restricts a confidential ticket to its region', () => {
    expect(confidentialityAction('Yes', 'ACME Ltd', cfg, ticket, null)).toEqual({
      kind: 'restrict',
      level: 'Support London',
      actions: [
        {
          type: 'setSecurityLevel',
          level: 'Support London',
          idempotencyKey: '10001:confidential:Support London',
        },
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'confidentialityApplied',
          params: { ticketKey: 'SUP-1', securityLevel: 'Support London' },
          idempotencyKey: '10001:confidential:Support London:comment',
        },
      ],
    });
  });

  it('fails closed to the fallback level with an admin notice when the organization has no region', () => {
    const decision = confidentialityAction('Yes', 'Unknown Corp', cfg, ticket, null);
    expect(decision).toMatchObject({ kind: 'restrictFallback', level: 'Support restricted' });
    expect(decision.actions[1]).toMatchObject({
      messageKey: 'confidentialityFallback',
      visibility: 'internal',
      params: { organization: 'Unknown Corp' },
    });
  });

  it('fails closed for a ticket shared with nobody', () => {
    expect(confidentialityAction('Yes', undefined, cfg, ticket, null).kind).toBe('restrictFallback');
  });

  it('changes nothing when the level is already right', () => {
    expect(confidentialityAction('Yes', 'ACME Ltd', cfg, ticket, 'Support London')).toEqual({
      kind: 'unchanged',
      actions: [],
    });
  });

  it.each([
    ['No, lifting disabled', 'No', cfg, 'Support London', 'unchanged'],
    ['No, lifting enabled', 'No', lifting, 'Support London', 'lift'],
    ['No, lifting enabled, nothing set', 'No', lifting, null, 'unchanged'],
    ['empty value', undefined, lifting, 'Support London', 'unchanged'],
  ] as const)('%s', (_name, value, config, current, kind) => {
    expect(confidentialityAction(value, 'ACME Ltd', config, ticket, current).kind).toBe(kind);
  });

  it('lifts by removing the level', () => {
    expect(confidentialityAction('No', 'ACME Ltd', lifting, ticket, 'Support London').actions[0]).toEqual({
      type: 'setSecurityLevel',
      level: null,
      idempotencyKey: '10001:confidential:lifted:Support London',
    });
  });
});

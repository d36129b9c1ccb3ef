import { parseConfig, parseStoredConfig } from '../../../src/domain/config';

const HTTP = 'http://oncall.example.com/alert';
const UNDECLARED = 'https://pager.example.net/alert';
const VALID = 'https://oncall.example.com/alert';

function parsed(input: unknown) {
  const result = parseStoredConfig(input);
  if (!result.ok)
    throw new Error(`expected the stored configuration to load: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('parseStoredConfig: a stored on-call webhook the rules refuse switches only on-call off', () => {
  it.each([
    ['plain http', HTTP, { kind: 'httpsUrl' }],
    ['javascript:', 'javascript:alert(1)', { kind: 'httpsUrl' }],
    ['a host the manifest does not declare', UNDECLARED, { kind: 'egress', hosts: ['oncall.example.com'] }],
  ])('site webhook with %s: on-call off, every other setting as stored', (_name, target, rule) => {
    const input = {
      projects: ['SD'],
      onCall: { mode: 'webhook', target },
      timers: { clarification: { reminderCount: 2, reminderIntervalDays: 5, closeAfterDays: 15 } },
    };
    // A save of the same input is refused as a whole…
    expect(parseConfig(input).ok).toBe(false);
    // …but the stored one loads: on-call off, the rest as the admin saved it.
    const result = parsed(input);
    expect(result.config.onCall).toEqual({ mode: 'none' });
    expect(result.config.projects).toEqual(['SD']);
    expect(result.config.timers.clarification).toEqual({
      reminderCount: 2,
      reminderIntervalDays: 5,
      closeAfterDays: 15,
    });
    expect(result.onCallRefused).toEqual([expect.objectContaining({ path: 'onCall.target', rule })]);
  });

  it('a refused webhook in one project override switches on-call off there only', () => {
    const input = {
      projects: ['SD', 'OPS'],
      onCall: { mode: 'webhook', target: VALID },
      projectOverrides: { OPS: { onCall: { mode: 'webhook', target: HTTP } } },
    };
    const result = parsed(input);
    expect(result.config.onCall).toEqual({ mode: 'webhook', target: VALID });
    expect(result.config.projectOverrides.OPS).toEqual({ onCall: { mode: 'none' } });
    expect(result.onCallRefused).toEqual([
      expect.objectContaining({ path: 'projectOverrides.OPS.onCall.target', rule: { kind: 'httpsUrl' } }),
    ]);
  });

  it('refused at the site and in an override (hidden behind the site problem at first): both off', () => {
    const input = {
      projects: ['SD', 'OPS'],
      onCall: { mode: 'webhook', target: UNDECLARED },
      projectOverrides: { OPS: { onCall: { mode: 'webhook', target: HTTP } } },
    };
    const result = parsed(input);
    expect(result.config.onCall).toEqual({ mode: 'none' });
    expect(result.config.projectOverrides.OPS).toEqual({ onCall: { mode: 'none' } });
    expect(result.onCallRefused.map((e) => e.path)).toEqual([
      'onCall.target',
      'projectOverrides.OPS.onCall.target',
    ]);
  });

  it('a valid stored configuration loads as parseConfig reads it, with nothing refused', () => {
    const input = { projects: ['SD'], onCall: { mode: 'webhook', target: VALID } };
    const result = parsed(input);
    expect(result.config).toEqual((parseConfig(input) as { config: unknown }).config);
    expect(result.onCallRefused).toEqual([]);
  });

  it.each([
    [
      'another problem beside the refused webhook',
      { onCall: { mode: 'webhook', target: HTTP }, projects: ['sd'] },
    ],
    ['an on-call target missing', { onCall: { mode: 'webhook' } }],
    ['only another problem', { timers: { clarification: { reminderCount: 4 } } }],
  ])('%s: refused as a whole, with every problem named', (_name, input) => {
    const result = parseStoredConfig(input);
    expect(result.ok).toBe(false);
    expect(result).toEqual(parseConfig(input));
  });
});

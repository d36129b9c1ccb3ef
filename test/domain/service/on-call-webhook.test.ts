import { EgressFilteringService } from '@forge/egress';
import { parseConfig } from '../../../src/domain/config';
import {
  egressCovers,
  ON_CALL_WEBHOOK_EGRESS,
  webhookUrlProblem,
} from '../../../src/domain/service/on-call-webhook';

/** host, declared entries, covered? — written by hand from Forge's egress rules (docs/decisions/0016). */
const COVERAGE: [string, string[], boolean][] = [
  ['oncall.example.com', ['oncall.example.com'], true],
  ['oncall.example.com', ['https://oncall.example.com'], true],
  ['oncall.example.com', ['https://oncall.example.com/alerts/'], true],
  ['oncall.example.com', ['http://oncall.example.com'], false],
  ['oncall.example.com', ['ONCALL.example.com'], false],
  ['other.example.com', ['oncall.example.com'], false],
  ['oncall.example.com.evil.net', ['oncall.example.com'], false],
  ['evil-oncall.example.com', ['oncall.example.com'], false],
  ['hooks.example.com', ['*.example.com'], true],
  ['a.b.example.com', ['*.example.com'], true],
  ['example.com', ['*.example.com'], false],
  ['example.com.evil.net', ['*.example.com'], false],
  ['oncall.example.com:8443', ['oncall.example.com'], false],
  ['oncall.example.com:8443', ['oncall.example.com:8443'], false],
  ['oncall.example.com:8443', ['https://oncall.example.com:8443'], true],
  ['anything.net', [], false],
];

describe('egressCovers: which hosts a declared backend egress list lets a function reach', () => {
  it.each(COVERAGE)('%s under %j → %s', (host, entries, covered) => {
    expect(egressCovers(host, entries)).toBe(covered);
  });

  it.each(COVERAGE)('agrees with Forge’s own matcher (@forge/egress) for %s under %j', (host, entries) => {
    const forge = new EgressFilteringService(entries);
    expect(egressCovers(host, entries)).toBe(forge.isValidUrl(`https://${host}/alert`));
  });
});

describe('webhookUrlProblem: the on-call webhook is an https address on a declared host', () => {
  const declared = ['oncall.example.com', '*.pager.example.org'];

  it.each([
    'https://oncall.example.com/alert',
    'https://oncall.example.com',
    'https://ONCALL.example.com:443/alert?team=1',
    'https://eu.pager.example.org/v1/alert',
  ])('accepts %s', (target) => {
    expect(webhookUrlProblem(target, declared)).toBeUndefined();
  });

  it.each([
    'http://oncall.example.com/alert',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/plain,alert',
    'ftp://oncall.example.com/alert',
    'oncall.example.com/alert',
    '/alert',
    'https://user:secret@oncall.example.com/alert',
    'https://user@oncall.example.com/alert',
    'https://:secret@oncall.example.com/alert',
    'https://',
  ])('refuses %s as no full https address', (target) => {
    expect(webhookUrlProblem(target, declared)).toEqual({
      message: expect.stringContaining('must be a full https:// address'),
      rule: { kind: 'httpsUrl' },
    });
  });

  it.each([
    'https://pager.example.org/alert',
    'https://oncall.example.com.evil.net/alert',
    'https://oncall.example.com:8443/alert',
    'https://127.0.0.1/alert',
  ])('refuses %s as a host the manifest does not declare, naming the declared ones', (target) => {
    const { host } = new URL(target);
    expect(webhookUrlProblem(target, declared)).toEqual({
      message: `sends to ${host}, which this installation does not declare as egress (permissions.external.fetch.backend: oncall.example.com, *.pager.example.org)`,
      rule: { kind: 'egress', hosts: declared },
    });
  });

  it('with nothing declared every host is refused', () => {
    expect(webhookUrlProblem('https://oncall.example.com/alert', [])).toEqual({
      message: expect.stringContaining('(permissions.external.fetch.backend: none)'),
      rule: { kind: 'egress', hosts: [] },
    });
  });

  it('a saved configuration carries the rule, so the admin page words it in the user’s language', () => {
    const outside = parseConfig({ onCall: { mode: 'webhook', target: 'https://pager.example.net/x' } });
    expect(outside).toMatchObject({
      ok: false,
      errors: [{ path: 'onCall.target', rule: { kind: 'egress', hosts: [...ON_CALL_WEBHOOK_EGRESS] } }],
    });
    const plain = parseConfig({ onCall: { mode: 'webhook', target: 'http://oncall.example.com/x' } });
    expect(plain).toMatchObject({
      ok: false,
      errors: [{ path: 'onCall.target', rule: { kind: 'httpsUrl' } }],
    });
    const declaredHost = `https://${ON_CALL_WEBHOOK_EGRESS[0] ?? ''}/alert`;
    expect(parseConfig({ onCall: { mode: 'webhook', target: declaredHost } }).ok).toBe(true);
  });
});

/**
 * The hosts the app's functions may send an on-call webhook to: exactly the entries of the manifest's
 * `permissions.external.fetch.backend` (Forge fails a fetch to any other host, docs/decisions/0016). An entry is
 * a host (`oncall.example.com`) or a wildcard over its subdomains (`*.example.com`, which does not cover
 * `example.com` itself). The admin who deploys replaces the placeholder here and in `manifest.yml` with the
 * on-call service's host; `test/entry/issue-event-manifest.test.ts` keeps the two equal.
 *
 * @internal Exported for the tests that compare it with the manifest.
 */
export const ON_CALL_WEBHOOK_EGRESS: readonly string[] = ['oncall.example.com'];

/**
 * Why a webhook address is refused: not a full `https://` address without user name and password
 * (`httpsUrl`), or a host the manifest does not declare (`egress`, with the declared hosts).
 */
export type WebhookRule = { kind: 'httpsUrl' } | { kind: 'egress'; hosts: string[] };

/** What is wrong with an on-call webhook address: the English sentence and its rule. */
export interface WebhookProblem {
  message: string;
  rule: WebhookRule;
}

/**
 * Whether `host` (as a URL spells it: lower case, with `:port` unless 443) is covered by a declared egress
 * entry, matched as Forge matches backend egress: the entry's scheme (everything up to its first `:`, `https:`
 * when it names none) must be `https:`, and its host must equal `host`, letter for letter; the path is ignored,
 * and `*` stands for any characters, so `*.example.com` covers every subdomain but not `example.com`. A bare
 * `host:port` entry reads as scheme `host:` and covers nothing; a port is declared as `https://host:port`.
 *
 * @example
 * egressCovers('hooks.example.com', ['*.example.com']); // true
 * egressCovers('example.com', ['*.example.com']); // false
 * @internal Exported for the tests that compare it with Forge's own matcher.
 */
export function egressCovers(host: string, entries: readonly string[]): boolean {
  return entries.some((entry) => {
    const named = /^(.*?:)/.exec(entry)?.[1];
    if ((named ?? 'https:') !== 'https:') return false;
    const declared = entry
      .slice(named?.length ?? 0)
      .replace(/^[/\\]*/, '')
      .split(/[?#/]/)[0];
    if (declared === undefined) return false;
    if (!declared.includes('*')) return declared === host;
    const pattern = declared.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${pattern}$`).test(host);
  });
}

/**
 * What is wrong with an on-call webhook address, or `undefined` when the app can send to it. Forge functions
 * fetch over HTTPS only, so `http:`, `file:`, `javascript:` and every other scheme are refused, as are relative
 * addresses and addresses with a user name or password (they would end up in logs); the host must be one the
 * manifest declares as backend egress.
 *
 * @example
 * webhookUrlProblem('https://oncall.example.com/alert', ['oncall.example.com']); // undefined
 * webhookUrlProblem('http://oncall.example.com/alert', ['oncall.example.com']); // { rule: { kind: 'httpsUrl' }, … }
 */
export function webhookUrlProblem(
  target: string,
  egress: readonly string[] = ON_CALL_WEBHOOK_EGRESS,
): WebhookProblem | undefined {
  const httpsUrl: WebhookProblem = {
    message:
      'must be a full https:// address without user name or password, e.g. https://oncall.example.com/alert',
    rule: { kind: 'httpsUrl' },
  };
  if (!URL.canParse(target)) return httpsUrl;
  const url = new URL(target);
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '')
    return httpsUrl;
  if (egressCovers(url.host, egress)) return undefined;
  return {
    message:
      `sends to ${url.host}, which this installation does not declare as egress ` +
      `(permissions.external.fetch.backend: ${egress.join(', ') || 'none'})`,
    rule: { kind: 'egress', hosts: [...egress] },
  };
}

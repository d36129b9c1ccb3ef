/**
 * Demo controls of the local site beyond Jira's own: a request raised as if by e-mail (JSM's e-mail channel, so
 * the app's e-mail intake rule runs) and the start of a fresh demo on a Saturday (so the demo outage is reported
 * on a weekend and the app alerts on-call).
 */
import { esc } from './html';
import { CUSTOMERS } from '../jira/seed/demo-ids';
import type { LocalSite } from './local-site';
import type { View } from './pages';

const DAY = 86_400_000;

/** The customers who may write to support in the demo: one of ACME (German) and one of Globex (English). */
const SENDERS = [CUSTOMERS.acme[0], CUSTOMERS.globex[0]].filter((id): id is string => id !== undefined);

/** The form that sends an e-mail to the support address, as one of the demo's customers. */
export function emailForm(local: LocalSite, view: View): string {
  const hidden = (['as', 'lang', 'theme'] as const)
    .map((k) => `<input type="hidden" name="${k}" value="${esc(view[k])}">`)
    .join('');
  const senders = SENDERS.map((id) => {
    const user = local.site.store.users.get(id);
    return `<option value="${esc(id)}">${esc(user?.displayName ?? id)} &lt;${esc(user?.emailAddress ?? '')}&gt;</option>`;
  }).join('');
  return `<details class="edit" data-testid="email-channel"><summary>Send an e-mail to support (e-mail channel)</summary>
<form method="post" action="/do/email" class="email" aria-label="E-mail to support">${hidden}
<label>From <select name="from" data-testid="email-from">${senders}</select></label>
<label>Subject <input name="subject" required maxlength="200" data-testid="email-subject"></label>
<label>Body <textarea name="body" rows="3" data-testid="email-body"></textarea></label>
<button data-testid="email-send">Send e-mail</button>
<p class="muted">JSM's e-mail channel raises it with the channel's request type (Incident here); the app makes it a Request.</p>
</form></details>`;
}

/**
 * Raises the e-mail as JSM's e-mail channel does: the sender becomes the reporter, the subject the summary, the
 * body the description, the channel `email`. Returns the new request's key.
 */
export async function sendEmail(local: LocalSite, form: URLSearchParams): Promise<string> {
  const from = form.get('from') ?? '';
  if (!SENDERS.includes(from)) throw new Error('unknown sender');
  const body = (form.get('body') ?? '').trim();
  const description = body
    ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] }
    : undefined;
  return local.site.actAs(from).createIssue({
    project: 'SD',
    issueType: 'Incident',
    summary: (form.get('subject') ?? '').trim() || '(no subject)',
    fields: description ? { description } : {},
    channel: 'email',
  });
}

/** Saturday 10:00 UTC after `from`: a weekend in every demo region. */
export function nextSaturday(from: Date): Date {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 10));
  const ahead = (6 - day.getUTCDay() + 7) % 7 || 7;
  return new Date(day.getTime() + ahead * DAY);
}

/**
 * The newcomer's guide on the local site: a box above the issue that names the two walkthroughs of the README
 * and, on their tickets, says which button to press next and what to look for.
 */
import { esc } from './html';
import type { LocalSite } from './local-site';
import type { View } from './pages';

/** The status of the ticket shown, as the page read it (undefined when it could not be read). */
type Status = string | undefined;

function link(key: string, view: View): string {
  const query = new URLSearchParams({ as: view.as, lang: view.lang, theme: view.theme });
  return `<a href="/issue/${esc(key)}?${esc(query.toString())}">${esc(key)}</a>`;
}

function clarificationSteps(status: Status): string {
  if (status === 'Closed')
    return `<p>Done: the app closed this ticket on day 40 with a public comment and the resolution; the panel's
<em>App activity</em> and the developer log below list every reminder and the close.</p>`;
  return `<ol>
<li>Reminders 1 and 2 went out on days 10 and 20 (see <em>Activity</em>). Press <strong>+1 hour</strong>: the
hourly sweep posts reminder 3 of 3 as a public comment in the customer's language (German for Acme GmbH).</li>
<li>Press <strong>+10 days</strong>: on day 40 the ticket is closed with a comment and a resolution.</li>
<li>The panel on the right shows the clarification timer: reminders sent, next reminder, auto-close date.</li>
</ol>`;
}

function deliverySteps(local: LocalSite, view: View, status: Status): string {
  const { pendingPatch, pendingCustom, pendingCustomisation } = local.demo;
  const tickets = `${link(pendingPatch, view)} (Software Defect), ${link(pendingCustom, view)} (Consulting Request, CUSTOM) and ${link(pendingCustomisation, view)} (Customisation)`;
  if (status !== 'Planned')
    return `<p>Delivered: ${tickets} moved on. Software Defects and Consulting Requests are Resolved with a
public comment naming the version (their panels show the Resolved auto-close date); Customisations are Closed.</p>`;
  return `<ol>
<li>This Delivery ships ${tickets}: see <em>Included tickets</em> below and in the panel.</li>
<li>As the agent, press the <strong>Delivered</strong> transition button.</li>
<li>Open the included tickets: Resolved with a public comment naming the version, or Closed (Customisation).</li>
</ol>`;
}

/** The guide box for the issue page; on tickets outside the walkthroughs it only points to them. */
export function walkthroughHint(local: LocalSite, view: View, key: string, status: Status): string {
  const { clarification, delivery } = local.demo;
  const agentOnly =
    view.as === 'customer'
      ? '<p class="muted">You are viewing as the customer: switch <em>User</em> to the agent to press transitions.</p>'
      : '';
  let body: string;
  if (key === clarification)
    body = `<h2>Walkthrough 1: clarification reminders and auto-close</h2>${clarificationSteps(status)}`;
  else if (key === delivery)
    body = `<h2>Walkthrough 2: a Delivery resolves its tickets</h2>${deliverySteps(local, view, status)}`;
  else
    body = `<h2>Walkthroughs</h2><p>${link(clarification, view)}: clarification reminders and the auto-close (clock buttons
at the top). ${link(delivery, view)}: move a planned Delivery to Delivered and watch its tickets resolve.</p>`;
  return `<aside class="hint" aria-label="Walkthrough" data-testid="walkthrough">${body}${agentOnly}</aside>`;
}

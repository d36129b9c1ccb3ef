/**
 * The newcomer's guide on the local site: a box above the issue that names the two walkthroughs of the README
 * and, on their tickets, says which button to press next and what to look for.
 */
import { esc } from './html';
import { statusOf, type LocalSite } from './local-site';
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

function outageSteps(local: LocalSite): string {
  const alert = local.site.opsAlerts.all().find((a) => a.payload.details?.['issueKey'] === local.demo.outage);
  if (alert)
    return `<p data-testid="on-call-raised">Reported on a weekend: the app alerted the on-call duty through JSM Operations
(<em>On-call alerts</em> in the developer log below) and told the customer so in a public reply (<em>Activity</em>).
<strong>Reset demo</strong> starts again today.</p>`;
  return `<ol>
<li>This outage (production down, login page unreachable) is a severe fault. Reported on a working day, support
handles it as usual: no alert.</li>
<li>Press <strong>Reset demo to a Saturday</strong>: the demo starts again on the coming Saturday and this outage is
reported then. The app alerts the on-call duty and tells the customer in a public reply.</li>
</ol>`;
}

/**
 * The demo tickets whose status moved since the demo started (the clock moves for all of them, not only for the
 * walkthrough's ticket), so that a visitor is told, not surprised.
 */
function changedSinceStart(local: LocalSite, view: View): string {
  const changed = [...local.startStatus]
    .map(([key, was]) => ({ key, was, now: statusOf(local.site, key) }))
    .filter((t) => t.now !== t.was);
  if (changed.length === 0) return '';
  const items = changed.map((t) => `${link(t.key, view)} ${esc(t.was)} → ${esc(t.now)}`).join(', ');
  return `<p class="muted" data-testid="demo-changed">Changed since the demo started: ${items}.
<strong>Reset demo</strong> brings every demo ticket back.</p>`;
}

/** The guide box for the issue page; on tickets outside the walkthroughs it only points to them. */
export function walkthroughHint(local: LocalSite, view: View, key: string, status: Status): string {
  const { clarification, delivery, outage } = local.demo;
  const agentOnly =
    view.as === 'customer'
      ? '<p class="muted">You are viewing as the customer: switch <em>User</em> to the agent to press transitions.</p>'
      : '';
  let body: string;
  if (key === clarification)
    body = `<h2>Walkthrough 1: clarification reminders and auto-close</h2>${clarificationSteps(status)}`;
  else if (key === delivery)
    body = `<h2>Walkthrough 2: a Delivery resolves its tickets</h2>${deliverySteps(local, view, status)}`;
  else if (key === outage)
    body = `<h2>Walkthrough 3: a weekend outage alerts on-call</h2>${outageSteps(local)}`;
  else
    body = `<h2>Walkthroughs</h2><p>${link(clarification, view)}: clarification reminders and the auto-close (clock buttons
at the top). ${link(delivery, view)}: move a planned Delivery to Delivered and watch its tickets resolve.
${link(outage, view)}: a severe fault reported on a weekend alerts on-call. <em>Send an e-mail to support</em> (left)
raises a request by e-mail.</p>`;
  return `<aside class="hint" aria-label="Walkthrough" data-testid="walkthrough">${body}${changedSinceStart(local, view)}${agentOnly}</aside>`;
}

/**
 * Server-rendered pages of the local site, in the manner of Jira's issue view: header with user, language,
 * theme and clock controls; the queue on the left; the issue in the middle; the app's real panel bundle on the
 * right in an iframe; the Forge invocations and the app's audit trail at the bottom. Everything is read
 * through the simulator's REST API as the selected person, so a customer sees what a customer would.
 */
import type { AuditEntry } from '../../src/app/shared/audit-log';
import { adfHtml, adfText, esc, STYLES } from './html';
import { walkthroughHint } from './walkthrough';
import { editForms } from './edit-fields';
import { emailForm } from './demo-controls';
import type { LocalSite, Person } from './local-site';
import { isCustomer, PEOPLE } from './local-site';

export interface View {
  as: Person;
  lang: 'en' | 'de';
  theme: 'light' | 'dark';
}

/** Query string carrying the view settings, plus extras. */
export function qs(view: View, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ as: view.as, lang: view.lang, theme: view.theme, ...extra }).toString();
}

// REST bodies of the simulator, read loosely: this page only displays them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Bean = { key: string; id: string; fields: Record<string, Loose> };

export async function get(local: LocalSite, view: View, path: string): Promise<Loose> {
  return local.site.actAs(PEOPLE[view.as].accountId).request('GET', path);
}

export function header(local: LocalSite, view: View, here: string): string {
  const people = (Object.keys(PEOPLE) as Person[])
    .map((p) => `<option value="${p}"${p === view.as ? ' selected' : ''}>${esc(PEOPLE[p].label)}</option>`)
    .join('');
  const hidden = (extra: Record<string, string>) =>
    Object.entries(extra)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`)
      .join('');
  // The local site's controls are English on every page, also around a German portal page.
  return `<header lang="en">
  <a class="logo" href="/?${qs(view)}">Jira · Support Desk (local)</a>
  <a href="/admin?${qs(view)}" data-testid="admin-link">Apps → Support process settings</a>
  <form method="get" action="${esc(here)}" aria-label="View settings">
    <label>User <select name="as" onchange="this.form.submit()" data-testid="user-switcher">${people}</select></label>
    <label>Language <select name="lang" onchange="this.form.submit()"><option value="en"${view.lang === 'en' ? ' selected' : ''}>English</option><option value="de"${view.lang === 'de' ? ' selected' : ''}>Deutsch</option></select></label>
    <label>Theme <select name="theme" onchange="this.form.submit()"><option value="light"${view.theme === 'light' ? ' selected' : ''}>Light</option><option value="dark"${view.theme === 'dark' ? ' selected' : ''}>Dark</option></select></label>
  </form>
  <form method="post" action="/do/advance" aria-label="Clock">
    ${hidden({ back: `${here}?${qs(view)}` })}
    <button name="ms" value="3600000" data-testid="advance-hour">+1 hour</button>
    <button name="ms" value="86400000" data-testid="advance-day">+1 day</button>
    <button name="ms" value="864000000" data-testid="advance-10-days">+10 days</button>
  </form>
  <span class="clock" data-testid="clock">Now: ${time(local.clock.now().toISOString())}</span>
  <form method="post" action="/do/reset" aria-label="Reset demo">
    ${hidden({ back: `/?${qs(view)}` })}
    <button data-testid="reset-demo" title="The clock moves for every demo ticket; this brings all of them back to the start">Reset demo</button>
    <button name="start" value="saturday" data-testid="reset-saturday" title="A fresh demo whose clock starts on the coming Saturday: the demo outage is reported on a weekend">Reset demo to a Saturday</button>
  </form>
</header>`;
}

export function page(view: View, title: string, body: string): string {
  return `<!doctype html><html lang="${view.lang}" data-theme="${view.theme}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml"><style>${STYLES}</style></head>
<body>${body}
<script>
// Times in the viewer's own time zone and locale, like the panel: the browser's locale of the page's language
// (en-GB stays en-GB), else that language's usual one. UTC stays as the text without script.
const pageLang = document.documentElement.lang;
const viewerLocale = navigator.languages.find((l) => l.toLowerCase().split('-')[0] === pageLang) ?? (pageLang === 'de' ? 'de-DE' : 'en-US');
const timeFormat = new Intl.DateTimeFormat(viewerLocale, { dateStyle: 'medium', timeStyle: 'short' });
for (const t of document.querySelectorAll('time[data-local]')) t.textContent = timeFormat.format(new Date(t.dateTime));
// The panel iframe reports its height and navigation through the bridge shim.
addEventListener('message', (e) => {
  const m = e.data || {};
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
  if (m.type === 'forge-shim:resize' && frame && !frame.closest('[data-modal]')) frame.style.height = Math.max(200, m.height) + 'px';
  if (m.type === 'forge-shim:navigate') { const u = new URL(m.url, location.href); const k = u.pathname.match(/\\/(?:browse|servicedesk\\/customer\\/portal\\/\\d+)\\/([A-Z]+-\\d+)$/); const to = k ? '/issue/' + k[1] + location.search : u.href; if (m.newTab) open(to); else location.href = to; }
  // view.close() in a modal the page opened; events.emit relayed to the app's other frames, as Forge's host does.
  if (m.type === 'forge-shim:close' && frame) frame.closest('[data-modal]')?.dispatchEvent(new Event('close-modal'));
  if (m.type === 'forge-shim:emit') for (const f of document.querySelectorAll('iframe')) if (f.contentWindow !== e.source) f.contentWindow.postMessage({ type: 'forge-shim:event', event: m.event, payload: m.payload }, '*');
});
</script></body></html>`;
}

export function logPane(local: LocalSite): string {
  const invocations = local.host.invocations.slice(-15).reverse();
  const audit = local.host.kvs
    .keys('kvs')
    .filter((k) => k.startsWith('audit:p:'))
    .slice(0, 25)
    .map((k) => local.host.kvs.get('kvs', k)?.value as AuditEntry);
  const rows = invocations
    .map(
      (i) =>
        `<tr><td>${time(i.startedAt)}</td><td>${esc(i.kind)}</td><td>${esc(i.moduleKey)}${i.accountId ? ` as ${esc(i.accountId)}` : ''}</td><td>${esc(i.outcome)}</td><td>${i.requests.length} REST</td></tr>`,
    )
    .join('');
  const auditRows = audit
    .map(
      (a) =>
        `<tr><td>${time(a.at)}</td><td>${esc(a.issueKey)}</td><td>${esc(a.action)}</td><td>${esc(a.outcome)}</td><td>${esc(a.detail ?? '')}</td></tr>`,
    )
    .join('');
  const alerts = local.site.opsAlerts
    .all()
    .map(
      (a) =>
        `<tr><td>${time(a.createdAt)}</td><td>${esc(a.payload.priority ?? '')}</td><td>${esc(a.payload.message)}</td><td>${esc(a.status)}</td></tr>`,
    )
    .join('');
  return `<details class="log" lang="en" open><summary>Developer log (not part of Jira): the app's audit trail and Forge invocations</summary>
<h3>Audit trail: what the app did (newest first)</h3><table aria-label="Audit trail" data-testid="audit"><thead><tr><th>When</th><th>Ticket</th><th>Action</th><th>Outcome</th><th>Detail</th></tr></thead><tbody>${auditRows || '<tr><td colspan="5">Nothing yet: advance the clock or move a ticket.</td></tr>'}</tbody></table>
<h3>On-call alerts (JSM Operations)</h3><table aria-label="On-call alerts" data-testid="on-call-alerts"><thead><tr><th>When</th><th>Priority</th><th>Message</th><th>Status</th></tr></thead><tbody>${alerts || '<tr><td colspan="4">None: a severe fault reported on a weekend or holiday raises one.</td></tr>'}</tbody></table>
<h3>Forge invocations (newest first)</h3><table aria-label="Forge invocations"><thead><tr><th>When</th><th>Kind</th><th>Module</th><th>Outcome</th><th>Calls</th></tr></thead><tbody>${rows || '<tr><td colspan="5">No invocations yet.</td></tr>'}</tbody></table></details>`;
}

/**
 * A REST timestamp as a `<time>` element: "YYYY-MM-DD HH:mm UTC" in the HTML, which the page's script shows in
 * the viewer's own time zone and locale.
 */
export function time(iso: string | undefined): string {
  const ms = Date.parse(iso ?? '');
  if (Number.isNaN(ms)) return esc(iso ?? '');
  const instant = new Date(ms).toISOString();
  return `<time datetime="${instant}" data-local>${instant.slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** The issue view with the queue and the panel iframe. */
export async function issuePage(
  local: LocalSite,
  view: View,
  key: string,
  filter: { status?: string; type?: string },
): Promise<string> {
  const clauses = [
    'project = SD',
    filter.status ? `status = "${filter.status}"` : '',
    filter.type ? `issuetype = "${filter.type}"` : '',
  ].filter(Boolean);
  let issue: Bean | undefined;
  let transitions: Transition[] = [];
  try {
    issue = await get(
      local,
      view,
      `/rest/api/3/issue/${key}?fields=summary,status,issuetype,priority,reporter,assignee,created,description,comment,security,issuelinks,resolution,customfield_10002,customfield_10021,customfield_10020,customfield_10026,customfield_10027,customfield_10028,customfield_10022,customfield_10023`,
    );
    if (!isCustomer(view.as))
      transitions = (await get(local, view, `/rest/api/3/issue/${key}/transitions`)).transitions ?? [];
  } catch {
    issue = undefined;
  }
  // The queue is a JQL search, which knows a new or changed ticket only seconds later; the ticket shown is
  // reconciled, so one just raised (an e-mail sent from this page) is listed at once and as it is.
  const search = await get(
    local,
    view,
    `/rest/api/3/search/jql?${new URLSearchParams({
      jql: `${clauses.join(' AND ')} ORDER BY key DESC`,
      fields: 'summary,status,issuetype',
      maxResults: '100',
      ...(issue?.id ? { reconcileIssues: issue.id } : {}),
    })}`,
  );
  const issues = (search.issues ?? []) as Bean[];
  const statuses = [...local.site.store.statuses.values()].map((s) => s.name);
  const types = [...local.site.store.issueTypes.values()].map((t) => t.name);
  const option = (value: string, selected?: string) =>
    `<option${value === selected ? ' selected' : ''}>${esc(value)}</option>`;
  const queue = `<nav class="queue" aria-label="Queue"><form method="get" action="/issue/${esc(key)}">
<input type="hidden" name="as" value="${view.as}"><input type="hidden" name="lang" value="${view.lang}"><input type="hidden" name="theme" value="${view.theme}">
<select name="status" aria-label="Filter by status"><option value="">All statuses</option>${statuses.map((s) => option(s, filter.status)).join('')}</select>
<select name="type" aria-label="Filter by type"><option value="">All types</option>${types.map((t) => option(t, filter.type)).join('')}</select>
<button>Filter</button></form>${isCustomer(view.as) ? '' : emailForm(local, view)}<ul>${issues
    .map(
      (i) =>
        `<li><a href="/issue/${esc(i.key)}?${qs(view)}"${i.key === key ? ' class="selected" aria-current="page"' : ''}>${esc(i.key)} ${esc(i.fields.summary)}<small>${esc(i.fields.issuetype?.name)} · ${esc(i.fields.status?.name)}</small></a></li>`,
    )
    .join('')}</ul></nav>`;
  const back = `/issue/${key}?${qs(view)}`;
  const hint = walkthroughHint(local, view, key, issue?.fields.status?.name as string | undefined);
  const body = issue
    ? hint + issueBody(local, issue, transitions, view, back)
    : `<p>${esc(key)} does not exist or you may not see it.</p>`;
  return page(
    view,
    `${key} · Support Desk`,
    `${header(local, view, `/issue/${key}`)}<main>${queue}<section class="issue" aria-label="Issue">${body}</section>
${panelAside(view, key)}</main>${logPane(local)}`,
  );
}

/**
 * The app's panel (jira:issueContext) lives in the agent issue view only: on a real site portal customers see
 * the portal, never this view nor the panel, so the local site shows them a note instead.
 */
function panelAside(view: View, key: string): string {
  const panelSrc = `/app/panel?${qs(view, { issue: key })}`;
  return `<aside class="panel" aria-label="Support process panel"><p class="portal-link"><a href="/portal/${esc(key)}?${qs(view)}" data-testid="portal-link">View this request in the customer portal</a></p><iframe title="Support process panel" src="${esc(panelSrc)}" data-testid="panel-frame"></iframe></aside>`;
}

function issueBody(
  local: LocalSite,
  issue: Bean,
  transitions: Transition[],
  view: View,
  back: string,
): string {
  const f = issue.fields;
  const comments = (f.comment?.comments ?? []) as {
    author?: { displayName?: string };
    created: string;
    body: unknown;
    jsdPublic?: boolean;
  }[];
  const hidden = `<input type="hidden" name="key" value="${esc(issue.key)}"><input type="hidden" name="as" value="${view.as}"><input type="hidden" name="back" value="${esc(back)}">`;
  const optional = (label: string, value: string | undefined) =>
    value ? `<dt>${esc(label)}</dt><dd>${esc(value)}</dd>` : '';
  const version =
    optional(
      'Organization',
      ((f.customfield_10002 ?? []) as { name?: string }[]).map((o) => o.name).join(', '),
    ) +
    optional('Resolution', f.resolution?.name) +
    optional('Security level', f.security?.name) +
    optional('Delivery version', f.customfield_10020) +
    optional('Affected system', f.customfield_10022?.value) +
    optional('Can the system be reached?', f.customfield_10023?.value) +
    optional('Estimated delivery', f.customfield_10026) +
    optional('Cloud environment', f.customfield_10027?.value ?? f.customfield_10027);
  const description = adfText(f.description).trim();
  const included = f.customfield_10028
    ? `<h2>Included tickets</h2><div data-testid="included-tickets">${adfHtml(f.customfield_10028)}</div>`
    : '';
  const links = ((f.issuelinks ?? []) as Loose[])
    .map((l) => {
      const other = l.outwardIssue ?? l.inwardIssue;
      return `<li>${esc(l.outwardIssue ? l.type.outward : l.type.inward)} <a href="/issue/${esc(other.key)}?${qs(view)}">${esc(other.key)}</a> ${esc(other.fields?.summary ?? '')}</li>`;
    })
    .join('');
  return `<p><span class="lozenge" data-testid="issuetype">${esc(f.issuetype?.name)}</span> ${esc(issue.key)}</p>
<h1>${esc(f.summary)}</h1>
<dl class="fields"><dt>Status</dt><dd><span class="lozenge" data-testid="status">${esc(f.status?.name)}</span></dd>
<dt>Priority</dt><dd>${esc(f.priority?.name ?? '—')}</dd><dt>Reporter</dt><dd>${esc(f.reporter?.displayName ?? '—')}</dd>
<dt>Created</dt><dd>${time(f.created)}</dd>${version}</dl>
${links ? `<h2>Linked issues</h2><ul>${links}</ul>` : ''}
${transitions.length ? `<form method="post" action="/do/transition" class="transitions" aria-label="Workflow">${hidden}<span class="muted">Transitions:</span>${transitions.map((t) => `<button name="transition" value="${esc(t.id)}">${esc(buttonLabel(t, transitions))}</button>`).join('')}</form>` : ''}
${isCustomer(view.as) ? '' : confidentialForm(f.customfield_10021?.value, hidden)}
${
  isCustomer(view.as)
    ? ''
    : editForms(
        local,
        {
          priority: f.priority?.name,
          issuetype: f.issuetype?.name,
          deliveryVersion: f.customfield_10020,
          affectedSystem: f.customfield_10022?.value,
          systemReachable: f.customfield_10023?.value,
          organization: ((f.customfield_10002 ?? []) as { name?: string }[])[0]?.name,
        },
        hidden,
      )
}
<h2>Description</h2><div class="comment">${description ? esc(description) : '<span class="muted">No description.</span>'}</div>${included}
<h2>Activity</h2>${comments
    .map(
      (c) =>
        `<div class="comment${c.jsdPublic === false ? ' internal' : ''}"><div class="meta">${esc(c.author?.displayName ?? '')} · ${time(c.created)}${c.jsdPublic === false ? ' · <strong>Internal note</strong>' : ' · Public reply'}</div>${esc(adfText(c.body).trim())}</div>`,
    )
    .join('')}
<form method="post" action="/do/comment" aria-label="Add a comment">${hidden}
<label for="comment-text">Comment</label><br><textarea id="comment-text" name="text" rows="3" cols="60" required></textarea><br>
${
  isCustomer(view.as)
    ? '<button name="mode" value="customer">Reply</button>'
    : '<button name="mode" value="customer">Reply as the customer (reporter)</button> <button name="mode" value="agent">Reply to customer (agent)</button> <button name="mode" value="internal">Add internal note</button>'
}</form>`;
}

/** The "Confidential personal data?" field, editable as in Jira's issue view (the app reacts to the change). */
function confidentialForm(current: string | undefined, hidden: string): string {
  const choice = (value: string) =>
    `<option value="${value}"${value === (current ?? 'No') ? ' selected' : ''}>${value}</option>`;
  return `<form method="post" action="/do/confidential" class="transitions" aria-label="Confidential personal data">${hidden}
<label>Confidential personal data? <select name="value" data-testid="confidential">${choice('No')}${choice('Yes')}</select></label>
<button>Save</button></form>`;
}

/** A transition as Jira's transitions endpoint lists it: its name and the status it leads to. */
interface Transition {
  id: string;
  name: string;
  to?: { name?: string };
}

/**
 * A workflow may offer several transitions with the same name from one status (the demo's "Clarification
 * received" leads back to more than one status); Jira's issue view then names the target, and so does this page.
 */
function transitionLabel(transition: Transition, all: readonly Transition[]): string {
  const repeated = all.filter((t) => t.name.trim().toLowerCase() === transition.name.trim().toLowerCase());
  const target = transition.to?.name;
  return repeated.length > 1 && target ? `${transition.name} → ${target}` : transition.name;
}

/** A transition button names where it leads, so a newcomer can pick e.g. a forbidden move on purpose. */
function buttonLabel(transition: Transition, all: readonly Transition[]): string {
  const label = transitionLabel(transition, all);
  const target = transition.to?.name;
  return target && !label.includes(' → ') && target.toLowerCase() !== transition.name.trim().toLowerCase()
    ? `${label} → ${target}`
    : label;
}

/** The admin page with the app's real admin bundle. */
export function adminPage(local: LocalSite, view: View): string {
  return page(
    view,
    'Support process settings',
    `${header(local, view, '/admin')}<main class="admin"><iframe title="Support process settings" src="/app/admin?${qs(view)}" data-testid="admin-frame"></iframe></main>${logPane(local)}`,
  );
}

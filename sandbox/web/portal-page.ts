/**
 * The customer portal's request page, in the manner of JSM's: the request with its public conversation, the app's
 * portal request view actions ("Escalate", "Request a new estimate") as buttons that open the module in a modal
 * dialog, and the app's portal request detail panel beside it. The request is read through JSM's customer API as
 * the selected person, so a customer of another organization gets JSM's refusal and no app module at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { esc } from './html';
import type { LocalSite } from './local-site';
import { get, header, logPane, page, qs, time, type View } from './pages';
import { appPortalLanguage } from './portal-modules';
import { portalTexts, type PortalTexts } from './portal-texts';

const ROOT = join(__dirname, '..', '..');

/** The manifest's portal modules the page renders, with the i18n key of their title. */
const ACTIONS = [
  { moduleKey: 'process-escalate', title: 'escalate' },
  { moduleKey: 'process-new-estimate', title: 'newEstimate' },
] as const;

type PortalTitles = Record<'title' | 'escalate' | 'newEstimate', string>;

/** Module titles from the app's translation files (`locales/*.json`), as the portal shows them. */
function titles(lang: View['lang']): PortalTitles {
  const file = join(ROOT, 'locales', lang === 'de' ? 'de-DE.json' : 'en-US.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { portal: PortalTitles }).portal;
}

/** The address of one portal module's page (`/app/portal`), which the server renders with a minted context. */
function moduleSrc(view: View, key: string, moduleKey: string): string {
  return `/app/portal?${qs(view, { issue: key, module: moduleKey })}`;
}

interface CustomerRequest {
  issueKey: string;
  summary: string;
  createdDate?: { iso8601?: string };
  reporter?: { displayName?: string };
  currentStatus?: { status?: string };
}

interface RequestComment {
  body: string;
  public: boolean;
  author?: { displayName?: string };
  created?: { iso8601?: string };
}

/**
 * The request page of the customer portal for `key`, as `view.as` sees it, in the language the app answers that
 * customer in (their organization's, else the portal's locale: `view.lang`). `origin` is the page's own address.
 */
export async function portalPage(local: LocalSite, view: View, key: string, origin: string): Promise<string> {
  const here = `/portal/${key}`;
  let request: CustomerRequest | undefined;
  let comments: RequestComment[] = [];
  try {
    request = (await get(local, view, `/rest/servicedeskapi/request/${key}`)) as CustomerRequest;
    const page = (await get(local, view, `/rest/servicedeskapi/request/${key}/comment?public=true`)) as {
      values?: RequestComment[];
    };
    comments = page.values ?? [];
  } catch {
    request = undefined;
  }
  const lang = request ? await appPortalLanguage(local, view, key, origin) : view.lang;
  const t = portalTexts(lang);
  const body = request
    ? requestBody(view, t, request, comments) + sideColumn(view, lang, key)
    : `<section class="issue" aria-label="${esc(t.request)}"><h1>${esc(t.refusedTitle)}</h1>
<p data-testid="portal-refused">${esc(t.refused(key))}</p></section>`;
  return page(
    { ...view, lang },
    `${key} · ${t.portal}`,
    `${header(local, view, here)}<main class="portal">${body}</main>${modalScript()}${logPane(local)}`,
  );
}

function requestBody(
  view: View,
  t: PortalTexts,
  request: CustomerRequest,
  comments: RequestComment[],
): string {
  const conversation = comments
    .map(
      (c) =>
        `<div class="comment"><div class="meta">${esc(c.author?.displayName ?? '')} · ${time(c.created?.iso8601)}</div>${esc(c.body.trim())}</div>`,
    )
    .join('');
  const hidden = `<input type="hidden" name="key" value="${esc(request.issueKey)}"><input type="hidden" name="as" value="${view.as}"><input type="hidden" name="back" value="${esc(`/portal/${request.issueKey}?${qs(view)}`)}">`;
  return `<section class="issue" aria-label="${esc(t.request)}" data-testid="portal-request">
<p class="muted">${esc(t.portal)} · Support Desk · ${esc(request.issueKey)}</p>
<h1>${esc(request.summary)}</h1>
<dl class="fields"><dt>${esc(t.status)}</dt><dd><span class="lozenge" data-testid="status">${esc(request.currentStatus?.status ?? '')}</span></dd>
<dt>${esc(t.raisedBy)}</dt><dd>${esc(request.reporter?.displayName ?? '—')}</dd><dt>${esc(t.created)}</dt><dd>${time(request.createdDate?.iso8601)}</dd></dl>
<h2>${esc(t.activity)}</h2>${conversation || `<p class="muted">${esc(t.noReplies)}</p>`}
<form method="post" action="/do/comment" aria-label="${esc(t.addComment)}">${hidden}
<label for="comment-text">${esc(t.replyLabel)}</label><br><textarea id="comment-text" name="text" rows="3" cols="60" required></textarea><br>
<button name="mode" value="customer">${esc(t.reply)}</button></form></section>`;
}

/** The request's side column: the app's view actions, then its detail panel (JSM shows both there). */
function sideColumn(view: View, lang: View['lang'], key: string): string {
  const t = titles(lang);
  const words = portalTexts(lang);
  const actions = ACTIONS.map(
    (a) =>
      `<li><button type="button" data-action="${a.moduleKey}" data-src="${esc(moduleSrc(view, key, a.moduleKey))}" data-title="${esc(t[a.title])}" data-close="${esc(words.close)}" data-testid="action-${a.moduleKey}">${esc(t[a.title])}</button></li>`,
  ).join('');
  return `<aside class="panel" aria-label="${esc(words.details)}">
<ul class="portal-actions" aria-label="${esc(words.actions)}">${actions}</ul>
<iframe title="${esc(t.title)}" src="${esc(moduleSrc(view, key, 'process-portal'))}" data-testid="portal-frame"></iframe>
</aside>`;
}

/**
 * A view action opens its module in a modal dialog (JSM renders `portalRequestViewAction` so, sized by the
 * module's `viewportSize`); `view.close()` in the module, the close button, Escape or a click on the backdrop
 * close it, and focus returns to the button that opened it.
 */
function modalScript(): string {
  return `<script>
for (const button of document.querySelectorAll('[data-action]')) button.addEventListener('click', () => {
  const backdrop = document.createElement('div');
  backdrop.className = 'modal-backdrop';
  backdrop.setAttribute('data-modal', button.dataset.action);
  backdrop.innerHTML = '<div class="modal" role="dialog" aria-modal="true"><button type="button" class="modal-close">×</button><iframe></iframe></div>';
  const dialog = backdrop.querySelector('[role=dialog]');
  dialog.setAttribute('aria-label', button.dataset.title);
  backdrop.querySelector('.modal-close').setAttribute('aria-label', button.dataset.close);
  dialog.setAttribute('data-testid', 'modal-' + button.dataset.action);
  const frame = backdrop.querySelector('iframe');
  frame.title = button.dataset.title;
  frame.src = button.dataset.src;
  const close = () => { backdrop.remove(); document.removeEventListener('keydown', onKey); button.focus(); };
  const onKey = (e) => { if (e.key === 'Escape') close(); };
  backdrop.addEventListener('close-modal', close);
  backdrop.addEventListener('click', (e) => { if (e.target === backdrop) close(); });
  backdrop.querySelector('.modal-close').addEventListener('click', close);
  document.addEventListener('keydown', onKey);
  document.body.append(backdrop);
  frame.focus();
});
</script>`;
}

/** Tiny HTML helpers for the local site's server-rendered pages. */

/** Escapes text for HTML element content and attribute values. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text of an ADF document (paragraphs separated by blank lines). */
export function adfText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return typeof node === 'string' ? node : '';
  const n = node as { type?: string; text?: string; content?: unknown[] };
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  const inner = (n.content ?? []).map(adfText).join('');
  return n.type === 'paragraph' ? `${inner}\n\n` : inner;
}

type AdfNode = {
  type?: string;
  text?: string;
  content?: AdfNode[];
  marks?: { type: string; attrs?: { href?: string } }[];
};

/** Inline text of an ADF node as HTML, keeping links (e.g. the issue keys in a Delivery's table). */
function adfInlineHtml(node: AdfNode): string {
  if (node.type === 'text') {
    const href = node.marks?.find((m) => m.type === 'link')?.attrs?.href;
    return href ? `<a href="${esc(href)}">${esc(node.text)}</a>` : esc(node.text);
  }
  return (node.content ?? []).map(adfInlineHtml).join(node.type === 'paragraph' ? '' : ' ');
}

/**
 * An ADF document as HTML: tables (the Delivery's "Included tickets") become real tables, everything else
 * its plain text. The simulator already validated the document; this page only displays it.
 */
export function adfHtml(doc: unknown): string {
  const root = (typeof doc === 'object' && doc !== null ? doc : {}) as AdfNode;
  return (root.content ?? [])
    .map((block) => {
      if (block.type !== 'table') return `<p>${esc(adfText(block).trim())}</p>`;
      const rows = (block.content ?? []).map((row) => {
        const cells = (row.content ?? []).map((cell) => {
          const tag = cell.type === 'tableHeader' ? 'th' : 'td';
          return `<${tag}>${adfInlineHtml(cell)}</${tag}>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      return `<table class="adf">${rows.join('')}</table>`;
    })
    .join('');
}

export const STYLES = `
:root { --bg:#fff; --text:#172b4d; --subtle:#626f86; --border:#dcdfe4; --nav:#f7f8f9; --brand:#0c66e4; --sel:#e9f2ff; --lozenge:#dfe1e6; }
[data-theme=dark] { --bg:#1d2125; --text:#b6c2cf; --subtle:#8c9bab; --border:#38414a; --nav:#161a1d; --brand:#579dff; --sel:#1c2b41; --lozenge:#38414a; }
* { box-sizing: border-box; }
body { margin:0; font: 14px/1.43 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; color:var(--text); background:var(--bg); }
header { display:flex; gap:16px; align-items:center; padding:8px 16px; border-bottom:1px solid var(--border); background:var(--nav); flex-wrap:wrap; }
header .logo { font-weight:600; color:var(--brand); text-decoration:none; }
header form { display:inline-flex; gap:6px; align-items:center; margin:0; }
header .clock { margin-left:auto; color:var(--subtle); }
a { color:var(--brand); }
button, select, input, textarea { font:inherit; color:var(--text); background:var(--bg); border:1px solid var(--border); border-radius:3px; padding:4px 8px; }
button { cursor:pointer; background:var(--nav); }
button.primary { background:var(--brand); color:#fff; border-color:var(--brand); }
main { display:grid; grid-template-columns: 300px minmax(380px, 1fr) 380px; min-height: calc(100vh - 50px); }
main.admin { grid-template-columns: 1fr; }
nav.queue { border-right:1px solid var(--border); background:var(--nav); overflow:auto; max-height: calc(100vh - 50px); }
nav.queue form { padding:8px; display:flex; gap:4px; flex-wrap:wrap; }
nav.queue ul { list-style:none; margin:0; padding:0; }
nav.queue li a { display:block; padding:6px 12px; text-decoration:none; color:var(--text); border-bottom:1px solid var(--border); }
nav.queue li a.selected { background:var(--sel); }
nav.queue small { color:var(--subtle); display:block; }
nav.queue details.edit { padding:0 8px; }
nav.queue form.email { flex-direction:column; align-items:stretch; padding:8px 0; }
nav.queue form.email label { display:flex; flex-direction:column; }
section.issue { padding:16px 24px; overflow:auto; max-height: calc(100vh - 50px); }
section.issue h1 { font-size:20px; margin:4px 0 12px; }
.lozenge { display:inline-block; padding:0 6px; border-radius:3px; background:var(--lozenge); font-size:11px; font-weight:700; text-transform:uppercase; }
dl.fields { display:grid; grid-template-columns: 180px 1fr; gap:4px 12px; }
dl.fields dt { color:var(--subtle); }
.transitions { display:flex; gap:6px; flex-wrap:wrap; margin:12px 0; }
.comment { border:1px solid var(--border); border-radius:3px; padding:8px; margin:8px 0; white-space:pre-wrap; }
.comment.internal { border-left:4px solid #f5cd47; }
.comment .meta { color:var(--subtle); font-size:12px; white-space:normal; }
aside.panel { border-left:1px solid var(--border); display:flex; flex-direction:column; }
aside.panel iframe, main.admin iframe { border:0; width:100%; flex:1; min-height:600px; background:var(--bg); }
details.log { border-top:1px solid var(--border); padding:8px 16px; max-height:240px; overflow:auto; font-size:12px; }
table.adf { border-collapse:collapse; margin:4px 0 12px; }
table.adf th, table.adf td { border:1px solid var(--border); padding:4px 8px; text-align:left; vertical-align:top; }
table.adf th { background:var(--nav); }
.hint { border:1px solid var(--brand); background:var(--sel); border-radius:3px; padding:8px 12px; margin:0 0 12px; }
.hint h2 { font-size:14px; margin:0 0 4px; }
.hint ol { margin:4px 0; padding-left:20px; }
.muted { color:var(--subtle); }
main.portal { grid-template-columns: minmax(380px, 1fr) 400px; }
main.portal section.issue { max-width: 820px; }
main.portal aside.panel iframe { flex:none; min-height:200px; }
.portal-actions { list-style:none; margin:12px; padding:0; display:flex; gap:8px; flex-wrap:wrap; }
p.portal-link { margin:8px 12px; }
.modal-backdrop { position:fixed; inset:0; background:rgba(9,30,66,0.54); display:flex; align-items:flex-start; justify-content:center; padding-top:60px; z-index:10; }
.modal { position:relative; width:600px; max-width:calc(100vw - 32px); height:max(40vh, 520px); background:var(--bg); border-radius:3px; box-shadow:0 8px 24px rgba(9,30,66,0.4); }
.modal iframe { border:0; width:100%; height:100%; }
.modal-close { position:absolute; top:4px; right:4px; z-index:1; }
details.log table { border-collapse:collapse; width:100%; }
details.log td { border-bottom:1px solid var(--border); padding:2px 6px; vertical-align:top; }
`;

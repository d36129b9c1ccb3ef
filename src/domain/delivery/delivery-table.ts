import {
  doc,
  link,
  paragraph,
  table,
  tableCell,
  tableHeader,
  tableRow,
  text,
} from '@atlaskit/adf-utils/builders';
import type { Language } from '../texts';

/** One ticket in a Delivery's table (guide §3.3: Key | Request type | Summary). */
export interface IncludedTicket {
  readonly key: string;
  readonly requestType?: string;
  readonly summary: string;
}

/**
 * Jira's limit for a text field is 32,767 characters; for a rich-text field the stored ADF JSON counts. Stay
 * below it with a margin for Jira's own normalisation.
 * @internal Exported for the tests that check it directly.
 */
export const FIELD_LIMIT = 32_767;
/**
 * How long the field's document may be: the limit less a margin for Jira's normalisation.
 * @internal Exported for the tests that check it directly.
 */
export const BUDGET = FIELD_LIMIT - 767;

const HEADERS: Record<Language, [string, string, string]> = {
  en: ['Key', 'Request type', 'Summary'],
  de: ['Schlüssel', 'Anfragetyp', 'Zusammenfassung'],
};

const OMITTED: Record<Language, (n: number) => string> = {
  en: (n) =>
    `${n} more ticket(s) are linked to this Delivery but do not fit into this field; see the linked issues.`,
  de: (n) =>
    `${n} weitere Ticket(s) sind mit dieser Delivery verknüpft, passen aber nicht in dieses Feld; siehe verknüpfte Vorgänge.`,
};

const cell = (value: string) => tableCell({})(paragraph(text(value.length > 0 ? value : '—')));

function row(ticket: IncludedTicket, browseUrl: (key: string) => string) {
  // Summaries are text nodes: markup such as *bold* or <b> stays literal text, never interpreted.
  return tableRow([
    tableCell({})(paragraph(link({ href: browseUrl(ticket.key) })(text(ticket.key)))),
    cell(ticket.requestType ?? ''),
    cell(ticket.summary),
  ]);
}

/** Result of {@link buildIncludedTicketsTable}: the document and how many tickets did not fit. */
export interface IncludedTicketsDoc {
  readonly doc: ReturnType<typeof doc>;
  readonly omitted: number;
}

/**
 * The "Included tickets" field of a Delivery as an ADF table, sorted by key number. When the whole table would
 * exceed the field limit, as many rows as fit are kept and a closing paragraph says how many are missing: the
 * field stays valid ADF and within Jira's limits, and the links on the Delivery remain the full list.
 *
 * @example
 * buildIncludedTicketsTable([{ key: 'SD-1', requestType: 'Incident', summary: 'Login fails' }], 'en', (k) => `/browse/${k}`).omitted; // 0
 */
export function buildIncludedTicketsTable(
  tickets: readonly IncludedTicket[],
  language: Language,
  browseUrl: (key: string) => string,
): IncludedTicketsDoc {
  const sorted = [...tickets].sort(
    (a, b) => keyNumber(a.key) - keyNumber(b.key) || a.key.localeCompare(b.key),
  );
  const header = tableRow(HEADERS[language].map((h) => tableHeader({})(paragraph(text(h)))));
  const rows = sorted.map((t) => row(t, browseUrl));
  const build = (count: number) => {
    const omitted = rows.length - count;
    const body = table(header, ...rows.slice(0, count));
    return omitted > 0 ? doc(body, paragraph(text(OMITTED[language](omitted)))) : doc(body);
  };
  const fits = (built: ReturnType<typeof doc>) => JSON.stringify(built).length <= BUDGET;
  const whole = build(rows.length);
  if (fits(whole)) return { doc: whole, omitted: 0 };
  // Rows differ in size: start from an estimate by the average row, step down until the document fits, then up
  // while one more row still fits (the estimate keeps a margin for the closing paragraph).
  const perRow = JSON.stringify(rows).length / rows.length;
  let count = Math.min(rows.length - 1, Math.floor((BUDGET - 1500) / perRow));
  let result = build(count);
  while (count > 0 && !fits(result)) {
    count -= 1;
    result = build(count);
  }
  // The whole table does not fit, so this stops at `rows.length - 1` rows at most.
  for (let more = build(count + 1); fits(more); more = build(count + 1)) {
    count += 1;
    result = more;
  }
  return { doc: result, omitted: rows.length - count };
}

function keyNumber(key: string): number {
  const n = Number(key.slice(key.lastIndexOf('-') + 1));
  return Number.isFinite(n) ? n : 0;
}

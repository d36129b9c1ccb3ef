import { validator } from '@atlaskit/adf-utils/validator';
import { BUDGET, buildIncludedTicketsTable, FIELD_LIMIT } from '../../../src/domain/delivery/delivery-table';

function adfProblem(doc: unknown): string | undefined {
  let problem: string | undefined;
  const silence = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  validator()(doc as never, (entity, error) => {
    problem ??= error.message;
    return entity;
  });
  silence.mockRestore();
  warn.mockRestore();
  return problem;
}

const browse = (key: string) => `https://site.example/browse/${key}`;

describe('buildIncludedTicketsTable', () => {
  it('lists Key | Request type | Summary with keys linking to the tickets and markup kept as text', () => {
    const { doc, omitted } = buildIncludedTicketsTable(
      [
        { key: 'SD-10', requestType: 'Incident', summary: '*bold* <b>x</b> [link|http://evil]' },
        { key: 'SD-2', summary: 'Second' },
      ],
      'en',
      browse,
    );
    expect(omitted).toBe(0);
    expect(adfProblem(doc)).toBeUndefined();
    const json = JSON.stringify(doc);
    expect(json).toContain('"text":"*bold* <b>x</b> [link|http://evil]"');
    expect(json.indexOf('SD-2')).toBeLessThan(json.indexOf('SD-10'));
    expect(json).toContain('"href":"https://site.example/browse/SD-10"');
    // A ticket without a request type shows a dash; a whole table has no closing paragraph.
    expect(json).toContain('"text":"—"');
    expect(doc.content).toHaveLength(1);
  });

  it.each([
    ['en', ['Key', 'Request type', 'Summary']],
    ['de', ['Schlüssel', 'Anfragetyp', 'Zusammenfassung']],
  ] as const)('heads the columns in the language of the field (%s)', (language, headers) => {
    const json = JSON.stringify(buildIncludedTicketsTable([], language, browse).doc);
    for (const header of headers) expect(json).toContain(`"text":"${header}"`);
  });

  it('keeps a table of exactly the budget whole', () => {
    const one = (summary: string) => buildIncludedTicketsTable([{ key: 'SD-1', summary }], 'en', browse);
    const bare = JSON.stringify(one('x').doc).length;
    const { doc, omitted } = one('x'.repeat(BUDGET - bare + 1));
    expect(JSON.stringify(doc).length).toBe(BUDGET);
    expect(omitted).toBe(0);
  });

  // Rows of different sizes: the estimate from the average row lands below or above the count that fits (the
  // last case: long summaries first, so the average underestimates the rows that come first).
  it.each([
    ['summaries of 10 characters', () => 10],
    ['summaries of 60 characters', () => 60],
    ['summaries of 200 characters', () => 200],
    ['summaries of 600 characters', () => 600],
    ['the first 40 summaries of 700 characters, the rest of 5', (i: number) => (i < 40 ? 700 : 5)],
  ])('keeps as many rows as fit, not one more (%s)', (_case, length) => {
    const tickets = Array.from({ length: 400 }, (_, i) => ({
      key: `SD-${i + 1}`,
      requestType: 'Report a software problem',
      summary: `${'x'.repeat(length(i))} ${i}`,
    }));
    const { doc, omitted } = buildIncludedTicketsTable(tickets, 'en', browse);
    const kept = tickets.length - omitted;
    const json = JSON.stringify(doc);
    expect(json.length).toBeLessThanOrEqual(BUDGET);
    expect(json).toContain(`"text":"${omitted} more ticket(s) are linked to this Delivery`);
    expect(json).toContain(`SD-${kept}"`);
    expect(json).not.toContain(`SD-${kept + 1}"`);
    // The same document with the next row and one ticket fewer missing would not fit.
    const next = JSON.stringify(buildIncludedTicketsTable([tickets[kept]!], 'en', browse).doc.content[0]);
    const nextRow = next.slice(next.indexOf(',{"type":"tableRow"', next.indexOf('"tableHeader"')), -2);
    const grown = json
      .replace(`"text":"${omitted} more`, `"text":"${omitted - 1} more`)
      .replace(']},{"type":"paragraph"', `${nextRow}]},{"type":"paragraph"`);
    expect(grown.length).toBeGreaterThan(json.length);
    expect(grown.length).toBeGreaterThan(BUDGET);
  });

  it('keeps 300 tickets valid ADF within the field limit and says how many did not fit', () => {
    const tickets = Array.from({ length: 300 }, (_, i) => ({
      key: `SD-${i + 1}`,
      requestType: 'Report a software problem',
      summary: `Export of <report> ${i} fails with "quotes" & *stars* when the catalogue is large`,
    }));
    const { doc, omitted } = buildIncludedTicketsTable(tickets, 'de', browse);
    expect(JSON.stringify(doc).length).toBeLessThanOrEqual(FIELD_LIMIT);
    expect(adfProblem(doc)).toBeUndefined();
    expect(omitted).toBeGreaterThan(0);
    expect(JSON.stringify(doc)).toContain(`${omitted} weitere Ticket(s)`);
  });
});

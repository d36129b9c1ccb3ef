import { validator } from '@atlaskit/adf-utils/validator';
import { buildIncludedTicketsTable, FIELD_LIMIT } from '../../../src/domain/delivery/delivery-table';

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

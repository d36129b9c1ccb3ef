import { textToAdf, textWithMentionsToAdf } from '../../../src/app/shared/adf';

const t = (value: string) => ({ type: 'text', text: value });
const hardBreak = { type: 'hardBreak' };

describe('plain text as an Atlassian document', () => {
  it('makes one paragraph per block separated by blank lines, trimming each block', () => {
    expect(textToAdf('  First block \n\n\n Second block  ').content).toEqual([
      { type: 'paragraph', content: [t('First block')] },
      { type: 'paragraph', content: [t('Second block')] },
    ]);
  });

  it('turns single newlines inside a block into hard breaks between text nodes', () => {
    expect(textToAdf('line one\nline two\nline three').content).toEqual([
      { type: 'paragraph', content: [t('line one'), hardBreak, t('line two'), hardBreak, t('line three')] },
    ]);
  });

  it('keeps markup as literal text', () => {
    expect(textToAdf('*not bold* <b>x</b>').content).toEqual([
      { type: 'paragraph', content: [t('*not bold* <b>x</b>')] },
    ]);
  });

  it.each([[''], ['   '], ['\n\n  \n\n']])('gives blank text (%p) one paragraph holding a space', (plain) => {
    expect(textToAdf(plain)).toEqual({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [t(' ')] }],
    });
  });

  it('drops blank blocks between real ones', () => {
    expect(textToAdf('a\n\n   \n\nb').content).toHaveLength(2);
  });
});

describe('plain text followed by mentions', () => {
  it('is the plain document when nobody is mentioned', () => {
    expect(textWithMentionsToAdf('Hello', [])).toEqual(textToAdf('Hello'));
  });

  it('adds one last paragraph mentioning each account, separated by spaces', () => {
    const document = textWithMentionsToAdf('Hello', ['acc-1', 'acc-2', 'acc-3']);
    expect(document.type).toBe('doc');
    expect(document.version).toBe(1);
    expect(document.content).toEqual([
      { type: 'paragraph', content: [t('Hello')] },
      {
        type: 'paragraph',
        content: [
          { type: 'mention', attrs: { id: 'acc-1' } },
          t(' '),
          { type: 'mention', attrs: { id: 'acc-2' } },
          t(' '),
          { type: 'mention', attrs: { id: 'acc-3' } },
        ],
      },
    ]);
  });

  it('starts the mentions without a leading space for a single account', () => {
    expect(textWithMentionsToAdf('Hi', ['acc-1']).content[1]).toEqual({
      type: 'paragraph',
      content: [{ type: 'mention', attrs: { id: 'acc-1' } }],
    });
  });
});

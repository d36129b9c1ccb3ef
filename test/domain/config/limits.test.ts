import { parseConfig } from '../../../src/domain/config';
import { filledLength, JIRA_COMMENT_MAX } from '../../../src/domain/texts/text-limits';

function errorsOf(input: unknown) {
  const result = parseConfig(input);
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.errors;
}

describe('texts fit one Jira comment once their placeholders are filled', () => {
  it('counts each placeholder at its longest value', () => {
    expect(filledLength('Reminder {reminderNumber}')).toBe('Reminder '.length + 3);
    expect(filledLength('{ticketKey} {closeDate}')).toBe(21 + 1 + 17);
    expect(filledLength('{organization}')).toBe(255);
  });

  it('accepts a text that fits exactly and refuses one character more, naming the field', () => {
    const fits = `${'x'.repeat(JIRA_COMMENT_MAX - 21)}{ticketKey}`;
    expect(parseConfig({ texts: { clarificationReminder: { de: fits } } }).ok).toBe(true);
    expect(errorsOf({ texts: { clarificationReminder: { de: `x${fits}` } } })).toEqual([
      {
        path: 'texts.clarificationReminder.de',
        message:
          'texts.clarificationReminder.de: is 32,768 characters long with its placeholders filled; Jira comments hold at most 32,767',
        rule: { kind: 'textTooLong', length: 32_768, max: 32_767 },
      },
    ]);
  });

  it('refuses a 40,000-character reminder and a 1 MB text by field', () => {
    expect(errorsOf({ texts: { clarificationReminder: { en: 'a'.repeat(40_000) } } })[0]?.path).toBe(
      'texts.clarificationReminder.en',
    );
    expect(errorsOf({ texts: { deliveryResolved: { de: 'b'.repeat(1_048_576) } } })[0]?.path).toBe(
      'texts.deliveryResolved.de',
    );
  });
});

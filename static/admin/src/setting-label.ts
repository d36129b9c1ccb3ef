import type { AdminMessages } from './messages';

type Words = Record<string, unknown>;

/** A text of the catalogue at `key`, if there is one. */
function word(group: unknown, key: string | undefined): string | undefined {
  if (key === undefined || typeof group !== 'object' || group === null) return undefined;
  const value = (group as Words)[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A changed setting's path (as a save names it, e.g. `timers.resolvedAutoCloseDays`) in the page's words:
 * the section and the field's label ("Timers › Close after days in Resolved"); a table row adds its number,
 * a text its language. A path the catalogue does not name keeps its last part.
 */
export function settingLabel(m: AdminMessages, path: string): string {
  const parts = path.split('.');
  const [section = '', first, second, third] = parts;
  if (section === 'projects') return m.projects.title;
  if (section === 'automationEnabled') return m.automation.pause;
  const title = word(m.sections, section) ?? section;
  let field: string | undefined;
  switch (section) {
    case 'names':
      field =
        first === 'priorities' && second
          ? m.names.priority(second as 'P1')
          : (word((m as unknown as Words)[first ?? ''], second) ?? word(m.names, first));
      break;
    case 'texts':
      field = word(m.texts.messages, first) && `${word(m.texts.messages, first)} (${second?.toUpperCase()})`;
      break;
    case 'regions':
      field =
        /^\d+$/.test(second ?? '') && third
          ? m.validation.row(word(m.regions, third) ?? third, Number(second) + 1)
          : word(m.regions, first);
      break;
    case 'escalation':
      field = word(m.escalation, first) ?? word(m.ladder, first);
      break;
    case 'dryRun':
    case 'pointsBudgetPerHour':
      return title;
    default:
      field = word((m as unknown as Words)[section], first);
  }
  return `${title} › ${field ?? parts.slice(1).join('.')}`;
}

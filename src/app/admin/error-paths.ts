import type { ConfigError } from '../../domain/config';
import { contractMessageKey } from './message-key-map';

/** The admin page's field for a domain configuration path, so the error shows next to the field. */
const FIXED: Record<string, string> = {
  'timers.clarification.reminderCount': 'timers.clarificationReminderCount',
  'timers.clarification.reminderIntervalDays': 'timers.clarificationReminderIntervalDays',
  'timers.clarification.closeAfterDays': 'timers.clarificationAutoCloseDays',
  'timers.resolved.closeAfterDays': 'timers.resolvedAutoCloseDays',
  'timers.estimate.validWeeks': 'timers.estimateValidityWeeks',
  'calendar.mode': 'timers.dayCounting',
  'calendar.holidayRegion': 'calendar.holidayCountry',
  'automation.dryRun': 'dryRun',
  'automation.pointsBudgetPerHour': 'pointsBudgetPerHour',
};

const LADDER_FIELDS = [
  'personalContact',
  'teamLeadInternational',
  'departmentHead',
  'customerServicesHead',
  'board',
];

/**
 * Translates a domain configuration path (`timers.clarification.closeAfterDays`) into the admin page's path
 * (`timers.clarificationAutoCloseDays`). `regionOrder` lists the submitted region ids in page order. A path
 * the page has no field for becomes `''` (shown at the top of the form).
 */
export function contractPath(domainPath: string, regionOrder: readonly string[]): string {
  const fixed = FIXED[domainPath];
  if (fixed) return fixed;
  const parts = domainPath.split('.');
  const [head, second, third, fourth] = parts;
  switch (head) {
    case 'names':
      if (second === 'deliveryLinkType') return 'names.deliveryLinkType';
      if ((second === 'kinds' || second === 'statuses' || second === 'fields') && third)
        return `names.${second}.${third}`;
      return '';
    case 'texts': {
      const key = second ? contractMessageKey(second) : undefined;
      return key ? `texts.${key}${third ? `.${third}` : ''}` : '';
    }
    case 'calendar':
      return second === 'timeZone' || second === 'workingDays' || second === 'extraHolidays'
        ? parts.slice(0, 3).join('.')
        : '';
    case 'regions': {
      if (second !== 'regions' || third === undefined) return '';
      const index = regionOrder.indexOf(third);
      if (index < 0) return '';
      return fourth === 'securityLevel' ? `regions.${index}.securityLevel` : `regions.${index}.region`;
    }
    case 'priorities':
      return second && third ? `serviceTargets.${second}.${third}` : '';
    case 'onCall':
      return 'onCall';
    case 'escalation': {
      const level = third === undefined ? NaN : Number(third);
      return `escalation.${LADDER_FIELDS[Number.isNaN(level) ? 0 : level] ?? 'personalContact'}`;
    }
    default:
      return '';
  }
}

/** Domain errors with the admin page's paths; the message keeps its sentence but names the page's field. */
export function contractErrors(
  errors: readonly ConfigError[],
  regionOrder: readonly string[],
  stripPrefix = '',
): { path: string; message: string }[] {
  return errors.map((error) => {
    const domainPath =
      stripPrefix && error.path.startsWith(stripPrefix) ? error.path.slice(stripPrefix.length) : error.path;
    const path = contractPath(domainPath, regionOrder);
    const sentence = error.message.startsWith(`${error.path}: `)
      ? error.message.slice(error.path.length + 2)
      : error.message;
    return {
      path,
      message: path === '' ? `${domainPath || 'configuration'}: ${sentence}` : `${path}: ${sentence}`,
    };
  });
}

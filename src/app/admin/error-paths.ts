import type { SettingsError } from '../../contract/settings';
import type { ConfigError } from '../../domain/config';
import { MESSAGE_KEYS } from '../../domain/texts/message-keys';
import { ownValue } from '../../domain/own-property';

/** The admin page's field for a domain configuration path, so the error shows next to the field. */
const FIXED: Record<string, string> = {
  'timers.clarification.reminderCount': 'timers.clarificationReminderCount',
  'timers.clarification.reminderIntervalDays': 'timers.clarificationReminderIntervalDays',
  'timers.clarification.closeAfterDays': 'timers.clarificationAutoCloseDays',
  'timers.resolved.closeAfterDays': 'timers.resolvedAutoCloseDays',
  'timers.estimate.validWeeks': 'timers.estimateValidityWeeks',
  'timers.estimate.noticeBeforeDays': 'timers.estimateNoticeBeforeDays',
  'calendar.mode': 'timers.dayCounting',
  'calendar.holidayRegion': 'calendar.holidayCountry',
  'automation.enabled': 'automationEnabled',
  'automation.dryRun': 'dryRun',
  'automation.pointsBudgetPerHour': 'pointsBudgetPerHour',
  'regions.defaultRegion': 'regions.defaultRegion',
  'regions.fallbackSecurityLevel': 'regions.fallbackSecurityLevel',
  'regions.liftRestrictionOnNo': 'regions.liftRestrictionOnNo',
  defaultLanguage: 'regions.defaultLanguage',
  'onCall.mode': 'onCall.mode',
  'onCall.target': 'onCall.target',
  onCall: 'onCall.mode',
  'escalation.waitHoursBetweenLevels': 'escalation.waitHoursBetweenLevels',
  'timers.estimate.renewal.mode': 'timers.estimateRenewal.mode',
  'timers.estimate.renewal.accountManagers': 'timers.estimateRenewal.accountManagers',
  'timers.estimate.renewal.linkType': 'timers.estimateRenewal.linkType',
};

/** Row names of the submitted tables in page order, to turn a domain record key into the page's row index. */
export interface RowOrder {
  regions: readonly string[];
  organizations: readonly string[];
  /** Region ids of the escalation's region groups, in page order. */
  regionGroups: readonly string[];
}

/** Name mappings the page edits key by key (`names.priorities.P1`). */
const NAME_GROUPS = new Set(['kinds', 'statuses', 'fields', 'fieldValues', 'priorities']);

const LINK_TYPE_FIELDS = new Set(['name', 'outward', 'inward']);

const REGION_FIELDS = new Set(['securityLevel', 'timeZone', 'holidayRegion']);

const LADDER_FIELDS = [
  'personalContact',
  'teamLeadInternational',
  'departmentHead',
  'customerServicesHead',
  'board',
];

/**
 * Translates a domain configuration path (`timers.clarification.closeAfterDays`) into the admin page's path
 * (`timers.clarificationAutoCloseDays`). `rows` lists the submitted region ids and organizations in page
 * order. A path the page has no field for becomes `''` (shown at the top of the form).
 * @internal Exported for the tests that check it directly.
 */
export function contractPath(domainPath: string, rows: RowOrder): string {
  const fixed = ownValue(FIXED, domainPath);
  if (fixed) return fixed;
  const parts = domainPath.split('.');
  const [head, second, third, fourth, fifth] = parts;
  switch (head) {
    case 'names':
      if (second === 'resolutionOnClose' || second === 'customValue') return `names.${second}`;
      if (second === 'deliveryLinkType')
        return `names.deliveryLinkType.${third && LINK_TYPE_FIELDS.has(third) ? third : 'name'}`;
      if (second && third && NAME_GROUPS.has(second)) return `names.${second}.${third}`;
      return '';
    case 'texts':
      return second && (MESSAGE_KEYS as string[]).includes(second)
        ? `texts.${second}${third ? `.${third}` : ''}`
        : '';
    case 'calendar':
      return second === 'timeZone' || second === 'workingDays' || second === 'extraHolidays'
        ? parts.slice(0, 3).join('.')
        : '';
    case 'regions': {
      if (third === undefined) return '';
      if (second === 'regions') {
        const index = rows.regions.indexOf(third);
        if (index < 0) return '';
        return `regions.regions.${index}.${fourth && REGION_FIELDS.has(fourth) ? fourth : 'region'}`;
      }
      if (second === 'organizations') {
        const index = rows.organizations.indexOf(third);
        return index < 0 ? '' : `regions.organizations.${index}.region`;
      }
      return '';
    }
    case 'languageByOrganization': {
      const index = second === undefined ? -1 : rows.organizations.indexOf(second);
      return index < 0 ? '' : `regions.organizations.${index}.language`;
    }
    case 'projects':
    case 'projectOverrides':
      // A listed key that is not a project key, or overrides of a project no longer managed.
      return 'projects';
    case 'priorities':
      return second && third ? `serviceTargets.${second}.${third}` : '';
    case 'escalation': {
      if (second === 'regionGroups') {
        const index = third === undefined ? -1 : rows.regionGroups.indexOf(third);
        return index < 0 ? '' : `escalation.regionGroups.${index}.group`;
      }
      const level = third === undefined ? NaN : Number(third);
      const index = Number.isNaN(level) ? 0 : level;
      // A level's name (`escalation.levels.2.label.de`) is edited beside its people.
      if (fourth === 'label' && index < LADDER_FIELDS.length)
        return `escalation.labels.${index}.${fifth === 'de' ? 'de' : 'en'}`;
      return `escalation.${LADDER_FIELDS[index] ?? 'personalContact'}`;
    }
    default:
      return '';
  }
}

/** Domain errors with the admin page's paths; the message keeps its sentence but names the page's field. */
export function contractErrors(
  errors: readonly ConfigError[],
  rows: RowOrder,
  stripPrefix = '',
): SettingsError[] {
  return errors.map((error) => {
    const domainPath =
      stripPrefix && error.path.startsWith(stripPrefix) ? error.path.slice(stripPrefix.length) : error.path;
    const path = contractPath(domainPath, rows);
    const sentence = error.message.startsWith(`${error.path}: `)
      ? error.message.slice(error.path.length + 2)
      : error.message;
    return {
      path,
      message: path === '' ? `${domainPath || 'configuration'}: ${sentence}` : `${path}: ${sentence}`,
      ...(error.rule ? { rule: error.rule } : {}),
    };
  });
}

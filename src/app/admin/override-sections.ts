import type { SettingsSection } from '../../contract/settings';
import { ownValue } from '../../domain/own-property';
import { isRecord } from '../shared/is-record';

/**
 * Which sections of the admin page a stored domain override touches. Some domain keys feed two sections
 * (`calendar.mode` is the page's `timers.dayCounting`; `automation` holds `dryRun` and the points budget).
 */
export function overriddenSections(override: Record<string, unknown>): SettingsSection[] {
  const sections = new Set<SettingsSection>();
  const direct: Record<string, SettingsSection> = {
    names: 'names',
    timers: 'timers',
    texts: 'texts',
    regions: 'regions',
    priorities: 'serviceTargets',
    onCall: 'onCall',
    escalation: 'escalation',
    languageByOrganization: 'regions',
    defaultLanguage: 'regions',
  };
  for (const key of Object.keys(override)) {
    const section = ownValue(direct, key);
    if (section) sections.add(section);
  }
  const calendar = override.calendar;
  if (isRecord(calendar)) {
    if ('mode' in calendar) sections.add('timers');
    if (Object.keys(calendar).some((k) => k !== 'mode')) sections.add('calendar');
  }
  const automation = override.automation;
  if (isRecord(automation)) {
    if ('dryRun' in automation) sections.add('dryRun');
    if ('pointsBudgetPerHour' in automation) sections.add('pointsBudgetPerHour');
  }
  return [...sections];
}

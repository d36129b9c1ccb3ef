import type { ProcessSettings } from '../../contract/settings';
import type { Settings } from '../../domain/config';
import { DEFAULT_LADDER } from '../../domain/config/service-schema';
import { ownValue } from '../../domain/own-property';
import { MESSAGE_KEYS } from '../../domain/texts/message-keys';

/**
 * The region of a ticket comes from the JSM organization it is shared with (`regions.organizations`), not from
 * a field of its own; the admin page shows JSM's field name for it.
 */
export const REGION_SOURCE_FIELD = 'Organizations';

/** Account ids in the text boxes of the escalation ladder: comma-separated. */
function joinPeople(people: readonly string[]): string {
  return people.join(', ');
}

/**
 * The settings in force as the admin page edits them (src/contract/settings.ts). Records keyed by name in the
 * domain (regions, organizations) become lists in their stored order, so the page can show errors by row.
 */
export function settingsView(s: Settings): ProcessSettings {
  const [country = '', ...rest] = (s.calendar.holidayRegion ?? '').split('-');
  const level = (n: number) => s.escalation.levels.find((l) => l.level === n)?.people ?? [];
  const teamLeads = level(2);
  const byGroup = s.escalation.levels.find((l) => l.level === 2)?.byGroup;
  return {
    names: {
      kinds: { ...s.names.kinds },
      statuses: { ...s.names.statuses },
      fields: {
        deliveryVersion: s.names.fields.deliveryVersion,
        estimatedDeliveryDate: s.names.fields.estimatedDeliveryDate,
        cloudEnvironment: s.names.fields.cloudEnvironment,
        confidential: s.names.fields.confidential,
        region: REGION_SOURCE_FIELD,
        affectedSystem: s.names.fields.affectedSystem,
        customerReference: s.names.fields.customerReference,
      },
      fieldValues: { ...s.names.fieldValues },
      priorities: { ...s.names.priorities },
      deliveryLinkType: { ...s.names.deliveryLinkType },
      resolutionOnClose: s.names.resolutionOnClose,
      customValue: s.names.customValue,
    },
    timers: {
      clarificationReminderCount: s.timers.clarification.reminderCount,
      clarificationReminderIntervalDays: s.timers.clarification.reminderIntervalDays,
      clarificationAutoCloseDays: s.timers.clarification.closeAfterDays,
      resolvedAutoCloseDays: s.timers.resolved.closeAfterDays,
      estimateValidityWeeks: s.timers.estimate.validWeeks,
      estimateNoticeBeforeDays: s.timers.estimate.noticeBeforeDays ?? null,
      dayCounting: s.calendar.mode,
      estimateRenewal: {
        mode: s.timers.estimate.renewal.mode,
        accountManagers: joinPeople(s.timers.estimate.renewal.accountManagers),
        linkType: s.timers.estimate.renewal.linkType,
      },
    },
    texts: Object.fromEntries(
      MESSAGE_KEYS.map((key) => [key, { en: s.texts[key].en, de: s.texts[key].de }]),
    ) as ProcessSettings['texts'],
    calendar: {
      timeZone: s.calendar.timeZone,
      holidayCountry: country,
      holidayRegion: rest.length > 0 ? rest.join('-') : null,
      workingDays: [...s.calendar.workingDays],
      extraHolidays: [...s.calendar.extraHolidays],
    },
    regions: regionSettings(s),
    serviceTargets: {
      P1: target(s.priorities.P1),
      P2: target(s.priorities.P2),
      P3: target(s.priorities.P3),
      P4: target(s.priorities.P4),
    },
    onCall: { mode: s.onCall.mode, target: s.onCall.target ?? '' },
    escalation: {
      personalContact: joinPeople(level(1)),
      teamLeadInternational: joinPeople(byGroup?.international.people ?? teamLeads.slice(0, 1)),
      teamLeadDach: joinPeople(byGroup?.dach.people ?? teamLeads.slice(1)),
      departmentHead: joinPeople(level(3)),
      customerServicesHead: joinPeople(level(4)),
      board: joinPeople(level(5)),
      labels: ladderLabels(s),
      waitHoursBetweenLevels: s.escalation.waitHoursBetweenLevels,
      regionGroups: Object.entries(s.escalation.regionGroups).map(([region, group]) => ({ region, group })),
    },
    dryRun: s.automation.dryRun,
    pointsBudgetPerHour: s.automation.pointsBudgetPerHour,
  };
}

/**
 * The five level names in order. A stored ladder may list fewer levels (the domain allows 1 … 5); the page
 * always shows all five, a missing one with the guide's name (guide §4).
 */
function ladderLabels(s: Settings): { de: string; en: string }[] {
  return DEFAULT_LADDER.map((fallback) => {
    const label = s.escalation.levels.find((l) => l.level === fallback.level)?.label ?? fallback.label;
    return { de: label.de, en: label.en };
  });
}

function target(t: { responseMinutes?: number | undefined; restorationMinutes?: number | undefined }) {
  return { responseMinutes: t.responseMinutes ?? null, restorationMinutes: t.restorationMinutes ?? null };
}

/** Regions, organizations (with their region and/or language) and the fallbacks, as the page's tables. */
function regionSettings(s: Settings): ProcessSettings['regions'] {
  const names = [
    ...new Set([...Object.keys(s.regions.organizations), ...Object.keys(s.languageByOrganization)]),
  ];
  return {
    regions: Object.entries(s.regions.regions).map(([region, r]) => ({
      region,
      name: r.name ?? '',
      securityLevel: r.securityLevel,
      timeZone: r.timeZone,
      holidayRegion: r.holidayRegion,
    })),
    organizations: names.map((organization) => ({
      organization,
      region: ownValue(s.regions.organizations, organization) ?? '',
      language: ownValue(s.languageByOrganization, organization) ?? '',
    })),
    defaultRegion: s.regions.defaultRegion,
    fallbackSecurityLevel: s.regions.fallbackSecurityLevel,
    liftRestrictionOnNo: s.regions.liftRestrictionOnNo,
    defaultLanguage: s.defaultLanguage,
  };
}

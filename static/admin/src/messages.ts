import type {
  ActivityKind,
  AuditAction,
  FieldRole,
  FieldValueRole,
  HealthCheck,
  Language,
  MessageKey,
  PlatformCheckId,
  PriorityLevel,
  SettingsImpactEffect,
  SettingsSection,
  StatusRole,
  TicketKind,
} from '../../../src/contract/resolvers';
import type { ErrorTexts } from '../../shared/src/states';
import { adminDe } from './messages-de';
import { adminEn } from './messages-en';

/** Every fixed text of the admin page. */
export interface AdminMessages {
  title: string;
  loading: string;
  error: ErrorTexts;
  forbiddenTitle: string;
  forbidden: string;
  tabs: { settings: string; health: string; preview: string; activity: string };
  scope: { label: string; site: string; project: (name: string, key: string) => string; overridden: string };
  override: { label: string; followsSite: string };
  /** The settings tab's list of sections. */
  sectionNav: string;
  sections: Record<SettingsSection, string>;
  kinds: Record<TicketKind | 'delivery', string>;
  statuses: Record<StatusRole, string>;
  fields: Record<FieldRole, string>;
  names: {
    kinds: string;
    statuses: string;
    fields: string;
    fieldValues: string;
    priorities: string;
    prioritiesHint: string;
    priority: (p: PriorityLevel) => string;
    linkType: string;
    linkTypeHint: string;
    linkName: string;
    linkOutward: string;
    linkInward: string;
    closing: string;
    resolutionOnClose: string;
    resolutionHint: string;
    customValue: string;
    customValueHint: string;
  };
  /** Labels of the select options the app compares against. */
  fieldValues: Record<FieldValueRole, string>;
  /** One line on what each guide priority means (guide §3.1), shown beside its Jira name. */
  priorityMeaning: Record<PriorityLevel, string>;
  timers: {
    clarificationReminderCount: string;
    clarificationReminderIntervalDays: string;
    clarificationAutoCloseDays: string;
    resolvedAutoCloseDays: string;
    estimateValidityWeeks: string;
    estimateNoticeBeforeDays: string;
    estimateNoticeHint: string;
    dayCounting: string;
    calendarDays: string;
    workingDays: string;
  };
  texts: {
    messages: Record<MessageKey, string>;
    audience: { public: string; internal: string };
    placeholders: string;
    noPlaceholders: string;
    preview: string;
    previewEmpty: string;
    unknown: (p: string) => string;
  };
  calendar: {
    timeZone: string;
    holidayCountry: string;
    holidayRegion: string;
    workingDays: string;
    weekdays: string[];
    extraHolidays: string;
    extraHolidaysHint: string;
  };
  regions: {
    regions: string;
    region: string;
    name: string;
    securityLevel: string;
    timeZone: string;
    holidayRegion: string;
    add: string;
    remove: (n: number) => string;
    empty: string;
    organizations: string;
    organizationsHint: string;
    organization: string;
    orgRegion: string;
    noRegion: string;
    language: string;
    defaultLanguageOption: string;
    addOrganization: string;
    removeOrganization: (n: number) => string;
    noOrganizations: string;
    defaultRegion: string;
    fallbackSecurityLevel: string;
    fallbackHint: string;
    liftRestrictionOnNo: string;
    defaultLanguage: string;
    languages: { de: string; en: string };
  };
  projects: {
    title: string;
    hint: string;
    none: string;
    notServiceDesk: string;
    notManagedTitle: (key: string) => string;
    notManaged: (key: string) => string;
    enable: (key: string) => string;
  };
  targets: { priority: string; response: string; restoration: string; minutesHint: string };
  onCall: {
    mode: string;
    none: string;
    opsgenie: string;
    webhook: string;
    opsgenieTarget: string;
    webhookTarget: string;
    webhookHint: string;
  };
  escalation: Record<
    | 'personalContact'
    | 'teamLeadInternational'
    | 'teamLeadDach'
    | 'departmentHead'
    | 'customerServicesHead'
    | 'board',
    string
  >;
  /** Per escalation level: its number, its name in both languages, and the people field hint. */
  /** Validation problems in words: plain limits, and a table row's field by its number. */
  validation: {
    tooSmall: (limit: number) => string;
    tooBig: (limit: number) => string;
    empty: string;
    invalid: string;
    /** An on-call webhook that is no full https address (or carries a user name or password). */
    httpsUrl: string;
    /** An on-call webhook to a host the app's manifest does not declare; `hosts` are those it does. */
    egress: (hosts: readonly string[]) => string;
    row: (label: string, row: number) => string;
    summary: (count: number) => string;
    closeBeforeLastReminder: (
      reminders: number,
      everyDays: number,
      lastDay: number,
      closeDay: number,
    ) => string;
    noticeBeforeEstimate: (noticeDays: number, validWeeks: number) => string;
    nobodyToNotify: string;
    nameTwice: (name: string, keys: string) => string;
    unknownHolidayRegion: (region: string) => string;
    weekdayTwice: string;
    unknownRegion: (region: string) => string;
    targetRequired: string;
    levelOrder: (level: number) => string;
    textTooLong: (length: string, max: string) => string;
    unknownPlaceholders: (names: string) => string;
    rowUnnamed: string;
    rowTwice: (name: string) => string;
    regionOrLanguage: string;
    regionFromOrganization: (field: string) => string;
  };
  /** The pickers that offer what the site knows. */
  picker: {
    /** The calendar's holiday region when the country's own holidays apply alone. */
    wholeCountry: string;
    choose: string;
    notOnSite: (name: string) => string;
    nobody: string;
    addPerson: string;
    remove: (person: string, field: string) => string;
  };
  ladder: {
    level: (n: number) => string;
    labelDe: (n: number) => string;
    labelEn: (n: number) => string;
    peopleHint: string;
    waitHours: string;
    waitHint: string;
    regionGroups: string;
    regionGroupsHint: string;
    region: string;
    group: string;
    groups: Record<'dach' | 'international', string>;
    noRegionGroups: string;
    addRegionGroup: string;
    removeRegionGroup: (n: number) => string;
  };
  renewal: {
    title: string;
    mode: string;
    modes: Record<'newRequest' | 'accountManagerNote', string>;
    linkType: string;
    accountManagers: string;
  };
  automation: {
    title: string;
    pause: string;
    pauseHint: string;
    pausedTitle: string;
    paused: string;
    pausedProject: string;
    dryRun: string;
    dryRunHint: string;
    points: string;
    pointsHint: string;
  };
  save: string;
  saving: string;
  saved: string;
  saveFailed: string;
  /** Another admin saved on the same version first: who (name or @account id) and when. */
  changedMeanwhile: { title: string; body: (who: string, when: string) => string; someone: string };
  reset: string;
  organizationHealth: {
    title: string;
    allMapped: string;
    explain: (defaultRegion: string, defaultLanguage: string) => string;
    organization: string;
    missing: string;
    gap: Record<'region' | 'language', string>;
  };
  health: {
    check: string;
    project: string;
    category: Record<HealthCheck['category'], string>;
    state: Record<HealthCheck['state'], string>;
    allOk: string;
    columns: { category: string; name: string; state: string; fix: string };
    checkedAt: (when: string) => string;
  };
  parked: {
    title: string;
    intro: (maxAttempts: number) => string;
    none: string;
    columns: { item: string; reason: string; attempts: string; failed: string; action: string };
    failedBetween: (first: string, last: string) => string;
    retry: string;
    retrying: string;
    retried: string;
    alreadyRetried: string;
    retryFailed: string;
  };
  platformChecks: {
    title: string;
    intro: string;
    run: string;
    running: string;
    names: Record<PlatformCheckId, string>;
    columns: { check: string; result: string; cost: string; detail: string };
    passed: string;
    failed: string;
    cost: (points: number) => string;
    ranAt: (when: string) => string;
    held: string;
    notHeld: string;
  };
  /** Before saving: what the change would do to the open tickets. */
  impact: {
    check: string;
    checking: string;
    title: string;
    invalid: string;
    none: (checked: number) => string;
    checked: (checked: number) => string;
    effects: Record<SettingsImpactEffect, (count: number) => string>;
    /** Tickets with a running timer the app holds no state for right now: not checked (listed after it). */
    unknown: (count: number) => string;
    /** Tickets that already had more reminders than the new count, and what happens to them (keys follow). */
    pastReminderCount: (count: number) => string;
    /** Projects whose ticket index is not built yet: their tickets are not included. */
    unindexed: (projects: string) => string;
    nextSweep: (when: string) => string;
    nextSweepUnknown: string;
  };
  preview: {
    run: string;
    empty: string;
    nextSweep: (when: string) => string;
    /** Before the first sweep (or when its markers expired): its time is not known yet. */
    nextSweepUnknown: string;
    /** The following week's sweeps: title with the end, and empty. */
    week: (until: string) => string;
    weekEmpty: string;
    /** Tickets that may fall due in the previewed time whose state the app does not know (keys follow). */
    unknown: (count: number) => string;
    points: (n: number, budget: number) => string;
    action: { remind: string; close: string };
    timer: { clarification: string; resolved: string; estimate: string };
    reminder: (n: number, of: number) => string;
    columns: { ticket: string; timer: string; action: string; due: string };
  };
  activity: {
    /** A settings save: who saved it. */
    savedBy: (name: string) => string;
    /** The filter by kind of entry, and each kind in words. */
    kind: string;
    kinds: Record<ActivityKind, string>;
    /** A saver whose name Jira does not show the viewer. */
    someone: string;
    noChanges: string;
    moreChanges: (n: number) => string;
    ticket: string;
    openTicket: (key: string) => string;
    project: string;
    any: string;
    from: string;
    to: string;
    apply: string;
    more: string;
    empty: string;
    actions: Record<AuditAction, string>;
    columns: { at: string; ticket: string; action: string; summary: string };
    dryRun: string;
    failed: string;
    skipped: string;
  };
}

/** The catalogue for a UI language. */
export function adminMessages(language: Language): AdminMessages {
  return language === 'de' ? adminDe : adminEn;
}

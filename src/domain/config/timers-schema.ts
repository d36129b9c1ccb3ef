import { z } from 'zod';
import { localDateSchema, timeZoneSchema } from './schema-helpers';

const days = z.int().min(1).max(3650);

/** Timer durations (PROCESS.md §4, guide §2.2.5 and §3.2.3). */
export const timersSchema = z
  .strictObject({
    clarification: z
      .strictObject({
        reminderCount: z.int().min(0).max(20).default(3),
        reminderIntervalDays: days.default(10),
        closeAfterDays: days.default(40),
      })
      .prefault({}),
    resolved: z.strictObject({ closeAfterDays: days.default(50) }).prefault({}),
    estimate: z
      .strictObject({
        validWeeks: z.int().min(1).max(520).default(16),
        /** Days before expiry to notify the customer; absent means no notice (the guide promises none). */
        noticeBeforeDays: days.optional(),
        /**
         * What "Request a new estimate" does once an estimate expired (guide §3.2.3: the customer asks the account
         * manager): `newRequest` raises a Request linked to the expired ticket; `accountManagerNote` adds an
         * internal note there that mentions the account managers.
         */
        renewal: z
          .strictObject({
            mode: z.enum(['newRequest', 'accountManagerNote']).default('newRequest'),
            /** Atlassian account ids of the account managers (mentioned in the note). */
            accountManagers: z.array(z.string().min(1)).default([]),
            /** Jira link type between the new Request and the expired ticket. */
            linkType: z.string().trim().min(1).default('Relates'),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .prefault({});

/** ISO weekday numbers, Monday = 1 … Sunday = 7. */
const isoWeekdaySchema = z.int().min(1).max(7);

/**
 * How days are counted. `calendar` (the guide's rule): plain calendar days. `working`: a due time that falls
 * on a weekend or holiday of `holidayRegion` moves to the next working day at the same local time. A
 * `holidayRegion` of `null` means no public holidays; in a project's override it replaces the site's region.
 */
export const calendarSchema = z
  .strictObject({
    mode: z.enum(['calendar', 'working']).default('calendar'),
    timeZone: timeZoneSchema.default('Europe/Berlin'),
    holidayRegion: z
      .string()
      .nullable()
      .optional()
      .transform((region) => region ?? undefined),
    extraHolidays: z.array(localDateSchema).default([]),
    workingDays: z.array(isoWeekdaySchema).min(1).default([1, 2, 3, 4, 5]),
  })
  .prefault({});

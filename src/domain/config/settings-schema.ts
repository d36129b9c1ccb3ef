import { z } from 'zod';
import { namesSchema } from './names-schema';
import { calendarSchema, timersSchema } from './timers-schema';
import { languageSchema, textsSchema } from './texts-schema';
import {
  automationSchema,
  escalationSchema,
  onCallSchema,
  prioritiesSchema,
  regionsSchema,
} from './service-schema';
import { checkSettingsConsistency } from './consistency-rules';
import { nameRecord } from './schema-helpers';

/**
 * Every setting a project can have. The site configuration holds one full set; each managed project may
 * override any part of it (`projectOverrides`), and the merged result must satisfy the same rules.
 */
export const settingsShape = {
  names: namesSchema,
  timers: timersSchema,
  calendar: calendarSchema,
  texts: textsSchema,
  defaultLanguage: languageSchema.default('de'),
  /** Customer organization name → language of the texts it receives. */
  languageByOrganization: nameRecord(languageSchema, { identifiers: false }).default({}),
  priorities: prioritiesSchema,
  regions: regionsSchema,
  onCall: onCallSchema,
  escalation: escalationSchema,
  automation: automationSchema,
};

/** The settings of one project, validated including cross-field consistency. */
export const settingsSchema = z.strictObject(settingsShape).superRefine(checkSettingsConsistency);

/** Parsed settings (all defaults applied). */
export type Settings = z.output<typeof settingsSchema>;

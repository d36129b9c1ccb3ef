import { z } from 'zod';
import { changeItemSchema } from '../../app/shared/change-item-schema';

/**
 * The slices of Jira's response bodies the app reads. Jira sends far more; unknown keys pass through untouched
 * (`z.looseObject`) so that a new field on Jira's side never breaks a sweep.
 */
const userRefSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  accountType: z.string().optional(),
});

const statusRefSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

const historySchema = z.looseObject({
  id: z.string(),
  created: z.string(),
  author: userRefSchema.optional(),
  items: z.array(changeItemSchema),
});

export const issueBeanSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  changelog: z.looseObject({ histories: z.array(historySchema), total: z.number().optional() }).optional(),
});

/** A page of `GET /issue/{key}/changelog`. */
export const changelogPageSchema = z.looseObject({
  total: z.number(),
  values: z.array(historySchema),
});
export type IssueBean = z.infer<typeof issueBeanSchema>;

export const searchResultSchema = z.looseObject({
  issues: z.array(issueBeanSchema),
  nextPageToken: z.string().optional(),
  isLast: z.boolean().optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

const transitionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  to: statusRefSchema,
  fields: z.record(z.string(), z.looseObject({ required: z.boolean().optional() })).optional(),
});
export type Transition = z.infer<typeof transitionSchema>;
export const transitionsSchema = z.looseObject({ transitions: z.array(transitionSchema) });

const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.looseObject({ type: z.string(), custom: z.string().optional() }).optional(),
});
export type JiraField = z.infer<typeof fieldSchema>;
export const fieldsSchema = z.array(fieldSchema);

export const commentSchema = z.looseObject({
  id: z.string(),
  author: userRefSchema.optional(),
  created: z.string().optional(),
  jsdPublic: z.boolean().optional(),
});

export const propertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

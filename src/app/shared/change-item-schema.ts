import { z } from 'zod';

/**
 * One changelog item (`{field, fieldId?, from, fromString, to, toString}`), as product events and the REST changelog
 * carry it, with every empty side read as `null`. Jira may leave a cleared side out instead of sending `null` (the
 * OpenAPI spec types the sides as plain strings), and a side is taken only from the item's own properties: a missing
 * `toString` is `null`, never the inherited `Object.prototype.toString`, which would refuse the item and whatever
 * carries it.
 *
 * @example
 * changeItemSchema.parse({ field: 'status', to: '3', toString: 'Resolved' });
 * // { from: null, fromString: null, to: '3', toString: 'Resolved', field: 'status' }
 */
export const changeItemSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { from: null, fromString: null, to: null, toString: null, ...value }
      : value,
  z.looseObject({
    field: z.string(),
    fieldId: z.string().optional(),
    from: z.string().nullable(),
    fromString: z.string().nullable(),
    to: z.string().nullable(),
    toString: z.string().nullable(),
  }),
);

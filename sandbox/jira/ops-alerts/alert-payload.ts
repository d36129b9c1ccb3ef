import { z } from 'zod';

/**
 * The body of JSM Operations "Create alert" (`POST /jsm/ops/api/{cloudId}/v1/alerts`), as Atlassian's JSM ops
 * REST reference describes it (no OpenAPI file of it ships in `sandbox/specs`): `message` required, responders
 * and visibleTo addressed by `id` and `type`, `details` a map of strings, priority P1–P5. Length limits are the
 * documented Opsgenie ones the API kept. Unknown properties are refused, so a misspelt one is caught here.
 */
const responder = z
  .object({ id: z.string().min(1), type: z.enum(['team', 'user', 'escalation', 'schedule']) })
  .strict();
const shortList = (max: number) => z.array(z.string().min(1).max(50)).max(max);

export const createAlertPayload = z
  .object({
    message: z.string().trim().min(1).max(130),
    alias: z.string().min(1).max(512).optional(),
    description: z.string().max(15_000).optional(),
    responders: z.array(responder).max(50).optional(),
    visibleTo: z.array(responder).max(50).optional(),
    actions: shortList(10).optional(),
    tags: shortList(20).optional(),
    details: z
      .record(z.string(), z.string().max(8000))
      .refine((d) => JSON.stringify(d).length <= 8000, 'details exceed 8000 characters')
      .optional(),
    entity: z.string().max(512).optional(),
    source: z.string().max(100).optional(),
    priority: z.enum(['P1', 'P2', 'P3', 'P4', 'P5']).optional(),
    user: z.string().max(100).optional(),
    note: z.string().max(25_000).optional(),
  })
  .strict();

export type CreateAlertPayload = z.infer<typeof createAlertPayload>;

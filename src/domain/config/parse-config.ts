import type { z } from 'zod';
import { appConfigSchema, type AppConfig } from './app-config-schema';

/** One problem in a submitted configuration: the dotted field path and a sentence naming field and problem. */
export interface ConfigError {
  readonly path: string;
  readonly message: string;
}

/** Result of {@link parseConfig}. */
export type ParseConfigResult = { ok: true; config: AppConfig } | { ok: false; errors: ConfigError[] };

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function toErrors(issue: z.core.$ZodIssue): ConfigError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = dotted([...issue.path, key]);
      return { path, message: `${path}: is not a known setting` };
    });
  }
  const path = dotted(issue.path);
  // A refused record key carries its reason in the nested issues ("Invalid key in record" alone names none).
  const message =
    issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : issue.message;
  return [{ path, message: `${path || 'configuration'}: ${message}` }];
}

/**
 * Parses a stored or submitted site configuration. Missing keys take the guide's defaults; unknown keys,
 * invalid values and contradictory settings reject the input as a whole, with every problem listed.
 *
 * @example
 * parseConfig({ timers: { clarification: { reminderCount: 4 } } });
 * // { ok: false, errors: [{ path: 'timers.clarification.closeAfterDays', message: 'timers.clarification.closeAfterDays: 4 reminders every 10 days end on day 40, …' }] }
 */
export function parseConfig(input: unknown): ParseConfigResult {
  const result = appConfigSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.flatMap(toErrors) };
}

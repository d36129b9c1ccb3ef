import type { z } from 'zod';
import type { WebhookRule } from '../service/on-call-webhook';
import { appConfigSchema, type AppConfig } from './app-config-schema';
import type { ConsistencyRule } from './consistency-rules';

/** One problem in a submitted configuration: the dotted field path and a sentence naming field and problem. */
export interface ConfigError {
  readonly path: string;
  readonly message: string;
  /** Which limit the value broke, when it is a plain limit, so a page can say it in the user's language. */
  readonly rule?: ValidationRule;
}

/**
 * A plain limit a value broke: below `limit` (`tooSmall`; an empty text is `empty`), above it (`tooBig`), or a
 * value of the wrong kind or not among the choices (`invalid`); an on-call webhook that is no https address or
 * goes to an undeclared host (`WebhookRule`); or a rule between settings with its figures.
 */
type ValidationRule =
  | { kind: 'tooSmall' | 'tooBig'; limit: number }
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | WebhookRule
  | ConsistencyRule;

/** The limit a schema issue names; `undefined` for rules whose sentence is the only explanation. */
function ruleOf(issue: z.core.$ZodIssue): ValidationRule | undefined {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { kind: 'empty' };
      return issue.origin === 'number' || issue.origin === 'int'
        ? { kind: 'tooSmall', limit: Number(issue.minimum) }
        : undefined;
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int'
        ? { kind: 'tooBig', limit: Number(issue.maximum) }
        : undefined;
    case 'invalid_type':
    case 'invalid_value':
      return { kind: 'invalid' };
    case 'custom':
      // The consistency rules attach theirs (consistency-rules.ts).
      return (issue.params as { rule?: ValidationRule } | undefined)?.rule;
    default:
      return undefined;
  }
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
  const rule = ruleOf(issue);
  return [{ path, message: `${path || 'configuration'}: ${message}`, ...(rule ? { rule } : {}) }];
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

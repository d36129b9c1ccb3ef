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
  const { issues } = result.error;
  return {
    ok: false,
    errors: issues.filter((issue) => !isShadowedSafeRange(issue, issues)).flatMap(toErrors),
  };
}

/**
 * Zod reports an integer beyond ±2^53 twice: against the safe-integer range (origin `int`) and against the
 * field's own limit. Only the field's own limit is worth telling; the safe range stays where it is the only one.
 */
function isShadowedSafeRange(issue: z.core.$ZodIssue, issues: readonly z.core.$ZodIssue[]): boolean {
  return (
    (issue.code === 'too_big' || issue.code === 'too_small') &&
    issue.origin === 'int' &&
    issues.some(
      (other) => other !== issue && other.code === issue.code && dotted(other.path) === dotted(issue.path),
    )
  );
}

/** Result of {@link parseStoredConfig}: the configuration in force, and the webhook problems that turned on-call off. */
export type ParseStoredConfigResult =
  { ok: true; config: AppConfig; onCallRefused: ConfigError[] } | { ok: false; errors: ConfigError[] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OVERRIDE_ON_CALL_TARGET = /^projectOverrides\.([A-Z][A-Z0-9_]{1,9})\.onCall\.target$/;

/**
 * Where an on-call webhook the rules refuse sits: `''` for the site's `onCall`, the project key for an override's,
 * `undefined` when `error` is any other problem.
 */
function refusedWebhookSection(error: ConfigError): string | undefined {
  if (error.rule?.kind !== 'httpsUrl' && error.rule?.kind !== 'egress') return undefined;
  if (error.path === 'onCall.target') return '';
  return OVERRIDE_ON_CALL_TARGET.exec(error.path)?.[1];
}

/**
 * `input` with on-call switched off in `sections` (`''`: the site's settings; a key: that project's override), or
 * `undefined` when a section names nothing to switch off.
 */
function withOnCallOff(
  input: Record<string, unknown>,
  sections: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  const off = { mode: 'none' };
  const overrides = new Map<string, unknown>(
    typeof input.projectOverrides === 'object' && input.projectOverrides !== null
      ? Object.entries(input.projectOverrides)
      : [],
  );
  for (const key of sections) {
    if (key === '') continue;
    const override = overrides.get(key);
    if (typeof override !== 'object' || override === null) return undefined;
    overrides.set(key, { ...override, onCall: off });
  }
  return {
    ...input,
    ...(sections.has('') ? { onCall: off } : {}),
    ...(overrides.size > 0 ? { projectOverrides: Object.fromEntries(overrides) } : {}),
  };
}

/**
 * Parses the STORED site configuration. As {@link parseConfig}, except that an on-call webhook the rules refuse
 * (not a full `https://` address, or a host the manifest does not declare as egress; decision 0016) switches
 * on-call off where it is set, site-wide or in a project's override, instead of refusing everything: a release
 * that tightens the webhook rules must not stop the reminders, closes and event rules of a site whose webhook
 * could never have been reached anyway. The refused problems are returned for the admin; any other problem
 * refuses the configuration as a whole.
 *
 * @example
 * parseStoredConfig({ onCall: { mode: 'webhook', target: 'http://oncall.example.com/alert' } });
 * // { ok: true, config: { …, onCall: { mode: 'none' } }, onCallRefused: [{ path: 'onCall.target', rule: { kind: 'httpsUrl' }, … }] }
 */
export function parseStoredConfig(input: unknown): ParseStoredConfigResult {
  const refused: ConfigError[] = [];
  let current = input;
  // Each round switches at least one more on-call section off (the site's first, then overrides', since a
  // site problem hides the overrides' checks), so there are at most as many rounds as sections.
  for (;;) {
    const parsed = parseConfig(current);
    if (parsed.ok) return { ok: true, config: parsed.config, onCallRefused: refused };
    const sections = parsed.errors.map(refusedWebhookSection);
    if (!isObject(current) || sections.some((s) => s === undefined)) return parsed;
    const next = withOnCallOff(current, new Set(sections as string[]));
    if (!next) return parsed;
    refused.push(...parsed.errors);
    current = next;
  }
}

import { z } from 'zod';
import { isPrototypeName } from '../own-property';

/**
 * A strict object with one non-empty string per key, each defaulting to its entry in `defaults`; the whole
 * object defaults to `{}` so that every key falls back individually.
 */
export function namesWithDefaults<K extends string>(defaults: Record<K, string>) {
  const shape = Object.fromEntries(
    Object.entries<string>(defaults).map(([key, value]) => [key, z.string().trim().min(1).default(value)]),
  ) as { [P in K]: z.ZodDefault<z.ZodString> };
  // Every key has a default, so `{}` is a valid input; the generic mapped type hides that from the compiler.
  return z.strictObject(shape).prefault({} as z.input<z.ZodObject<typeof shape, z.core.$strict>>);
}

/** IANA time zone accepted by `Intl` (and therefore by `@date-fns/tz`). */
export const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a known IANA time zone (e.g. "Europe/Berlin")' },
);

/** Jira project key, as Jira writes it. */
export const projectKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,9}$/, { message: 'is not a Jira project key (e.g. "SUP")' });

/** A local calendar date `yyyy-MM-dd`. */
export const localDateSchema = z.iso.date({ message: 'must be a date written yyyy-MM-dd' });

const PROTO = '__proto__';

/**
 * A record keyed by names users or sites choose. Parsing would silently drop a key `__proto__`, so it is
 * refused with its path. With `identifiers`, every name a plain object inherits (`constructor`, `toString`, …)
 * is refused too: region ids are invented by the admin, while organization names are Jira's data and are
 * looked up as own properties instead.
 *
 * @example
 * nameRecord(z.string(), { identifiers: true }).safeParse({ constructor: 'x' }).success; // false
 */
export function nameRecord<V extends z.ZodType>(value: V, options: { identifiers: boolean }) {
  const key = options.identifiers
    ? z
        .string()
        .min(1)
        .refine((name) => !isPrototypeName(name), {
          message: 'is a reserved name in JavaScript; choose another id',
        })
    : z.string().min(1);
  return z
    .custom<Record<string, unknown>>()
    .superRefine((raw, ctx) => {
      if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, PROTO)) {
        ctx.addIssue({
          code: 'custom',
          path: [PROTO],
          message: `"${PROTO}" cannot be stored as a name`,
          input: raw,
        });
      }
    })
    .pipe(z.record(key, value));
}

/**
 * An instant in the form Jira documents for a `date` value of a `jira:entityProperty` index:
 * `YYYY-MM-DDThh:mm:ssTZ`, here always UTC (`Z`) and without milliseconds, which the documented form does not
 * have. The instant is rounded up to the whole second, so a stored due time is never earlier than the exact one.
 *
 * @example indexedInstant(new Date('2026-11-12T09:00:00.050Z')) // '2026-11-12T09:00:01Z'
 * @example indexedInstant(new Date('2026-11-12T09:00:00.000Z')) // '2026-11-12T09:00:00Z'
 */
export function indexedInstant(date: Date): string {
  const ms = Math.ceil(date.getTime() / 1000) * 1000;
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

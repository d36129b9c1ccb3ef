/**
 * The logical key (kind, status, priority, …) whose configured Jira name equals `name`. Jira compares status,
 * type and priority names case-insensitively and ignores surrounding blanks; so does the app. `null` when no
 * key is configured with that name (the ticket or status is outside the process).
 *
 * @example
 * keyByName(cfg.names.statuses, STATUSES, 'resolved '); // 'resolved'
 */
export function keyByName<K extends string>(
  names: Readonly<Record<K, string>>,
  keys: readonly K[],
  name: string | null | undefined,
): K | null {
  if (name === null || name === undefined) return null;
  const wanted = name.trim().toLowerCase();
  return keys.find((key) => names[key].trim().toLowerCase() === wanted) ?? null;
}

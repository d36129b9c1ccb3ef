/**
 * Exhaustiveness guard for discriminated unions: a `switch` whose `default` calls this fails to compile
 * when a new member (kind, status, action) is added without a case.
 *
 * @example
 * switch (action.type) { case 'comment': ...; default: return assertNever(action); }
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

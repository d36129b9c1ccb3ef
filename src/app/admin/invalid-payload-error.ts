/** A resolver payload that does not have the contract's shape; resolvers answer `INVALID`. */
export class InvalidPayloadError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid payload: ${problems.join('; ')}`);
    this.name = 'InvalidPayloadError';
  }
}

/** Zod issues as short `path: message` lines (payload paths and codes only, never values). */
export function issueLines(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.message}`);
}

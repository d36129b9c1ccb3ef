import { JastBuilder, type Query } from '@atlaskit/jql-ast';

/** Prefix of every JQL syntax error Jira returns in a 400 `errorMessages` entry. */
export const JQL_ERROR_PREFIX = 'Error in the JQL Query:';

interface SyntaxErrorLike {
  message: string;
  line?: number;
  charPositionInLine?: number;
}

/**
 * Parses with Atlassian's own grammar (`@atlaskit/jql-ast` over `@atlaskit/jql-parser`), so the simulator
 * rejects exactly what Jira's parser rejects. Errors read like Jira's 400 text:
 * `Error in the JQL Query: <parser message> (line 1, character 11)` (character 1-based, as Jira counts).
 */
export function parseJql(
  jql: string,
): { ok: true; query: Query | undefined } | { ok: false; errors: string[] } {
  const jast = new JastBuilder().build(jql);
  if (jast.errors.length > 0) {
    return {
      ok: false,
      errors: jast.errors.map((e: SyntaxErrorLike) => {
        const at =
          e.line !== undefined && e.charPositionInLine !== undefined
            ? ` (line ${e.line}, character ${e.charPositionInLine + 1})`
            : '';
        return `${JQL_ERROR_PREFIX} ${e.message}${at}`;
      }),
    };
  }
  return { ok: true, query: jast.query ?? undefined };
}

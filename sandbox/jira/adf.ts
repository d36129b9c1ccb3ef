import { validator } from '@atlaskit/adf-utils/validator';

/**
 * Run Atlaskit code with the console muted: outside the editor its feature-gate client is never initialised and
 * logs an "error has occurred checking the feature gate" notice that is noise for the simulator.
 */
function quietly<T>(run: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => undefined;
  try {
    return run();
  } finally {
    Object.assign(console, saved);
  }
}

const validate = quietly(() => validator());

/**
 * Why a value is not a valid ADF document, or undefined when it is. Uses Atlassian's own ADF validator,
 * so a malformed comment/description/rich-text body gets the 400 that Jira answers.
 */
export function adfProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'doc') {
    return 'expected a document node';
  }
  let problem: string | undefined;
  try {
    quietly(() =>
      validate(value as Parameters<typeof validate>[0], (entity, error) => {
        problem ??= `${error.code}: ${error.message}`;
        return entity;
      }),
    );
  } catch (error) {
    problem = error instanceof Error ? error.message : 'invalid document';
  }
  return problem;
}

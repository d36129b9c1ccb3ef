import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One expression module of the installed app: its key, Jira expression and the message shown on refusal. */
interface ExpressionModule {
  key: string;
  expression: string;
  errorMessage: string;
}

/** The app's expression modules, as the manifest declares them. */
export interface AppExpressionModules {
  /** `jira:workflowValidator` modules with an expression; they act where an admin adds them to a transition. */
  validators: ExpressionModule[];
  /** `jira:workflowCondition` modules; likewise added to transitions by an admin. */
  conditions: ExpressionModule[];
  /** `jira:actionValidator` modules for `workItemTypeChanged`; they act on every type change once installed. */
  typeChangeValidators: ExpressionModule[];
}

export const NO_EXPRESSION_MODULES: AppExpressionModules = {
  validators: [],
  conditions: [],
  typeChangeValidators: [],
};

type Row = { key?: unknown; expression?: unknown; errorMessage?: unknown; action?: unknown };

const modulesOf = (rows: Row[] | undefined, fallback: string): ExpressionModule[] =>
  (rows ?? []).flatMap((row) =>
    typeof row.key === 'string' && typeof row.expression === 'string'
      ? [
          {
            key: row.key,
            expression: row.expression,
            errorMessage: typeof row.errorMessage === 'string' ? row.errorMessage.trim() : fallback,
          },
        ]
      : [],
  );

/** Reads the expression modules from the app's manifest (the manifest itself is validated by the Forge host). */
export function readExpressionModules(manifestPath: string): AppExpressionModules {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { modules?: Record<string, Row[]> };
  const modules = manifest.modules ?? {};
  return {
    validators: modulesOf(modules['jira:workflowValidator'], 'The transition was refused by a validator.'),
    conditions: modulesOf(modules['jira:workflowCondition'], ''),
    typeChangeValidators: modulesOf(
      (modules['jira:actionValidator'] ?? []).filter((row) => row.action === 'workItemTypeChanged'),
      'Work Item type change was blocked by action validator.',
    ),
  };
}

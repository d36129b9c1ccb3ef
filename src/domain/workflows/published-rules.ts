import type { Settings } from '../config/settings-schema';
import { KINDS, type Kind } from '../kinds';
import { STATUSES, type StatusKey } from '../statuses';
import { checkReclassification } from './reclassification';
import { allowedTargets, type StatusChangeContext } from './status-change';
import { WORKFLOWS, workingStatuses, type Workflow } from './workflow-table';

/**
 * Format of the published tables. It is part of the property keys, so expressions of one release never read
 * tables written for another: a release with a new format publishes under new keys on upgrade, and until then its
 * expressions find nothing and allow everything.
 */
const RULES_FORMAT = 1;

/** Key of the Forge app property holding one project's transition table (read by the workflow modules). */
export const transitionRulesKey = (projectKey: string): string =>
  `jsm-process-rules.v${RULES_FORMAT}.${projectKey}`;

/** Key of the project entity property holding the project's reclassification table (read by the action validator). */
export const RECLASSIFICATION_RULES_KEY = `jsm-process-rules.v${RULES_FORMAT}`;

/** Names the tables are written in: the configured Jira names of one project. */
export type RuleNames = Pick<Settings['names'], 'kinds' | 'statuses'>;

/**
 * The transition table as the workflow validator and condition read it (`app.properties[...]`). Short keys keep
 * the Jira expressions short: `s` type name → status name → the names it may move to (itself included; every
 * status of the type's workflow has an entry), `q` type name → logical return status → the names Clarification
 * may move to when the ticket came from there, `m` every status name the process manages, `c` the name of
 * Clarification, `a` the app's own account.
 */
export interface TransitionRules {
  v: number;
  a: string;
  m: string[];
  c: string;
  s: Record<string, Record<string, string[]>>;
  q: Record<string, Record<string, string[]>>;
}

/**
 * The reclassification table the action validator reads (`project.properties[...]`): `k` type name → status
 * name → ids of the issue types the ticket may become, `m` the ids of every type the process manages.
 */
export interface ReclassificationRules {
  v: number;
  a: string;
  m: string[];
  k: Record<string, Record<string, string[]>>;
}

/** Names of the statuses a ticket of `kind` may move to from `from` (staying included). */
function targetNames(names: RuleNames, kind: Kind, from: StatusKey, ctx: StatusChangeContext = {}): string[] {
  return [from, ...allowedTargets(kind, from, ctx)].map((to) => names.statuses[to]);
}

/**
 * The transition table of PROCESS.md §3 in the project's names, from the same domain rule the event rule applies
 * (`allowedTargets`), including the narrower targets of a return from Clarification per origin (§3: back where it
 * came from, or to In Progress, or closed).
 *
 * @example
 * transitionRules(defaultConfig.names, 'app-1').s['Suggestion']['Open']; // ['Open', 'Resolved']
 */
export function transitionRules(names: RuleNames, appAccountId: string): TransitionRules {
  const s: Record<string, Record<string, string[]>> = {};
  const q: Record<string, Record<string, string[]>> = {};
  for (const kind of KINDS) {
    const workflow: Workflow = WORKFLOWS[kind];
    s[names.kinds[kind]] = Object.fromEntries(
      workflow.statuses.map((from) => [names.statuses[from], targetNames(names, kind, from)]),
    );
    if (!workflow.clarification) continue;
    q[names.kinds[kind]] = Object.fromEntries(
      workingStatuses(kind).map((origin) => [
        origin,
        targetNames(names, kind, 'clarification', { previousWorkingStatus: origin }),
      ]),
    );
  }
  return {
    v: RULES_FORMAT,
    a: appAccountId,
    m: STATUSES.map((status) => names.statuses[status]),
    c: names.statuses.clarification,
    s,
    q,
  };
}

/**
 * The reclassification table of PROCESS.md §2 (`checkReclassification`) for every managed type and status, with
 * the target types as the ids the site gives them (`typeIds`: kind → ids of the issue types with its configured
 * name). A kind the site lacks has no ids and so can be neither chosen nor refused.
 *
 * @example
 * reclassificationRules(names, { incident: ['10001'], softwareDefect: ['10003'], … }, 'app-1').k['Incident']['Open']; // ['10003', …]
 */
export function reclassificationRules(
  names: RuleNames,
  typeIds: Readonly<Record<Kind, readonly string[]>>,
  appAccountId: string,
): ReclassificationRules {
  const k: Record<string, Record<string, string[]>> = {};
  for (const from of KINDS) {
    k[names.kinds[from]] = Object.fromEntries(
      STATUSES.map((status) => [
        names.statuses[status],
        KINDS.filter((to) => to !== from && checkReclassification(from, to, status).allowed).flatMap(
          (to) => typeIds[to],
        ),
      ]),
    );
  }
  return { v: RULES_FORMAT, a: appAccountId, m: KINDS.flatMap((kind) => typeIds[kind]), k };
}

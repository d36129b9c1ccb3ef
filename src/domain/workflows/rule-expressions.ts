import { PROCESS_STATE_KEY } from '../process-state';
import { RECLASSIFICATION_RULES_KEY, transitionRulesKey } from './published-rules';

/**
 * The Jira expression of the `jira:workflowValidator` and `jira:workflowCondition` modules. It only looks up the
 * transition table the app publishes per project (`transitionRules`, Forge app property
 * `jsm-process-rules.v1.<KEY>`) and allows whatever the table does not speak about: a missing table (not yet
 * published, or written for another format), a type or status the
 * process does not manage (or that was renamed since the last publication), a status the type's workflow lacks
 * (moving out of it is the repair the event rule accepts), and the app's own account (its reverts). The event
 * rule still reverts anything that slips through. A return from Clarification is narrowed by `returnStatus` in
 * the ticket's `jsm-process-state` property (PROCESS.md §3). Written in the subset of the Jira expression
 * language the docs describe (`let`, `? :`, `==`, `&&`, `||`, `!`, `?.`, computed member access,
 * `List.includes`); 456 characters and 67 leaves of the documented 1,000 and 100.
 * @internal Exported for the tests that check it directly.
 */
export const TRANSITION_RULE_EXPRESSION = [
  `let t = app.properties["${transitionRulesKey('')}" + issue.project.key];`,
  `let w = t?.s[issue.issueType.name];`,
  `let f = issue.status.name;`,
  `let a = w == null ? null : w[f];`,
  `let s = a == null || f != t.c ? null : issue.properties["${PROCESS_STATE_KEY}"];`,
  `let r = s == null || s.returnStatus == null ? null : t.q[issue.issueType.name][s.returnStatus];`,
  `let n = transition.to.name;`,
  `a == null || user.accountId == t.a || !t.m.includes(n) || (r == null ? a : r).includes(n)`,
].join('\n');

/**
 * The Jira expression of the `jira:actionValidator` module for `workItemTypeChanged` (PROCESS.md §2). Its context
 * offers `user`, `issue`, `project` and `newIssueType` (the new type's id), not `app`; so it reads the
 * reclassification table the app publishes as the project property `jsm-process-rules.v1` and, like the workflow
 * expression, allows whatever the table does not speak about.
 * @internal Exported for the tests that check it directly.
 */
export const RECLASSIFICATION_RULE_EXPRESSION = [
  `let k = project.properties["${RECLASSIFICATION_RULES_KEY}"];`,
  `let f = k?.k[issue.issueType.name];`,
  `let a = f == null ? null : f[issue.status.name];`,
  `a == null || user.accountId == k.a || !k.m.includes(newIssueType) || a.includes(newIssueType)`,
].join('\n');

/** Every Jira expression the app ships, by manifest module key (the platform check analyses each). */
export const SHIPPED_EXPRESSIONS = {
  'process-transition-validator': TRANSITION_RULE_EXPRESSION,
  'process-transition-condition': TRANSITION_RULE_EXPRESSION,
  'process-reclassification-validator': RECLASSIFICATION_RULE_EXPRESSION,
} as const;

/**
 * The error message Jira shows when the validator refuses a status change (one static text, both languages).
 * @internal Exported for the tests that check it directly.
 */
export const TRANSITION_REFUSED_MESSAGE =
  'This status change is not part of the workflow of this ticket type. / ' +
  'Dieser Statuswechsel ist im Workflow dieses Tickettyps nicht vorgesehen.';

/**
 * The error message Jira shows when the action validator refuses a type change.
 * @internal Exported for the tests that check it directly.
 */
export const RECLASSIFICATION_REFUSED_MESSAGE =
  'This type change is not part of the reclassification rules (only before the ticket is resolved). / ' +
  'Dieser Typwechsel ist in den Regeln zur Umklassifizierung nicht vorgesehen (nur vor der Lösung möglich).';

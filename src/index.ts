/**
 * Forge entry point: every `index.<name>` handler in manifest.yml, grouped by module kind.
 * Each handler is a thin file in `src/entry`; the rules live in `src/domain`, the use cases in `src/app`.
 */

// scheduledTrigger `process-sweep`
export { sweep } from './entry/sweep';

// trigger `issue-events`
export { onIssueEvent } from './entry/issue-event';

// trigger `app-lifecycle`
export { onAppLifecycle } from './entry/app-lifecycle';

// consumer `work-consumer` on queue `process-work`
export { work } from './entry/work';

// jira:issueContext `process-panel` and jira:adminPage `process-admin`
export { handler as resolver } from './entry/resolver';

// jiraServiceManagement:portalRequestDetailPanel `process-portal` and portalRequestViewAction `process-escalate`,
// `process-new-estimate` (customers allowed)
export { handler as portalResolver } from './entry/portal-resolver';

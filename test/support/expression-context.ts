import { Entity, type ExprValue, PropertyBag } from '../../sandbox/jira/expressions/values';

/** Plain data of the objects a workflow or action-validator expression sees, for table-driven tests. */
export interface ExpressionWorld {
  projectKey: string;
  typeId?: string;
  typeName: string;
  statusName: string;
  accountId?: string;
  issueProperties?: Record<string, unknown>;
  appProperties?: Record<string, unknown>;
  projectProperties?: Record<string, unknown>;
}

const bag = (values: Record<string, unknown> = {}) =>
  new PropertyBag((key) => (Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined));

const status = (name: string) => new Entity('Status', { id: () => 1, name: () => name });

function common(world: ExpressionWorld) {
  const project = new Entity('Project', {
    id: () => 10000,
    key: () => world.projectKey,
    properties: () => bag(world.projectProperties),
  });
  const issue = new Entity('Issue', {
    id: () => 10001,
    key: () => `${world.projectKey}-1`,
    issueType: () => new Entity('IssueType', { id: () => world.typeId ?? '1', name: () => world.typeName }),
    status: () => status(world.statusName),
    project: () => project,
    properties: () => bag(world.issueProperties),
  });
  const user = new Entity('User', { accountId: () => world.accountId ?? 'agent-1' });
  return { issue, project, user };
}

/** Context of a workflow validator or condition moving the issue to `toName`. */
export function workflowWorld(world: ExpressionWorld, toName: string): Record<string, ExprValue> {
  return {
    ...common(world),
    transition: new Entity('Transition', {
      id: () => 11,
      name: () => toName,
      from: () => status(world.statusName),
      to: () => status(toName),
    }),
    app: new Entity('App', { properties: () => bag(world.appProperties) }),
  };
}

/** Context of the `workItemTypeChanged` action validator changing the issue to type `newTypeId`. */
export function typeChangeWorld(world: ExpressionWorld, newTypeId: string): Record<string, ExprValue> {
  return {
    ...common(world),
    newIssueType: newTypeId,
    newIssueTypeData: new Entity('IssueType', { id: () => newTypeId, name: () => newTypeId }),
  };
}

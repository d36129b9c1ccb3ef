import type { Kind } from '../../../src/domain/kinds';
import type { StatusKey } from '../../../src/domain/statuses';
import { hasStatus, workingStatuses } from '../../../src/domain/workflows/workflow-table';

/** The statuses Clarification may be entered from, per kind (guide §3), written out by hand. */
const WORKING: Record<Kind, StatusKey[]> = {
  incident: ['open'],
  request: ['open'],
  softwareDefect: ['open', 'inProgress', 'deliveryPending'],
  nonSoftwareDefect: ['open', 'inProgress'],
  consultingRequest: ['open', 'inProgress', 'deliveryPending'],
  supportRequest: ['open'],
  customisation: [
    'open',
    'estimationInProgress',
    'estimationAvailable',
    'ordered',
    'inProgress',
    'deliveryPending',
  ],
  suggestion: ['open'],
  delivery: ['planned', 'delivered', 'stageInstallationCompleted', 'installationCompleted'],
};

describe('workingStatuses: neither Clarification nor Resolved or Closed', () => {
  it.each(Object.entries(WORKING) as [Kind, StatusKey[]][])('%s: %j', (kind, expected) => {
    expect(workingStatuses(kind)).toEqual(expected);
  });
});

describe('hasStatus', () => {
  it.each<[Kind, StatusKey, boolean]>([
    ['supportRequest', 'clarification', true],
    ['supportRequest', 'inProgress', false],
    ['suggestion', 'clarification', false],
    ['customisation', 'resolved', false],
    ['delivery', 'open', false],
  ])('%s has %s: %s', (kind, status, expected) => {
    expect(hasStatus(kind, status)).toBe(expected);
  });
});

import type { ProjectConfig } from '../../domain/config';
import type { AppDeps } from '../deps';
import type { WorkflowTransitions } from '../shared/workflow-transitions';

/** Everything one project's sweep needs, built once per invocation and project. */
export interface SweepContext {
  readonly deps: AppDeps;
  readonly cfg: ProjectConfig;
  /** The invocation's clock reading: every decision of the run uses this one moment. */
  readonly now: Date;
  /** Decide and record, write nothing to tickets (config `automation.dryRun`). */
  readonly dryRun: boolean;
  readonly transitions: WorkflowTransitions;
  /** Id of the Organizations field when texts are chosen per organization. */
  readonly organizationsFieldId: string | undefined;
}

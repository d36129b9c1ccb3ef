import { route } from '@forge/api';
import { z } from 'zod';
import type { PlatformProbe, RulesPublisher } from '../../app/ports';
import { JiraHttpError } from '../../app/ports/jira-errors';
import { listIssueTypes } from './issue-types';
import type { JiraClient } from './jira-client';

const myselfSchema = z.looseObject({ accountId: z.string() });
const analysisSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      valid: z.boolean(),
      errors: z.array(z.looseObject({ message: z.string() })).optional(),
    }),
  ),
});

/**
 * Where the app publishes the tables its Jira expressions look up: Forge app properties (read by the workflow
 * validator and condition through `app.properties`) and project entity properties (read by the action validator
 * through `project.properties`). Both writes are idempotent PUTs of the whole value.
 */
export class RulesGateway implements RulesPublisher, PlatformProbe {
  constructor(readonly client: JiraClient) {}

  /** `PUT /rest/forge/1/app/properties/{propertyKey}` (asApp only; the value is any JSON ≤ 32,768 characters). */
  async setAppProperty(propertyKey: string, value: unknown): Promise<void> {
    await this.client.call({
      operation: 'putForgeAppProperty',
      route: route`/rest/forge/1/app/properties/${propertyKey}`,
      method: 'PUT',
      body: value,
    });
  }

  async setProjectProperty(projectKey: string, propertyKey: string, value: unknown): Promise<void> {
    await this.client.call({
      operation: 'setProjectProperty',
      route: route`/rest/api/3/project/${projectKey}/properties/${propertyKey}`,
      method: 'PUT',
      body: value,
    });
  }

  /** Removes an app property; one that is already gone counts as removed. */
  async deleteAppProperty(propertyKey: string): Promise<void> {
    await this.absentIsFine(() =>
      this.client.call({
        operation: 'deleteForgeAppProperty',
        route: route`/rest/forge/1/app/properties/${propertyKey}`,
        method: 'DELETE',
      }),
    );
  }

  async deleteProjectProperty(projectKey: string, propertyKey: string): Promise<void> {
    await this.absentIsFine(() =>
      this.client.call({
        operation: 'deleteProjectProperty',
        route: route`/rest/api/3/project/${projectKey}/properties/${propertyKey}`,
        method: 'DELETE',
      }),
    );
  }

  private async absentIsFine(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (!(error instanceof JiraHttpError && error.status === 404)) throw error;
    }
  }

  /** `POST /rest/api/3/expression/analyse?check=syntax` (no permission needed): validity and errors per expression. */
  async analyseExpressions(expressions: string[]): Promise<{ valid: boolean; errors: string[] }[]> {
    const analysis = await this.client.call({
      operation: 'analyseExpression',
      route: route`/rest/api/3/expression/analyse?check=syntax`,
      method: 'POST',
      // Analysing changes nothing, so repeating it is harmless.
      idempotent: true,
      readOnly: true,
      body: { expressions },
      schema: analysisSchema,
    });
    return analysis.results.map((r) => ({ valid: r.valid, errors: (r.errors ?? []).map((e) => e.message) }));
  }

  /** Every issue type of the site: id and name. */
  issueTypes(): Promise<{ id: string; name: string }[]> {
    return listIssueTypes(this.client);
  }

  /** The account the caller acts as (for `asApp()`: the app's own user). */
  async myAccountId(): Promise<string> {
    const me = await this.client.call({
      operation: 'getCurrentUser',
      route: route`/rest/api/3/myself`,
      schema: myselfSchema,
    });
    return me.accountId;
  }
}

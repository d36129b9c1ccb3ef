import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';

const issueTypesSchema = z.array(z.looseObject({ id: z.string(), name: z.string() }));

/** Every issue type of the site, id and name (`GET /rest/api/3/issuetype`: a point per type). */
export function listIssueTypes(client: JiraClient): Promise<{ id: string; name: string }[]> {
  return client.call({
    operation: 'getIssueAllTypes',
    route: route`/rest/api/3/issuetype`,
    schema: issueTypesSchema,
    objects: (r) => r.length,
  });
}

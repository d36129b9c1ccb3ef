import { route } from '@forge/api';
import { z } from 'zod';
import type { SiteDirectoryGateway as SiteDirectoryPort } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';

const named = z.looseObject({ id: z.string(), name: z.string() });
const jsmPage = <T extends z.ZodType>(item: T) => z.looseObject({ values: z.array(item) });
const autocompleteSuggestions = z.looseObject({
  results: z.array(z.looseObject({ value: z.string(), displayName: z.string() })),
});
const HTML_ENTITIES = new Map([
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
]);

/** A suggestion's display name as text: Jira marks a match in `<b>` and escapes the name as HTML. */
function suggestionText(displayName: string): string {
  return displayName
    .replace(/<\/?b>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES.get(entity) ?? entity);
}

/**
 * The lists the admin page offers in its pickers: resolutions, priorities, request types and JSM organizations.
 * Used as the admin (the page's reads, decision 0018), so Jira decides what they may see. One REST call per method; each reads the first page, which is every value on a site of the size the app serves.
 */
export class SiteDirectoryGateway implements SiteDirectoryPort {
  constructor(readonly client: JiraClient) {}

  async getResolutions(): Promise<string[]> {
    const list = await this.client.call({
      operation: 'getResolutions',
      route: route`/rest/api/3/resolution`,
      schema: z.array(named),
      objects: (l) => l.length,
    });
    return list.map((r) => r.name);
  }

  getRequestTypes(): Promise<string[]> {
    return this.jsmNames('getAllRequestTypes', route`/rest/servicedeskapi/requesttype?limit=${'100'}`);
  }

  getOrganizations(): Promise<string[]> {
    return this.jsmNames('getOrganizations', route`/rest/servicedeskapi/organization?limit=${'100'}`);
  }

  /**
   * The site's priority names, from JQL autocompletion ("fieldName to get a list of all values for the field"),
   * which needs only `read:jira-work`; `priority/search` would need `manage:jira-configuration` (decision 0021).
   */
  async getPriorities(): Promise<string[]> {
    const answer = await this.client.call({
      operation: 'getFieldAutoCompleteForQueryString',
      route: route`/rest/api/3/jql/autocompletedata/suggestions?fieldName=${'priority'}`,
      schema: autocompleteSuggestions,
      objects: (a) => a.results.length,
    });
    return answer.results.map((r) => suggestionText(r.displayName));
  }

  /** The names on the first page of a JSM list (`{ values: [{ id, name }] }`). */
  private async jsmNames(operation: string, at: ReturnType<typeof route>): Promise<string[]> {
    const page = await this.client.call({
      operation,
      route: at,
      schema: jsmPage(named),
      objects: (p) => p.values.length,
    });
    return page.values.map((v) => v.name);
  }
}

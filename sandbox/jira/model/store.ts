import { type AppExpressionModules, NO_EXPRESSION_MODULES } from '../expressions/app-modules';
import { SearchIndexLag } from '../search/index-lag';
import { IssueIndex, type KeyIndexDefinition } from './issue-index';
import { observeIssue } from './observed-issue';
import type {
  SimCustomField,
  SimGroup,
  SimIssue,
  SimIssueType,
  SimLink,
  SimLinkType,
  SimOrganization,
  SimProject,
  SimRequestType,
  SimResolution,
  SimSecurityLevel,
  SimSecurityScheme,
  SimStatus,
  SimUser,
} from './types';

/**
 * All data of one simulated site, in memory. Issues are indexed by id and key, and for search (`index`) by
 * project, status, issue type and indexed property keys, so searches over 50,000 issues touch only candidates. Mutations go through `sandbox/jira/mutations/*` (which emit
 * events); tests and seeders may also write here directly for setup.
 */
export class SiteStore {
  readonly users = new Map<string, SimUser>();
  readonly groups = new Map<string, SimGroup>();
  readonly projects = new Map<string, SimProject>();
  readonly issueTypes = new Map<string, SimIssueType>();
  readonly statuses = new Map<string, SimStatus>();
  readonly resolutions = new Map<string, SimResolution>();
  readonly customFields = new Map<string, SimCustomField>();
  readonly linkTypes = new Map<string, SimLinkType>();
  readonly links = new Map<string, SimLink>();
  readonly securitySchemes = new Map<string, SimSecurityScheme>();
  readonly securityLevels = new Map<string, SimSecurityLevel>();
  readonly organizations = new Map<string, SimOrganization>();
  readonly requestTypes = new Map<string, SimRequestType>();
  readonly priorities = new Map<string, { id: string; name: string }>();
  /** The account the Forge app acts as for `asApp()` calls. */
  appAccountId = '';
  /** Forge app properties (`/rest/forge/1/app/properties`), readable in Jira expressions as `app.properties`. */
  readonly appProperties = new Map<string, unknown>();
  /** Project entity properties by project id, readable in Jira expressions as `project.properties`. */
  readonly projectProperties = new Map<string, Map<string, unknown>>();
  /** The installed app's Jira-expression modules (from its manifest). */
  appRules: AppExpressionModules = NO_EXPRESSION_MODULES;
  /**
   * Keys of the app's workflow validators and conditions an admin added to the transitions (here: to every
   * transition of every workflow at once). Jira never adds them by itself.
   */
  readonly attachedWorkflowRules = new Set<string>();
  /** Search indexes over the issues, kept current on every write (see `observeIssue`). */
  readonly index = new IssueIndex();
  /** How long a property write takes to reach search (`lagMs`, set by the site; 0 = at once). */
  readonly searchLag = new SearchIndexLag(0);
  /** Which histories `GET /issue?expand=changelog` embeds when it cannot embed all (set by the site). */
  issueChangelogWindow: 'newest' | 'oldest' = 'oldest';

  private readonly issuesById = new Map<string, SimIssue>();
  private readonly issuesByKey = new Map<string, SimIssue>();
  private readonly linksByIssue = new Map<string, Set<string>>();
  private readonly counters = new Map<string, number>();

  /** Next id in a named sequence (`issue`, `comment`, `history`, `link`, …), as Jira's numeric string ids. */
  nextId(sequence: string, start = 10000): string {
    const next = (this.counters.get(sequence) ?? start) + 1;
    this.counters.set(sequence, next);
    return String(next);
  }

  /** Insert an issue (no events, no validation: seeding and mutations both end here). */
  insertIssue(issue: SimIssue): void {
    const previous = this.issuesById.get(issue.id);
    if (previous) this.deleteIssue(previous);
    this.issuesById.set(issue.id, issue);
    this.issuesByKey.set(issue.key, issue);
    this.searchLag.seed(issue);
    observeIssue(issue, (changed, change) => {
      if (this.issuesById.get(changed.id) !== changed) return;
      if (change.kind === 'property') this.searchLag.written(changed, change.key, Date.now());
      this.index.changed(changed, change);
    });
    this.index.add(issue);
  }

  deleteIssue(issue: SimIssue): void {
    const current = this.issuesById.get(issue.id);
    this.issuesById.delete(issue.id);
    this.issuesByKey.delete(issue.key);
    if (current) this.index.remove(current);
  }

  /**
   * Moves an issue to another project as Jira's Move does: a new key in that project; the old key still finds
   * the issue by `GET /issue/{key}` (Jira keeps an issue's earlier keys), while search matches the current key.
   */
  moveIssue(issue: SimIssue, projectKeyOrId: string): string {
    const project = this.projectByKeyOrId(projectKeyOrId);
    if (!project) throw new Error(`no project ${projectKeyOrId}`);
    const oldKey = issue.key;
    this.deleteIssue(issue);
    issue.key = `${project.key}-${project.nextIssueNumber++}`;
    issue.projectId = project.id;
    this.insertIssue(issue);
    this.issuesByKey.set(oldKey, issue);
    return issue.key;
  }

  /** Define a sorted key index over the issues (e.g. an indexed property path), filled from the current issues. */
  defineKeyIndex(def: KeyIndexDefinition): void {
    this.index.define(def, this.issuesById.values());
  }

  /** Look an issue up by id or key, as every `{issueIdOrKey}` path does. */
  issue(idOrKey: string): SimIssue | undefined {
    return /^\d+$/.test(idOrKey) ? this.issuesById.get(idOrKey) : this.issuesByKey.get(idOrKey.toUpperCase());
  }

  /** All issues in insertion (= id) order. */
  issues(): IterableIterator<SimIssue> {
    return this.issuesById.values();
  }

  get issueCount(): number {
    return this.issuesById.size;
  }

  projectByKeyOrId(keyOrId: string): SimProject | undefined {
    const direct = this.projects.get(keyOrId);
    if (direct) return direct;
    for (const project of this.projects.values()) if (project.key === keyOrId.toUpperCase()) return project;
    return undefined;
  }

  projectByServiceDesk(serviceDeskId: string): SimProject | undefined {
    for (const project of this.projects.values()) if (project.serviceDeskId === serviceDeskId) return project;
    return undefined;
  }

  statusByName(name: string): SimStatus | undefined {
    for (const status of this.statuses.values())
      if (status.name.toLowerCase() === name.toLowerCase()) return status;
    return undefined;
  }

  issueTypeByName(name: string): SimIssueType | undefined {
    for (const type of this.issueTypes.values())
      if (type.name.toLowerCase() === name.toLowerCase()) return type;
    return undefined;
  }

  resolutionByIdOrName(ref: { id?: string; name?: string }): SimResolution | undefined {
    if (ref.id !== undefined) return this.resolutions.get(ref.id);
    for (const r of this.resolutions.values()) if (r.name === ref.name) return r;
    return undefined;
  }

  customFieldByName(name: string): SimCustomField | undefined {
    for (const field of this.customFields.values())
      if (field.name.toLowerCase() === name.toLowerCase()) return field;
    return undefined;
  }

  insertLink(link: SimLink): void {
    this.links.set(link.id, link);
    for (const issueId of [link.sourceIssueId, link.destinationIssueId]) {
      const set = this.linksByIssue.get(issueId) ?? new Set<string>();
      set.add(link.id);
      this.linksByIssue.set(issueId, set);
    }
  }

  deleteLink(link: SimLink): void {
    this.links.delete(link.id);
    this.linksByIssue.get(link.sourceIssueId)?.delete(link.id);
    this.linksByIssue.get(link.destinationIssueId)?.delete(link.id);
  }

  linksOf(issueId: string): SimLink[] {
    const ids = this.linksByIssue.get(issueId);
    if (!ids) return [];
    return [...ids].flatMap((id) => {
      const link = this.links.get(id);
      return link ? [link] : [];
    });
  }

  /** Organizations an account belongs to. */
  organizationsOf(accountId: string): SimOrganization[] {
    return [...this.organizations.values()].filter((o) => o.memberAccountIds.includes(accountId));
  }

  isInGroup(accountId: string, groupName: string): boolean {
    return this.groups.get(groupName)?.memberAccountIds.includes(accountId) ?? false;
  }
}

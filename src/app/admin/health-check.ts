import { JiraHttpError } from '../ports/jira-errors';
import type { HealthCheck, HealthView, ProjectHealth } from '../../contract/admin-views';
import { configForProject, type ProjectConfig } from '../../domain/config';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { healthPayloadSchema } from './settings-payload-schema';

type Category = HealthCheck['category'];

/** How to fix a missing or ambiguous name, per category, in both languages. */
const FIXES: Record<Category, { en: string; de: string }> = {
  issueType: {
    en: 'Create the issue type in the project settings, or enter the site’s name under Names → Ticket types.',
    de: 'Legen Sie den Vorgangstyp in den Projekteinstellungen an oder tragen Sie den Namen der Site unter Namen → Tickettypen ein.',
  },
  status: {
    en: 'Add the status to the workflow, or enter the site’s name under Names → Statuses.',
    de: 'Fügen Sie den Status dem Workflow hinzu oder tragen Sie den Namen der Site unter Namen → Status ein.',
  },
  transition: {
    en: 'Add the transition to the workflow of this type.',
    de: 'Fügen Sie die Transition dem Workflow dieses Typs hinzu.',
  },
  field: {
    en: 'Create the custom field and add it to the project’s screens, or enter the site’s name under Names → Fields.',
    de: 'Legen Sie das benutzerdefinierte Feld an und fügen Sie es den Masken des Projekts hinzu, oder tragen Sie den Namen unter Namen → Felder ein.',
  },
  linkType: {
    en: 'Create the issue link type under Jira settings → Issues → Issue linking.',
    de: 'Legen Sie den Linktyp unter Jira-Einstellungen → Vorgänge → Vorgangsverknüpfung an.',
  },
  securityLevel: {
    en: 'Add the level to the project’s issue security scheme, or change the region mapping.',
    de: 'Fügen Sie die Stufe dem Sicherheitsschema des Projekts hinzu oder ändern Sie die Zuordnung der Regionen.',
  },
  permission: {
    en: 'Grant the app the missing permission in the project’s permission scheme.',
    de: 'Erteilen Sie der App die fehlende Berechtigung im Berechtigungsschema des Projekts.',
  },
};

/** One check: a configured name against the names the site has (Jira compares names case-insensitively). */
function check(category: Category, name: string, available: readonly string[]): HealthCheck {
  const wanted = name.trim().toLowerCase();
  const matches = available.filter((a) => a.trim().toLowerCase() === wanted).length;
  const state = matches === 1 ? 'ok' : matches === 0 ? 'missing' : 'ambiguous';
  return { category, name, state, fix: state === 'ok' ? null : FIXES[category] };
}

interface SiteNames {
  issueTypes: string[];
  statuses: string[];
  fields: string[];
  linkTypes: string[];
}

function projectChecks(cfg: ProjectConfig, site: SiteNames, securityLevels: string[]): HealthCheck[] {
  const unique = (names: string[]) => [...new Set(names)];
  const levels = unique([
    ...Object.values(cfg.regions.regions).map((r) => r.securityLevel),
    cfg.regions.fallbackSecurityLevel,
  ]);
  return [
    ...unique(Object.values(cfg.names.kinds)).map((n) => check('issueType', n, site.issueTypes)),
    ...unique(Object.values(cfg.names.statuses)).map((n) => check('status', n, site.statuses)),
    ...unique(Object.values(cfg.names.fields)).map((n) => check('field', n, site.fields)),
    check('linkType', cfg.names.deliveryLinkType.name, site.linkTypes),
    ...levels.map((n) => check('securityLevel', n, securityLevels)),
  ];
}

/** Where the health check reads the site's names: Jira as the admin, by default through the page (decision 0018). */
type HealthReads = Pick<AdminDeps, 'user' | 'userMeta'>;

/**
 * Health check: which configured issue types, statuses, fields, the Delivery link type and the
 * regions' security levels exist on the site, per managed project, and how to fix what is missing.
 * Site-wide names are read once; security levels once per project, from `reads` (the resolver hands it the page's
 * reads as the admin). Admins only: the check is the backend's own, as the user, before anything else.
 */
export async function getHealth(
  payload: unknown,
  deps: AdminDeps,
  reads: HealthReads = deps,
): Promise<HealthView> {
  await requireJiraAdmin(deps);
  const parsed = healthPayloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const { config } = await deps.app.config.load();
  const keys = parsed.data.projectKey
    ? [parsed.data.projectKey]
    : config.projects.length > 0
      ? config.projects
      : (await reads.userMeta.getServiceDesks()).map((d) => d.projectKey);
  const [issueTypes, statuses, fields, linkTypes] = await Promise.all([
    reads.userMeta.getIssueTypes(),
    reads.userMeta.getStatuses(),
    reads.user.getFields(),
    reads.userMeta.getIssueLinkTypes(),
  ]);
  const site: SiteNames = {
    issueTypes: issueTypes.map((t) => t.name),
    statuses: statuses.map((s) => s.name),
    fields: fields.map((f) => f.name),
    linkTypes: linkTypes.map((l) => l.name),
  };
  const projects = await Promise.all(
    keys.map(async (projectKey): Promise<ProjectHealth> => {
      const [project, levels] = await Promise.all([
        reads.userMeta.getProject(projectKey),
        reads.userMeta.getProjectSecurityLevels(projectKey).catch((error: unknown) => {
          // A project the admin cannot see answers 404: all its levels are then reported missing.
          if (error instanceof JiraHttpError && error.status === 404) return [];
          throw error;
        }),
      ]);
      const cfg = configForProject(config, projectKey);
      return {
        projectKey,
        projectName: project?.name ?? projectKey,
        checks: projectChecks(
          cfg,
          site,
          levels.map((l) => l.name),
        ),
      };
    }),
  );
  return { checkedAt: deps.now.toISOString(), projects };
}

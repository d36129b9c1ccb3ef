import type {
  ConfidentialityView,
  DeliveryVersionView,
  EscalationLevelView,
  EscalationStateView,
  EstimateView,
  PanelFlag,
  PriorityView,
  ServiceClocks,
} from '../../contract/panel-view';
import type { ProjectConfig } from '../../domain/config';
import { isOption } from '../../domain/names';
import { ownValue } from '../../domain/own-property';
import { customerRegion } from '../../domain/service/customer-region';
import { currentLevel, type CustomerState } from '../../domain/service/customer-state';
import {
  ESCALATION_REASONS,
  escalationLadder,
  ladderStep,
  regionGroupOf,
  type LadderStep,
} from '../../domain/service/escalation';
import type { Ticket } from '../../domain/ticket';

/**
 * "Confidential personal data? = Yes" restricts the ticket to the support staff of the customer's region
 * (guide §2.2.1); the region comes from the organization the ticket is shared with (`customerRegion`, the rule
 * the event handler applies).
 */
export function confidentialityView(
  ticket: Pick<Ticket, 'organizations' | 'confidential' | 'securityLevel'>,
  cfg: ProjectConfig,
): ConfidentialityView {
  const found = customerRegion(organizationNames(ticket), cfg);
  return {
    confidential: isOption(cfg, ticket.confidential, 'yes'),
    // Agents read the region's display name; a region without one shows its id.
    region: found ? (found.region.name ?? found.regionId) : null,
    securityLevel: ticket.securityLevel?.name ?? null,
  };
}

/** The escalation ladder (guide §4) for the ticket's customer, by the region group of the customer's region. */
export function ticketLadder(ticket: Pick<Ticket, 'organizations'>, cfg: ProjectConfig): LadderStep[] {
  return escalationLadder(cfg, regionGroupOf(cfg, customerRegion(organizationNames(ticket), cfg)?.regionId));
}

/** Names of the JSM organizations the ticket is shared with, as the region mapping names them. */
function organizationNames(ticket: Pick<Ticket, 'organizations'>): string[] {
  return ticket.organizations.map((o) => o.name);
}

const ROLES: EscalationLevelView['role'][] = [
  'personalContact',
  'teamLead',
  'departmentHead',
  'customerServicesHead',
  'board',
];

/**
 * Account ids on the ladder and of the people who escalated the ticket, for one display-name lookup each.
 */
export function escalationAccountIds(ladder: readonly LadderStep[], customer: CustomerState): string[] {
  const escalators = customer.escalations.flatMap((r) => (r.by ? [r.by] : []));
  return [...new Set([...ladder.flatMap((step) => step.people), ...escalators])];
}

/**
 * The levels the customer raised the ticket to, under the names the site configured for the customer's region
 * group at that time, with the reason in words and who escalated (by display name).
 */
export function escalationStateView(
  cfg: ProjectConfig,
  customer: CustomerState,
  names: ReadonlyMap<string, string>,
): EscalationStateView {
  return {
    currentLevel: currentLevel(customer),
    history: customer.escalations.map((record) => {
      const label = ladderStep(cfg, record.level, record.group)?.label;
      return {
        level: record.level,
        label: label
          ? { en: label.en, de: label.de }
          : { en: `Level ${record.level}`, de: `Stufe ${record.level}` },
        reason: { ...ESCALATION_REASONS[record.reason] },
        at: record.at,
        by: record.by ? (names.get(record.by) ?? null) : null,
      };
    }),
  };
}

/** The ladder with display names; people Jira does not show the user are left out. */
export function escalationView(
  ladder: readonly LadderStep[],
  names: ReadonlyMap<string, string>,
): EscalationLevelView[] {
  return ladder.flatMap((step): EscalationLevelView[] => {
    const role = ROLES[step.level - 1];
    if (!role) return [];
    const contacts = step.people.flatMap((id) => {
      const name = names.get(id);
      return name ? [name] : [];
    });
    return [
      {
        level: step.level as EscalationLevelView['level'],
        role,
        label: { en: step.label.en, de: step.label.de },
        contacts,
      },
    ];
  });
}

/** Flags the app stored on the ticket (issue property) and their panel codes. */
const STORED_FLAGS: Record<
  string,
  { code: PanelFlag['code']; severity: PanelFlag['severity']; detail: PanelFlag['detail'] }
> = {
  illegalTransition: {
    code: 'illegalTransition',
    severity: 'warning',
    detail: {
      en: 'The last status change is not allowed by the workflow for this type.',
      de: 'Der letzte Statuswechsel ist im Workflow dieses Typs nicht erlaubt.',
    },
  },
  illegalReclassification: {
    code: 'illegalTransition',
    severity: 'warning',
    detail: {
      en: 'The last type change is not allowed by the reclassification rules.',
      de: 'Der letzte Typwechsel ist nach den Regeln zur Umklassifizierung nicht erlaubt.',
    },
  },
  deliveryMissing: {
    code: 'noDeliveryTicket',
    severity: 'warning',
    detail: {
      en: 'No Delivery ticket matches this ticket yet.',
      de: 'Noch kein Auslieferungsticket passt zu diesem Ticket.',
    },
  },
  priorityMismatch: {
    code: 'priorityMismatch',
    severity: 'warning',
    detail: {
      en: 'P1 and P2 are reserved for system availability (Non-Software Defect).',
      de: 'P1 und P2 sind der Systemverfügbarkeit vorbehalten (Non-Software Defect).',
    },
  },
};

/** Codes that are alarms about a running ticket; a Resolved or Closed ticket shows none of them. */
const OPEN_TICKET_ALARMS: readonly PanelFlag['code'][] = ['priorityMismatch', 'serviceTimeBreached'];

/**
 * What the agent should notice: stored flags plus what the panel's own views show, once per code. This is the
 * one place these messages appear; the sections do not repeat them.
 */
export function panelFlags(input: {
  done: boolean;
  state: Ticket['state'];
  priority: PriorityView;
  clocks: ServiceClocks;
  delivery: DeliveryVersionView | null;
  estimate: EstimateView | null;
}): PanelFlag[] {
  const flags: PanelFlag[] = [];
  const add = (flag: PanelFlag) => {
    if (input.done && OPEN_TICKET_ALARMS.includes(flag.code)) return;
    if (!flags.some((f) => f.code === flag.code)) flags.push(flag);
  };
  for (const name of input.state?.flags ?? []) {
    const known = ownValue(STORED_FLAGS, name);
    if (known) add({ ...known, at: input.state?.updatedAt ?? null });
  }
  if (input.priority.state === 'set' && input.priority.mismatch) {
    const stored = STORED_FLAGS.priorityMismatch;
    if (stored) add({ ...stored, at: null });
  }
  if (input.delivery?.warnings.includes('missingVersion')) {
    add({
      code: 'missingDeliveryVersion',
      severity: 'error',
      detail: {
        en: 'Delivery Pending needs a Delivery version (a patch version or CUSTOM).',
        de: 'Delivery Pending braucht eine Auslieferungsversion (Patch-Version oder CUSTOM).',
      },
      at: null,
    });
  }
  if (input.delivery?.warnings.includes('noDeliveryTicket')) {
    const stored = STORED_FLAGS.deliveryMissing;
    if (stored) add({ ...stored, at: null });
  }
  if (input.estimate?.expired) {
    add({
      code: 'estimateExpired',
      severity: 'warning',
      detail: {
        en: 'The estimate is no longer valid; the customer can ask the account manager for a new one.',
        de: 'Die Aufwandsschätzung ist nicht mehr gültig; der Kunde kann beim Account Manager eine neue anfragen.',
      },
      at: input.estimate.validUntil,
    });
  }
  const breached = [input.clocks.response, input.clocks.restoration].some(
    (c) => c && 'breached' in c && c.breached,
  );
  if (breached) {
    add({
      code: 'serviceTimeBreached',
      severity: 'error',
      detail: {
        en: 'A contracted service time is exceeded; escalate along the ladder below.',
        de: 'Eine vereinbarte Servicezeit ist überschritten; bitte nach dem Eskalationsweg unten eskalieren.',
      },
      at: null,
    });
  }
  return flags;
}

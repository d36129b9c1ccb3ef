import { portalEscalation, portalPriority, portalRenewal } from '../../../src/app/portal/portal-views';
import { configForProject, type ProjectConfig } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import type { CustomerState, EscalationRecord } from '../../../src/domain/service/customer-state';

const cfg = configForProject(defaultConfig, 'SD');
const NOW = new Date('2026-11-30T09:00:00.000Z');
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();

const record = (level: number, over: Partial<EscalationRecord> = {}): EscalationRecord => ({
  level,
  reason: 'handling',
  at: ago(48),
  group: 'dach',
  ...over,
});
const customer = (...escalations: EscalationRecord[]): CustomerState => ({ v: 1, escalations });

describe('portalPriority: the priority with the guide’s meaning', () => {
  it.each([
    ['en', 'critical', 'The system environment cannot be reached, or problems with it prevent its use.'],
    [
      'de',
      'kritischer Fehler',
      'Auf die Systemumgebung kann nicht zugegriffen werden, oder Probleme mit der Systemumgebung verhindern ihre Nutzung.',
    ],
  ] as const)('shows P1 of a Non-Software Defect in %s', (language, severity, meaning) => {
    expect(portalPriority('nonSoftwareDefect', 'P1', language)).toEqual({ level: 'P1', severity, meaning });
  });

  it('shows the priority of a Software Defect', () => {
    expect(portalPriority('softwareDefect', 'P4', 'en')).toMatchObject({ level: 'P4', severity: 'minor' });
  });

  it('shows nothing for a defect without a priority', () => {
    expect(portalPriority('softwareDefect', undefined, 'en')).toBeNull();
  });

  it.each(['incident', 'customisation', 'request'] as const)('shows nothing on a %s', (kind) => {
    expect(portalPriority(kind, 'P3', 'en')).toBeNull();
  });
});

describe('portalEscalation: the ladder as the customer climbs it', () => {
  it('offers level 1 at once on a request nobody escalated', () => {
    expect(portalEscalation(customer(), false, cfg, 'dach', 'en', NOW)).toEqual({
      currentLevel: 0,
      currentLevelName: null,
      nextLevel: 1,
      nextLevelName: 'Personal support contact',
      allowedFrom: null,
      history: [],
    });
  });

  it('names the current level for the group it was raised in and the next for the customer’s group now', () => {
    const view = portalEscalation(customer(record(1), record(2)), false, cfg, 'international', 'de', NOW);
    expect(view).toMatchObject({
      currentLevel: 2,
      currentLevelName: 'Support-Teamleitung DACH',
      nextLevel: 3,
      nextLevelName: 'Leitung Support',
    });
  });

  it('names the next level for the customer’s region group', () => {
    const view = portalEscalation(customer(record(1)), false, cfg, 'international', 'en', NOW);
    expect(view.nextLevelName).toBe('Support team lead International');
  });

  it('says from when the next level may be raised while the wait runs', () => {
    const view = portalEscalation(customer(record(1, { at: ago(2) })), false, cfg, 'dach', 'en', NOW);
    expect(view.allowedFrom).toBe(new Date(NOW.getTime() + 22 * HOUR).toISOString());
  });

  it('offers no further level on a closed request, but still names where it is', () => {
    const view = portalEscalation(customer(record(1)), true, cfg, 'dach', 'en', NOW);
    expect(view).toMatchObject({
      currentLevel: 1,
      currentLevelName: 'Personal support contact',
      nextLevel: null,
      nextLevelName: null,
    });
  });

  it('lists the levels reached with their names, reasons and times', () => {
    const view = portalEscalation(
      customer(
        record(1, { at: ago(72) }),
        record(2, { at: ago(48), reason: 'productQuality', group: 'international' }),
      ),
      false,
      cfg,
      'dach',
      'en',
      NOW,
    );
    expect(view.history).toEqual([
      { level: 1, levelName: 'Personal support contact', reason: 'handling', at: ago(72) },
      { level: 2, levelName: 'Support team lead International', reason: 'productQuality', at: ago(48) },
    ]);
  });

  it('names a level the site no longer configures by its number', () => {
    const two: ProjectConfig = {
      ...cfg,
      escalation: { ...cfg.escalation, levels: cfg.escalation.levels.filter((l) => l.level <= 2) },
    };
    const view = portalEscalation(customer(record(1), record(2), record(3)), false, two, 'dach', 'en', NOW);
    expect(view.currentLevelName).toBeNull();
    expect(view.nextLevel).toBeNull();
    expect(view.history.map((h) => h.levelName)).toEqual([
      'Personal support contact',
      'Support team lead DACH',
      '3',
    ]);
  });
});

describe('portalRenewal: the customer’s request for a new estimate', () => {
  it('shows when the customer asked and the Request raised for it', () => {
    const state: CustomerState = {
      v: 1,
      escalations: [],
      renewal: { at: ago(1), mode: 'newRequest', requestKey: 'SUP-9' },
    };
    expect(portalRenewal(state)).toEqual({ requestedAt: ago(1), requestKey: 'SUP-9' });
  });

  it('shows a request noted for the account manager without a Request key', () => {
    const state: CustomerState = {
      v: 1,
      escalations: [],
      renewal: { at: ago(1), mode: 'accountManagerNote' },
    };
    expect(portalRenewal(state)).toEqual({ requestedAt: ago(1), requestKey: null });
  });

  it('shows nothing asked yet', () => {
    expect(portalRenewal(customer())).toEqual({ requestedAt: null, requestKey: null });
  });
});

import { auditDetail } from '../../../src/app/panel/audit-detail';

/** Every fixed code the sweep and the event handlers record. */
const FIXED_CODES = [
  'close',
  'newRequest',
  'accountManagerNote',
  'expiryNotice',
  'expire',
  'alreadyDone',
  'inProgress',
  'recovered',
  'ambiguous',
  'notFound',
  'noCloseTransition',
  'messageInvalid',
  'proofIncomplete',
  'proofUntimedComment',
  'proofShifting',
  'levelNotFound',
  'typeNotFound',
  'noWayBack',
  'noRegionForOrganization',
  'onCallNotConfigured',
  'stateRebuilt',
  'RateLimitedError',
  'UpstreamError',
  'unknown',
  'definite',
  'transient',
  'storage',
];
const TIMERS = ['clarification', 'resolved', 'estimate', 'none'];
const REASONS = ['customerComment', 'statusEntered', 'reclassified', 'installBackfill'];

describe('auditDetail: a stored detail code in words', () => {
  it.each(FIXED_CODES)('reads %s as words of its own in both languages', (code) => {
    const words = auditDetail(code);
    expect(words?.en).toMatch(/\p{L}{3}/u);
    expect(words?.de).toMatch(/\p{L}{3}/u);
    expect(words?.en).not.toBe(code);
    expect(words?.de).not.toBe(words?.en);
  });

  it('gives each fixed code its own words', () => {
    const english = FIXED_CODES.map((code) => auditDetail(code)?.en);
    expect(new Set(english).size).toBe(FIXED_CODES.length);
  });

  it.each<[string, string, string]>([
    ['reminder3', 'reminder 3', 'Erinnerung 3'],
    ['reminder12', 'reminder 12', 'Erinnerung 12'],
    ['resolved:2,closed:1', '2 resolved, 1 closed', '2 gelöst, 1 geschlossen'],
    ['resolved:10,closed:25', '10 resolved, 25 closed', '10 gelöst, 25 geschlossen'],
    ['tickets:1', '1 ticket', '1 Ticket'],
    ['tickets:3', '3 tickets', '3 Tickets'],
    ['tickets:12', '12 tickets', '12 Tickets'],
    ['HTTP 403', 'Jira answered 403', 'Jira antwortete 403'],
    ['version 7', 'version 7', 'Version 7'],
    ['version 12', 'version 12', 'Version 12'],
    ['DEL-7', 'DEL-7', 'DEL-7'],
    ['SUP2_X-123', 'SUP2_X-123', 'SUP2_X-123'],
  ])('reads %s with its number or key', (code, en, de) => {
    expect(auditDetail(code)).toEqual({ en, de });
  });

  it.each(TIMERS)('reads the timer %s on its own', (timer) => {
    const words = auditDetail(timer);
    expect(words?.en).toMatch(/\w/);
    expect(words?.de).toMatch(/\w/);
    expect(words?.de).not.toBe(words?.en);
  });

  it('reads a timer with the reason it was set, each in its language', () => {
    expect(auditDetail('clarification installBackfill')).toEqual({
      en: 'clarification timer: set up when the app was installed',
      de: 'Klärungs-Timer: bei der Installation der App eingerichtet',
    });
  });

  it.each(REASONS)('reads the reason %s in both languages after its timer', (reason) => {
    const words = auditDetail(`estimate ${reason}`);
    const timer = auditDetail('estimate');
    expect(words?.en).toMatch(new RegExp(`^${timer?.en}: \\w+ \\w`));
    expect(words?.de).toMatch(new RegExp(`^${timer?.de}: \\w+ \\w`));
  });

  it.each([
    'reminder',
    'reminderX',
    'areminder3',
    'reminder3 later',
    'reminder 3',
    'resolved:2',
    'resolved:2,closed:',
    'xresolved:2,closed:1',
    'resolved:2,closed:1x',
    'tickets:',
    'tickets:1x',
    'xtickets:1',
    'tickets:x',
    'HTTP',
    'HTTP 40x',
    'xHTTP 403',
    'HTTP 403 Forbidden',
    'version x',
    'a version 7',
    'version 7 of 9',
    'del-7',
    '7DEL-7',
    'DEL-',
    'DEL-x',
    'see DEL-7',
    'DEL-7 later',
    'D-EL-7',
    '',
    'someFutureCode',
    'toString',
    'constructor',
    'clarification toString',
    'clarification somethingNew',
    'somethingNew customerComment',
    'clarification customerComment again',
  ])('leaves the unknown code %p out rather than show it raw', (code) => {
    expect(auditDetail(code)).toBeNull();
  });
});

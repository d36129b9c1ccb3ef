import type { Bilingual } from '../../contract/common';

/** Fixed detail codes the sweep and the event handlers record, in words. */
const WORDS: Readonly<Record<string, Bilingual>> = Object.assign(Object.create(null) as object, {
  close: { en: 'auto-close', de: 'automatisches Schließen' },
  newRequest: { en: 'as a new Request linked to this one', de: 'als neue, verknüpfte Anfrage' },
  accountManagerNote: {
    en: 'as a note to the account manager',
    de: 'als Notiz an den Account Manager',
  },
  expiryNotice: { en: 'notice that the estimate expires', de: 'Hinweis auf den Ablauf der Schätzung' },
  expire: { en: 'the estimate expired', de: 'die Schätzung ist abgelaufen' },
  alreadyDone: { en: 'already done', de: 'bereits erledigt' },
  inProgress: { en: 'another run is doing it', de: 'ein anderer Lauf erledigt das' },
  recovered: {
    en: 'finished after an interruption',
    de: 'nach einer Unterbrechung abgeschlossen',
  },
  ambiguous: {
    en: 'Jira’s answer was unclear; the next sweep checks',
    de: 'Jiras Antwort war unklar; der nächste Lauf prüft nach',
  },
  notFound: { en: 'the ticket is gone', de: 'das Ticket gibt es nicht mehr' },
  noCloseTransition: {
    en: 'the workflow has no way to close it',
    de: 'der Workflow bietet keinen Weg zum Schließen',
  },
  messageInvalid: {
    en: 'the message text is not valid; check the admin page',
    de: 'der Nachrichtentext ist ungültig; bitte die Admin-Seite prüfen',
  },
  proofIncomplete: {
    en: 'too many comments to tell whether the customer replied; please close by hand',
    de: 'zu viele Kommentare, um eine Antwort des Kunden auszuschließen; bitte von Hand schließen',
  },
  proofUntimedComment: {
    en: 'a customer comment has no readable time, so a reply cannot be ruled out; please close by hand',
    de: 'ein Kundenkommentar hat keine lesbare Zeit, eine Antwort ist nicht auszuschließen; bitte von Hand schließen',
  },
  proofShifting: {
    en: 'comments were deleted while the app checked for a reply; it checks again shortly',
    de: 'während der Prüfung auf eine Antwort wurden Kommentare gelöscht; die Prüfung wird in Kürze wiederholt',
  },
  levelNotFound: { en: 'the security level was not found', de: 'die Sicherheitsstufe wurde nicht gefunden' },
  typeNotFound: { en: 'the ticket type was not found', de: 'der Tickettyp wurde nicht gefunden' },
  noWayBack: {
    en: 'the workflow offers no way back',
    de: 'der Workflow bietet keinen Weg zurück',
  },
  noRegionForOrganization: {
    en: 'the organization has no region',
    de: 'die Organisation hat keine Region',
  },
  onCallNotConfigured: {
    en: 'no on-call duty is configured',
    de: 'keine Rufbereitschaft eingerichtet',
  },
  stateRebuilt: {
    en: 'timer rebuilt from the ticket’s history',
    de: 'Timer aus dem Verlauf des Tickets wiederhergestellt',
  },
  RateLimitedError: { en: 'Jira limited the app’s requests', de: 'Jira hat die Anfragen der App begrenzt' },
  UpstreamError: { en: 'Jira did not answer in time', de: 'Jira hat nicht rechtzeitig geantwortet' },
  unknown: { en: 'unexpected error', de: 'unerwarteter Fehler' },
  definite: { en: 'it fails on its own', de: 'es scheitert an sich selbst' },
  transient: { en: 'Jira kept failing for hours', de: 'Jira scheiterte über Stunden' },
  storage: {
    en: 'the app’s storage or queue failed',
    de: 'der Speicher oder die Warteschlange der App scheiterte',
  },
});

const TIMERS: Readonly<Record<string, Bilingual>> = Object.assign(Object.create(null) as object, {
  clarification: { en: 'clarification timer', de: 'Klärungs-Timer' },
  resolved: { en: 'auto-close timer', de: 'Timer für das automatische Schließen' },
  estimate: { en: 'estimate validity', de: 'Gültigkeit der Schätzung' },
  none: { en: 'no timer', de: 'kein Timer' },
});

const REASONS: Readonly<Record<string, Bilingual>> = Object.assign(Object.create(null) as object, {
  customerComment: { en: 'the customer replied', de: 'der Kunde hat geantwortet' },
  statusEntered: { en: 'the ticket entered the status', de: 'das Ticket kam in den Status' },
  reclassified: { en: 'the ticket type changed', de: 'der Tickettyp wurde geändert' },
  installBackfill: {
    en: 'set up when the app was installed',
    de: 'bei der Installation der App eingerichtet',
  },
});

/** Details carrying a number or a key, each a pattern and its words. */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => Bilingual][] = [
  [/^reminder(\d+)$/, (m) => ({ en: `reminder ${m[1]}`, de: `Erinnerung ${m[1]}` })],
  [
    /^resolved:(\d+),closed:(\d+)$/,
    (m) => ({ en: `${m[1]} resolved, ${m[2]} closed`, de: `${m[1]} gelöst, ${m[2]} geschlossen` }),
  ],
  [/^tickets:1$/, () => ({ en: '1 ticket', de: '1 Ticket' })],
  [/^tickets:(\d+)$/, (m) => ({ en: `${m[1]} tickets`, de: `${m[1]} Tickets` })],
  [/^HTTP (\d+)$/, (m) => ({ en: `Jira answered ${m[1]}`, de: `Jira antwortete ${m[1]}` })],
  [/^version (\d+)$/, (m) => ({ en: `version ${m[1]}`, de: `Version ${m[1]}` })],
  [/^[A-Z][A-Z0-9_]*-\d+$/, (m) => ({ en: m[0], de: m[0] })],
];

/**
 * A stored audit detail (a short machine code such as `reminder3`, `resolved:2,closed:1` or
 * `clarification installBackfill`) in words; `null` for a code this version does not know, which the views
 * leave out rather than show raw.
 *
 * @example auditDetail('reminder3') // { en: 'reminder 3', de: 'Erinnerung 3' }
 */
export function auditDetail(code: string): Bilingual | null {
  const fixed = WORDS[code];
  if (fixed) return fixed;
  for (const [pattern, words] of PATTERNS) {
    const match = code.match(pattern);
    if (match) return words(match);
  }
  const [timer, reason, ...rest] = code.split(' ');
  const timerWords = timer === undefined ? undefined : TIMERS[timer];
  if (!timerWords || rest.length > 0) return null;
  if (reason === undefined) return timerWords;
  const reasonWords = REASONS[reason];
  if (!reasonWords) return null;
  return { en: `${timerWords.en}: ${reasonWords.en}`, de: `${timerWords.de}: ${reasonWords.de}` };
}

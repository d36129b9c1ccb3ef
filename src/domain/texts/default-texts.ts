import type { Localized, MessageKey } from './message-keys';

/**
 * The texts the app ships with, customer-facing ones in the tone of the Service Desk Guide (German: "Sie").
 * Sites override any of them in the configuration (`texts.<key>.<language>`).
 */
export const DEFAULT_TEXTS = {
  clarificationReminder: {
    de:
      'Guten Tag,\n\nzu diesem Ticket ist noch eine Rückfrage an Sie offen. Dies ist Erinnerung {reminderNumber} ' +
      'von {reminderCount}. Bitte antworten Sie mit einem Kommentar, damit wir Ihr Anliegen weiter bearbeiten ' +
      'können. Ohne Rückmeldung wird das Ticket am {closeDate} automatisch geschlossen.\n\n' +
      'Mit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nwe are still waiting for your answer to our question on this ticket. This is reminder ' +
      '{reminderNumber} of {reminderCount}. Please reply with a comment so that we can continue working on your ' +
      'request. Without a reply, the ticket will be closed automatically on {closeDate}.\n\n' +
      'Kind regards\nYour Service Desk team',
  },
  clarificationClose: {
    de:
      'Guten Tag,\n\nda wir auf unsere Rückfrage innerhalb von {closeAfterDays} Tagen keine Rückmeldung erhalten ' +
      'haben, schließen wir dieses Ticket. Falls Ihr Anliegen weiterhin besteht, erstellen Sie bitte ein neues ' +
      'Ticket und verweisen Sie darin auf {ticketKey}.\n\nMit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nas we have not received a reply to our question within {closeAfterDays} days, we are closing ' +
      'this ticket. If your request is still open, please create a new ticket and refer to {ticketKey}.\n\n' +
      'Kind regards\nYour Service Desk team',
  },
  resolvedClose: {
    de:
      'Guten Tag,\n\nda wir innerhalb von {closeAfterDays} Tagen keine Rückmeldung zur Lösung erhalten haben, ' +
      'gehen wir davon aus, dass sie zufriedenstellend war, und schließen dieses Ticket. Bei neuen Fragen ' +
      'erstellen Sie bitte ein neues Ticket.\n\nMit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nas we have not received feedback on the solution within {closeAfterDays} days, we assume it was ' +
      'satisfactory and are closing this ticket. If you have further questions, please create a new ticket.\n\n' +
      'Kind regards\nYour Service Desk team',
  },
  estimateExpiryNotice: {
    de:
      'Guten Tag,\n\ndie Aufwandsabschätzung zu diesem Ticket ist {validWeeks} Wochen gültig und läuft am ' +
      '{expiryDate} ab. Danach schließen wir das Ticket. Für eine Beauftragung wenden Sie sich bitte an Ihren ' +
      'Account Manager.\n\nMit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nthe estimate on this ticket is valid for {validWeeks} weeks and expires on {expiryDate}. After ' +
      'that we will close the ticket. To place an order, please contact your account manager.\n\n' +
      'Kind regards\nYour Service Desk team',
  },
  estimateExpired: {
    de:
      'Guten Tag,\n\ndie Aufwandsabschätzung zu diesem Ticket ist nach {validWeeks} Wochen abgelaufen, daher ' +
      'schließen wir das Ticket. Da sich unsere Software laufend weiterentwickelt, kann eine neue Abschätzung ' +
      'abweichen; diese erhalten Sie auf Anfrage über Ihren Account Manager.\n\n' +
      'Mit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nthe estimate on this ticket expired after {validWeeks} weeks, so we are closing the ticket. As ' +
      'our software keeps evolving, a new estimate may differ; your account manager can request one for you.\n\n' +
      'Kind regards\nYour Service Desk team',
  },
  transitionRefused: {
    de: 'Der Statuswechsel von "{from}" nach "{to}" ist im Workflow nicht vorgesehen: {reason}',
    en: 'The status change from "{from}" to "{to}" is not part of the workflow: {reason}',
  },
  reclassificationRefused: {
    de: 'Die Änderung des Tickettyps von "{fromType}" zu "{toType}" ist nicht zulässig: {reason}',
    en: 'Changing the ticket type from "{fromType}" to "{toType}" is not allowed: {reason}',
  },
  deliveryMissing: {
    de: 'Für die Delivery-Version {version} dieses Kunden gibt es noch kein geplantes Delivery-Ticket.',
    en: "There is no planned Delivery ticket yet for this customer's delivery version {version}.",
  },
  deliveryResolved: {
    de:
      'Guten Tag,\n\ndie Lösung wurde mit Version {version} ausgeliefert. Bitte testen Sie sie und geben Sie uns ' +
      'Rückmeldung. Ohne Rückmeldung wird das Ticket nach {closeAfterDays} Tagen automatisch geschlossen. Fragen ' +
      'nach der Auslieferung stellen Sie bitte in einem neuen Ticket.\n\nMit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nthe solution has been delivered with version {version}. Please test it and let us know your ' +
      'feedback. Without feedback, the ticket will be closed automatically after {closeAfterDays} days. Please raise ' +
      'any questions after the delivery in a new ticket.\n\nKind regards\nYour Service Desk team',
  },
  deliveryClosed: {
    de:
      'Guten Tag,\n\ndie Anpassung wurde mit Version {version} ausgeliefert; wir schließen dieses Ticket. Fragen ' +
      'nach der Auslieferung stellen Sie bitte in einem neuen Ticket.\n\nMit freundlichen Grüßen\n' +
      'Ihr Service Desk Team',
    en:
      'Hello,\n\nthe customisation has been delivered with version {version}; we are closing this ticket. Please ' +
      'raise any questions after the delivery in a new ticket.\n\nKind regards\nYour Service Desk team',
  },
  onCallAlerted: {
    de:
      'Guten Tag,\n\nwir haben Ihre Störungsmeldung erhalten und die Rufbereitschaft alarmiert. Wir melden uns ' +
      'so schnell wie möglich bei Ihnen.\n\nMit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nwe have received your fault report and alerted the on-call duty. We will get back to you as ' +
      'soon as possible.\n\nKind regards\nYour Service Desk team',
  },
  outOfHoursAutoReply: {
    de:
      'Guten Tag,\n\nvielen Dank für Ihr Ticket. An Wochenenden und Feiertagen bearbeiten wir nur ' +
      'schwerwiegende Störungen; wir kümmern uns am {nextWorkingDay} um Ihr Anliegen.\n\n' +
      'Mit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nthank you for your ticket. On weekends and public holidays we handle severe faults only; we ' +
      'will take care of your request on {nextWorkingDay}.\n\nKind regards\nYour Service Desk team',
  },
  priorityMismatch: {
    de: 'Priorität {priority} ist eine Verfügbarkeitspriorität und passt nicht zum Tickettyp {type}.',
    en: 'Priority {priority} is an availability priority and does not fit the ticket type {type}.',
  },
  confidentialityApplied: {
    de: 'Vertrauliche personenbezogene Daten: Das Ticket ist auf die Sicherheitsstufe "{securityLevel}" beschränkt.',
    en: 'Confidential personal data: the ticket is restricted to the security level "{securityLevel}".',
  },
  confidentialityFallback: {
    de:
      'Für die Organisation "{organization}" ist keine Region konfiguriert; das Ticket wurde vorsorglich auf ' +
      '"{securityLevel}" beschränkt. Bitte ordnen Sie die Organisation in der App-Konfiguration einer Region zu.',
    en:
      'No region is configured for the organization "{organization}"; the ticket was restricted to ' +
      '"{securityLevel}" as a precaution. Please assign the organization to a region in the app configuration.',
  },
  confidentialityLifted: {
    de: 'Keine vertraulichen personenbezogenen Daten: Die Beschränkung des Tickets wurde aufgehoben.',
    en: 'No confidential personal data: the restriction on the ticket was lifted.',
  },
  escalationNote: {
    de:
      'Der Kunde hat {ticketKey} auf Stufe {level} eskaliert ({levelName}). Grund: {reason}.\n\n' +
      'Nachricht des Kunden: {customerText}',
    en:
      'The customer escalated {ticketKey} to level {level} ({levelName}). Reason: {reason}.\n\n' +
      "Customer's message: {customerText}",
  },
  escalationReply: {
    de:
      'Guten Tag,\n\nwir haben Ihre Eskalation erhalten. Ihre Anfrage liegt jetzt auf Stufe {level} bei: ' +
      '{levelName} ({contacts}). Wir melden uns hier bei Ihnen.\n\nMit freundlichen Grüßen\nIhr Service Desk Team',
    en:
      'Hello,\n\nwe have received your escalation. Your request is now at level {level} with: {levelName} ' +
      '({contacts}). We will get back to you here.\n\nKind regards\nYour Service Desk team',
  },
  newEstimateRequested: {
    de: 'Der Kunde bittet um eine neue Aufwandsschätzung für {ticketKey} ({summary}); die bisherige ist abgelaufen.',
    en: 'The customer asks for a new estimate for {ticketKey} ({summary}); the previous one has expired.',
  },
} as const satisfies Record<MessageKey, Localized>;

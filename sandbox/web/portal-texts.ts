/**
 * The customer portal page's own words (the frame around the app's portal modules) in the two languages the
 * support process speaks. The page shows the language the app answers the customer in.
 */
import type { View } from './pages';

export interface PortalTexts {
  portal: string;
  request: string;
  refusedTitle: string;
  refused: (key: string) => string;
  status: string;
  raisedBy: string;
  created: string;
  activity: string;
  noReplies: string;
  addComment: string;
  replyLabel: string;
  reply: string;
  details: string;
  actions: string;
  close: string;
}

const TEXTS: Record<View['lang'], PortalTexts> = {
  en: {
    portal: 'Customer portal',
    request: 'Request',
    refusedTitle: "You can't view this request",
    refused: (key) =>
      `${key} does not exist, or it is not shared with you. Ask the person who raised it to share it with you.`,
    status: 'Status',
    raisedBy: 'Raised by',
    created: 'Created',
    activity: 'Activity',
    noReplies: 'No replies yet.',
    addComment: 'Add a comment',
    replyLabel: 'Reply',
    reply: 'Reply',
    details: 'Request details',
    actions: 'Request actions',
    close: 'Close',
  },
  de: {
    portal: 'Kundenportal',
    request: 'Anfrage',
    refusedTitle: 'Sie können diese Anfrage nicht ansehen',
    refused: (key) =>
      `${key} gibt es nicht, oder die Anfrage ist nicht für Sie freigegeben. Bitten Sie die Person, die sie gestellt hat, sie für Sie freizugeben.`,
    status: 'Status',
    raisedBy: 'Gestellt von',
    created: 'Erstellt am',
    activity: 'Aktivität',
    noReplies: 'Noch keine Antworten.',
    addComment: 'Kommentar hinzufügen',
    replyLabel: 'Ihre Antwort',
    reply: 'Antworten',
    details: 'Details zur Anfrage',
    actions: 'Aktionen zur Anfrage',
    close: 'Schließen',
  },
};

/** The portal page's words in `lang`. */
export function portalTexts(lang: View['lang']): PortalTexts {
  return TEXTS[lang];
}

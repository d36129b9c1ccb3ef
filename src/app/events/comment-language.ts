import type { ProjectConfig } from '../../domain/config';
import { languageFor, type Language } from '../../domain/texts';
import type { EventDeps } from './event-deps';
import type { Ticket } from '../../domain/ticket';
import { errorCode } from './error-code';

/** Jira locales look like `de_DE` / `en_US`; anything else falls back to the project default. */
function fromLocale(locale: string | undefined): Language | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return prefix === 'de' || prefix === 'en' ? prefix : undefined;
}

/**
 * Languages of the texts for one ticket: public texts in the customer organization's language, internal notes
 * in the language of the agent who caused the event (read from their Jira profile only when an internal note is
 * actually written; one call).
 */
export class CommentLanguages {
  private agent: Language | undefined;

  constructor(
    private readonly deps: EventDeps,
    private readonly config: ProjectConfig,
    private readonly ticket: Ticket,
    private readonly actorId: string | undefined,
  ) {}

  customer(): Language {
    return languageFor(this.config, this.ticket.organizations[0]?.name);
  }

  async internal(): Promise<Language> {
    if (this.agent) return this.agent;
    let language: Language | undefined;
    if (this.actorId !== undefined) {
      try {
        language = fromLocale(await this.deps.links.userLocale(this.actorId));
      } catch (error) {
        this.deps.log.warn('events.agentLocaleUnavailable', {
          issueId: this.ticket.id,
          // A code only: the error's message may carry the user's account id or profile URL.
          error: errorCode(error),
        });
      }
    }
    this.agent = language ?? this.config.defaultLanguage;
    return this.agent;
  }
}

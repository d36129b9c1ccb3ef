import type { ProjectConfig } from '../../domain/config';
import { languageFor, type Language } from '../../domain/texts';
import type { EventDeps } from './event-deps';
import type { Ticket } from '../../domain/ticket';
import { errorCode } from './error-code';
import { keepAgentLocale, keptAgentLocale } from '../shared/agent-locale';

/**
 * The locale of `accountId`: the one kept from the agent's panel view or an earlier read (`keptAgentLocale`), else
 * read from their Jira profile (3 points) and kept a day, so that an agent writing several notes a day costs at most
 * one read, and none when they opened a panel that day.
 */
async function agentLocale(deps: EventDeps, accountId: string, now: Date): Promise<string | undefined> {
  const kept = await keptAgentLocale(deps.store, accountId, now);
  if (kept !== undefined) return kept ?? undefined;
  const locale = await deps.links.userLocale(accountId);
  await keepAgentLocale(deps.store, accountId, locale ?? null, now);
  return locale;
}

/**
 * Jira locales look like `de_DE` / `en_US`, Forge's `de-DE` / `en-US`; anything else falls back to the project
 * default.
 */
function fromLocale(locale: string | undefined): Language | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return prefix === 'de' || prefix === 'en' ? prefix : undefined;
}

/**
 * Languages of the texts for one ticket: public texts in the customer organization's language, internal notes
 * in the language of the agent who caused the event (as their panel view kept it, or read from their Jira profile
 * only when an internal note is actually written, and kept a day). A note on what the ticket's reporter did, when
 * the read of the ticket says that is a customer account, is in the project's language: its readers are agents,
 * and no profile is read.
 */
export class CommentLanguages {
  private agent: Language | undefined;

  constructor(
    private readonly deps: EventDeps,
    private readonly config: ProjectConfig,
    private readonly ticket: Ticket,
    private readonly actorId: string | undefined,
    private readonly now: Date,
  ) {}

  customer(): Language {
    return languageFor(this.config, this.ticket.organizations[0]?.name);
  }

  async internal(): Promise<Language> {
    if (this.agent) return this.agent;
    let language: Language | undefined;
    if (this.actorId !== undefined && !this.actorIsCustomer()) {
      try {
        language = fromLocale(await agentLocale(this.deps, this.actorId, this.now));
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

  /** The event's actor is the ticket's reporter, and the read of the ticket says that is a customer account. */
  private actorIsCustomer(): boolean {
    return this.actorId === this.ticket.reporterId && this.ticket.reporterAccountType === 'customer';
  }
}

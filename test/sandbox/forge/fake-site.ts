import type { JiraSite, ProductEvent, SiteRequest, SiteResponse } from '../../../sandbox/contract';

/**
 * A minimal `JiraSite` for the Forge host tests: records every request, answers from `reply` (default: 200 with
 * the principal echoed), and — like the real simulator — emits `avi:jira:commented:issue` synchronously when a
 * comment is POSTed, caused by the request's principal.
 */
export class FakeSite implements JiraSite {
  readonly requests: SiteRequest[] = [];
  reply: (request: SiteRequest) => SiteResponse = (request) => ({
    status: 200,
    headers: { 'content-type': 'application/json', 'x-sim-points': '1' },
    body: JSON.stringify({ principal: request.principal }),
  });
  private readonly listeners = new Set<(event: ProductEvent) => void>();
  /** Jira profile locales by account (`de_DE`). */
  readonly locales = new Map<string, string>();

  profileLocale(accountId: string): string | undefined {
    return this.locales.get(accountId);
  }

  async handle(request: SiteRequest): Promise<SiteResponse> {
    this.requests.push(request);
    const match = /^\/rest\/api\/3\/issue\/([A-Z]+-\d+)\/comment$/.exec(request.path);
    if (request.method === 'POST' && match) {
      this.emit({
        eventType: 'avi:jira:commented:issue',
        payload: { issue: { key: match[1] }, comment: JSON.parse(request.body ?? '{}') },
        causedBy: request.principal,
        at: new Date().toISOString(),
      });
    }
    return this.reply(request);
  }

  subscribe(listener: (event: ProductEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ProductEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

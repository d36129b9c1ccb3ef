/**
 * Local-site setup costs, measured rather than asserted in tests: generating a 50,000-ticket site and the cold start
 * of the OpenAPI validation (reading the specs, compiling the first operation's schemas).
 */
import { createJiraSite } from '../sandbox/jira/site';
import { generateTickets } from '../sandbox/jira/seed/generate-tickets';
import { matchOperation, validateRequest, validateResponse } from '../sandbox/jira/spec';
import { round } from './bench-metrics';

export interface SetupFigures {
  generate50kTicketsMs: number;
  specColdStartMs: number;
}

export function siteSetupBench(now: Date): SetupFigures {
  let started = performance.now();
  const op = matchOperation('POST', '/rest/api/3/search/jql');
  if (!op) throw new Error('search/jql is missing from the specs');
  validateRequest(op, { jql: 'project = SD' });
  validateResponse(op, 200, { issues: [], isLast: true });
  const specColdStartMs = round(performance.now() - started);
  const site = createJiraSite({ seed: { seed: 1 } });
  started = performance.now();
  generateTickets(site, { count: 50_000, seed: 1, now });
  return { generate50kTicketsMs: round(performance.now() - started), specColdStartMs };
}

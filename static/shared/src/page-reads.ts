import type {
  PageRead,
  PageReadAnswer,
  PageReadsNeeded,
  PageReadsPayload,
} from '../../../src/contract/resolvers';

/** Rounds of reads a view takes at most: the field list, the ticket, then what the ticket links to. */
const MAX_ROUNDS = 5;

/**
 * Loads a view whose Jira reads the page makes as the user (decision 0018): calls the resolver, makes the reads
 * it asks for (in parallel), and calls it again with every answer so far until it returns the view.
 */
export async function viewThroughPageReads<V extends object>(
  call: (payload: PageReadsPayload) => Promise<V | PageReadsNeeded>,
  read: (request: PageRead) => Promise<PageReadAnswer>,
): Promise<V> {
  const answers: Record<string, PageReadAnswer> = {};
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const result = await call({ answers });
    if (!isReadsNeeded(result)) return result;
    const fresh = result.reads.filter((r) => !Object.hasOwn(answers, r.id));
    if (fresh.length === 0) throw new Error('the resolver asked again for reads it has');
    const answered = await Promise.all(fresh.map(async (r) => [r.id, await read(r)] as const));
    for (const [id, answer] of answered) answers[id] = answer;
  }
  throw new Error(`the view needed more than ${MAX_ROUNDS} rounds of reads`);
}

function isReadsNeeded<V extends object>(result: V | PageReadsNeeded): result is PageReadsNeeded {
  return 'view' in result && result.view === 'reads';
}

/** One row of a Delivery ticket's table of included tickets: Key | Request type | Summary (guide §3.3). */
export interface DeliveryTableRow {
  readonly key: string;
  readonly requestType: string;
  readonly summary: string;
}

function keyParts(key: string): [string, number] {
  const match = /^(.*)-(\d+)$/.exec(key);
  return match ? [match[1] ?? '', Number(match[2])] : [key, 0];
}

/**
 * The rows of the included-tickets table, sorted by project key and then issue number (SUP-9 before
 * SUP-10), duplicates removed.
 *
 * @example
 * deliveryTableRows([{ key: 'SUP-10', … }, { key: 'SUP-9', … }]).map((r) => r.key); // ['SUP-9', 'SUP-10']
 */
export function deliveryTableRows(tickets: readonly DeliveryTableRow[]): DeliveryTableRow[] {
  const unique = [...new Map(tickets.map((t) => [t.key, t])).values()];
  return unique
    .map(({ key, requestType, summary }) => ({ key, requestType, summary }))
    .sort((a, b) => {
      const [pa, na] = keyParts(a.key);
      const [pb, nb] = keyParts(b.key);
      return pa === pb ? na - nb : pa < pb ? -1 : 1;
    });
}

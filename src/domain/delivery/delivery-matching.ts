/** A Planned Delivery ticket as the matching sees it. */
export interface DeliveryCandidate {
  readonly id: string;
  readonly key: string;
  readonly version?: string;
  readonly organizationIds: readonly string[];
  readonly estimatedDate?: string;
}

/**
 * The Delivery a Delivery Pending ticket belongs in (guide §3.1.1, PROCESS.md §6): a Planned Delivery of the same
 * customer (organization) with the same Delivery version; for CUSTOM the customer's next Planned Delivery by
 * estimated delivery date (undated ones last, then by key). `undefined` when none exists yet.
 *
 * @example
 * matchDelivery({ version: 'CUSTOM', organizationIds: ['1'] }, candidates, 'CUSTOM')?.key; // the earliest one
 */
export function matchDelivery(
  ticket: { version: string; organizationIds: readonly string[] },
  candidates: readonly DeliveryCandidate[],
  customValue: string,
): DeliveryCandidate | undefined {
  const sameCustomer = candidates.filter((d) =>
    d.organizationIds.some((id) => ticket.organizationIds.includes(id)),
  );
  const isCustom = ticket.version.trim().toLowerCase() === customValue.trim().toLowerCase();
  if (!isCustom) return sameCustomer.find((d) => d.version?.trim() === ticket.version.trim());
  return [...sameCustomer].sort((a, b) => {
    const da = a.estimatedDate ?? '9999-12-31';
    const db = b.estimatedDate ?? '9999-12-31';
    return da.localeCompare(db) || a.key.localeCompare(b.key, undefined, { numeric: true });
  })[0];
}

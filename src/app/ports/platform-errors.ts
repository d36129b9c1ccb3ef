/**
 * Typed failures of the app's own platform ports: the adapters turn whatever the Forge SDK throws into these, so
 * use cases can tell a storage or queue failure from a defect and keep one item's failure from stopping others.
 */

/** A Forge KVS call failed (an error answer, a refused or lost request). */
export class StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly problem: string,
  ) {
    super(`storage ${operation} failed: ${problem}`);
    this.name = 'StorageError';
  }
}

/** Pushing work onto the Forge queue failed (an error answer, a rate limit, a partial push). */
export class QueueError extends Error {
  constructor(readonly problem: string) {
    super(`queue push failed: ${problem}`);
    this.name = 'QueueError';
  }
}

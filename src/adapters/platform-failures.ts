import { QueueError, StorageError } from '../app/ports/platform-errors';

/** The Forge SDKs' error answers carry a code and the HTTP status; other failures (a lost request) a message. */
function problemOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const detailed = error as Error & { code?: unknown; responseDetails?: { status?: unknown } };
  const status = detailed.responseDetails?.status;
  if (typeof detailed.code === 'string')
    return typeof status === 'number' ? `${detailed.code} (HTTP ${status})` : detailed.code;
  return `${error.name}: ${error.message.slice(0, 200)}`;
}

type AsyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never;
};

/**
 * The storage port `port` with every failure of a call turned into a {@link StorageError} naming the
 * operation, so use cases see one typed storage failure whatever the SDK threw.
 */
export function withStorageErrors<T extends AsyncMethods<T>>(port: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [operation, method] of Object.entries(port) as [
    string,
    (...args: unknown[]) => Promise<unknown>,
  ][])
    wrapped[operation] = async (...args: unknown[]) => {
      try {
        return await method.apply(port, args);
      } catch (error) {
        throw error instanceof StorageError ? error : new StorageError(operation, problemOf(error));
      }
    };
  return wrapped as T;
}

/** Runs one queue push, turning its failure into a {@link QueueError}. */
export async function queuePush(push: () => Promise<unknown>): Promise<void> {
  try {
    await push();
  } catch (error) {
    throw error instanceof QueueError ? error : new QueueError(problemOf(error));
  }
}

import type { ConfigError } from '../../domain/config';

/** Forge KVS holds at most 240 KiB per value (JSON, UTF-8). */
const KVS_VALUE_MAX_BYTES = 240 * 1024;

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** The dotted path and size of the largest text in `value` (where shortening helps most). */
function largestText(value: unknown, path: string[] = []): { path: string[]; size: number } {
  if (typeof value === 'string') return { path, size: bytes(value) };
  let best = { path, size: 0 };
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const found = largestText(child, [...path, key]);
      if (found.size > best.size) best = found;
    }
  }
  return best;
}

/**
 * `null` when `stored` fits one KVS value; else an error on the largest text of the configuration, the field
 * whose shortening helps most.
 */
export function configSizeError(stored: unknown, input: unknown): ConfigError | null {
  const size = bytes(stored);
  if (size <= KVS_VALUE_MAX_BYTES) return null;
  const largest = largestText(input);
  const path = largest.path.join('.');
  const kib = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en')} KiB`;
  return {
    path,
    message: `${path || 'configuration'}: the settings would take ${kib(size)}, more than the ${kib(KVS_VALUE_MAX_BYTES)} Forge storage holds; this text is the largest (${kib(largest.size)}), shorten it`,
  };
}

import { parseConfig, type AppConfig, type ConfigError } from '../../domain/config';
import type { KeyValueStore } from '../ports';

/** KVS key of the site configuration. */
export const CONFIG_KEY = 'config:site';

/** What is stored: the admin's input as submitted (defaults are applied on read, so new defaults reach old sites). */
export interface StoredConfig {
  version: number;
  input: unknown;
  savedAt: string;
}

export type LoadedConfig = { config: AppConfig; version: number; input: unknown };

export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; errors: ConfigError[] }
  | { ok: false; conflict: true; currentVersion: number };

/**
 * The site configuration in KVS. Reads parse at the boundary; writes validate the whole configuration first, so
 * unknown or contradictory settings are rejected whole and never half-applied.
 */
export class ConfigRepository {
  private cached: LoadedConfig | undefined;

  constructor(private readonly store: KeyValueStore) {}

  /** The configuration in force (the guide's defaults until an admin saves). Cached for the invocation. */
  async load(): Promise<LoadedConfig> {
    if (this.cached) return this.cached;
    const stored = await this.store.get<StoredConfig>(CONFIG_KEY);
    if (!stored) {
      const parsed = parseConfig({});
      if (!parsed.ok) throw new Error('default configuration is invalid');
      this.cached = { config: parsed.config, version: 0, input: {} };
      return this.cached;
    }
    const parsed = parseConfig(stored.input);
    if (!parsed.ok) {
      // Only possible if a release tightened the schema; refuse to act on a configuration we cannot trust.
      throw new InvalidStoredConfigError(parsed.errors);
    }
    this.cached = { config: parsed.config, version: stored.version, input: stored.input };
    return this.cached;
  }

  /**
   * Validates and stores a new configuration. `expectedVersion` guards against two admins overwriting each
   * other: a save based on an older version is refused with the current version.
   */
  async save(input: unknown, expectedVersion: number, now: Date): Promise<SaveResult> {
    const parsed = parseConfig(input);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const current = await this.store.get<StoredConfig>(CONFIG_KEY);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) return { ok: false, conflict: true, currentVersion };
    const version = currentVersion + 1;
    await this.store.set<StoredConfig>(CONFIG_KEY, { version, input, savedAt: now.toISOString() });
    this.cached = { config: parsed.config, version, input };
    return { ok: true, version };
  }
}

export class InvalidStoredConfigError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(`stored configuration is invalid: ${errors.map((e) => e.path).join(', ')}`);
    this.name = 'InvalidStoredConfigError';
  }
}

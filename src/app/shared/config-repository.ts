import { parseConfig, parseStoredConfig, type AppConfig, type ConfigError } from '../../domain/config';
import type { KeyValueStore, VersionStamp } from '../ports';
import { configSizeError } from './config-size';

/**
 * KVS key of the site configuration.
 * @internal Exported for the local site and the benchmark, which seed the stored settings.
 */
export const CONFIG_KEY = 'config:site';

/**
 * What is stored: the admin's input as submitted (defaults are applied on read, so new defaults reach old sites).
 * @internal Exported for the admin tests that seed a stored configuration.
 */
export interface StoredConfig {
  version: number;
  input: unknown;
  savedAt: string;
  /** Account id of the admin who saved (shown to another admin whose save this one beat). */
  savedBy?: string;
}

/** Who saved the version another save was based on too late: version, time, account id (when known). */
export interface SaveConflict {
  conflict: true;
  currentVersion: number;
  savedAt?: string;
  savedBy?: string;
}

export type LoadedConfig = {
  config: AppConfig;
  version: number;
  input: unknown;
  /**
   * The stored on-call webhooks the validation rules refuse: on-call is off where they are set, everything else
   * runs (the platform checks tell the admin). Absent or empty when on-call is as stored.
   */
  onCallRefused?: ConfigError[];
};

export type SaveResult =
  { ok: true; version: number } | { ok: false; errors: ConfigError[] } | ({ ok: false } & SaveConflict);

/**
 * The site configuration in KVS. Reads parse at the boundary; writes validate the whole configuration first, so
 * unknown or contradictory settings are rejected whole and never half-applied.
 */
export class ConfigRepository {
  private cached: LoadedConfig | undefined;

  constructor(private readonly store: KeyValueStore) {}

  /**
   * The configuration in force (the guide's defaults until an admin saves). Cached for the invocation. A stored
   * on-call webhook the rules refuse switches only on-call off (`onCallRefused` says where and why).
   */
  async load(): Promise<LoadedConfig> {
    if (this.cached) return this.cached;
    const stored = await this.store.get<StoredConfig>(CONFIG_KEY);
    if (!stored) {
      const parsed = parseConfig({});
      if (!parsed.ok) throw new Error('default configuration is invalid');
      this.cached = { config: parsed.config, version: 0, input: {} };
      return this.cached;
    }
    const parsed = parseStoredConfig(stored.input);
    if (!parsed.ok) {
      // Only possible if a release tightened the schema; refuse to act on a configuration we cannot trust.
      throw new InvalidStoredConfigError(parsed.errors);
    }
    this.cached = {
      config: parsed.config,
      version: stored.version,
      input: stored.input,
      ...(parsed.onCallRefused.length > 0 ? { onCallRefused: parsed.onCallRefused } : {}),
    };
    return this.cached;
  }

  /**
   * Validates and stores a new configuration. `expectedVersion` guards against two admins overwriting each
   * other: the write is a compare-and-set on the version, so of two saves based on the same version exactly
   * one is stored and the other is refused with the winner's version, time and account.
   */
  async save(input: unknown, expectedVersion: number, now: Date, savedBy?: string): Promise<SaveResult> {
    const parsed = parseConfig(input);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const current = await this.store.get<StoredConfig>(CONFIG_KEY);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) return conflict(current ?? { version: currentVersion });
    const stamp: VersionStamp = {
      version: currentVersion + 1,
      savedAt: now.toISOString(),
      ...(savedBy !== undefined ? { savedBy } : {}),
    };
    const stored: StoredConfig = { ...stamp, savedAt: now.toISOString(), input };
    const tooLarge = configSizeError(stored, input);
    if (tooLarge) return { ok: false, errors: [tooLarge] };
    const written = await this.store.setIfVersion(CONFIG_KEY, stored, expectedVersion, stamp);
    if (!written.ok) return conflict(written.current ?? { version: currentVersion });
    this.cached = { config: parsed.config, version: stamp.version, input };
    return { ok: true, version: stamp.version };
  }
}

function conflict(stamp: VersionStamp): { ok: false } & SaveConflict {
  return {
    ok: false,
    conflict: true,
    currentVersion: stamp.version,
    ...(stamp.savedAt ? { savedAt: stamp.savedAt } : {}),
    ...(stamp.savedBy ? { savedBy: stamp.savedBy } : {}),
  };
}

export class InvalidStoredConfigError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(`stored configuration is invalid: ${errors.map((e) => e.path).join(', ')}`);
    this.name = 'InvalidStoredConfigError';
  }
}

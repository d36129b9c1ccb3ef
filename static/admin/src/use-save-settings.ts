import { useState } from 'react';
import type {
  SaveConflictView,
  SaveSettingsPayload,
  SaveSettingsResult,
  SettingsError,
} from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/src/resolver-failure';
import { useAdminEnvironment } from './admin-context';
import type { SaveStatus } from './save-messages';
import type { SettingsDraft } from './use-settings-draft';

/** The last save's outcome and the version the next save builds on. */
export interface SaveState {
  status: SaveStatus;
  errors: SettingsError[];
  conflict: SaveConflictView | undefined;
  failure: ResolverFailure | null;
  save: (draft: SettingsDraft) => Promise<void>;
  /** The version the next save builds on. */
  version: number;
  /** The draft changed: the last outcome no longer applies. */
  edited: () => void;
  /** Forget the field problems (another scope opened, the form reset). */
  clear: () => void;
}

/** What a save of the open scope sends: the site's settings and switches, or the open project's overrides. */
export function savePayload(draft: SettingsDraft, version: number): SaveSettingsPayload {
  return draft.override
    ? { scope: 'project', projectKey: draft.scope, override: draft.override, expectedVersion: version }
    : {
        scope: 'site',
        settings: draft.site,
        managedProjects: draft.managed,
        automationEnabled: draft.automationEnabled,
        expectedVersion: version,
      };
}

/**
 * Saves the open scope: the site's settings with the managed projects and the master switch, or one project's
 * overrides, each on the version last loaded or saved, so a save over another admin's is refused.
 */
export function useSaveSettings(initialVersion: number, onSaved: () => void): SaveState {
  const { invoke } = useAdminEnvironment();
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const [conflict, setConflict] = useState<SaveConflictView | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState<ResolverFailure | null>(null);

  const request = (draft: SettingsDraft): Promise<SaveSettingsResult> =>
    invoke('saveSettings', savePayload(draft, version));

  const save = async (draft: SettingsDraft) => {
    setStatus('saving');
    setFailure(null);
    try {
      const result = await request(draft);
      if (result.ok) {
        setVersion(result.version);
        setErrors([]);
        setStatus('saved');
        onSaved();
      } else {
        setErrors(result.errors);
        setConflict(result.conflict);
        setStatus('failed');
      }
    } catch (thrown) {
      setFailure(ResolverFailure.from(thrown));
      setStatus('idle');
    }
  };
  return {
    status,
    errors,
    conflict,
    failure,
    save,
    version,
    edited: () => setStatus('idle'),
    clear: () => setErrors([]),
  };
}

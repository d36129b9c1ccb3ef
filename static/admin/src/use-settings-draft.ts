import { useState } from 'react';
import type {
  ProcessSettings,
  ProjectOverride,
  SettingsSection,
  SettingsView,
} from '../../../src/contract/resolvers';

/** What the settings tab edits before it is saved: the site's values, every project's overrides and the switches. */
export interface SettingsDraft {
  /** `'site'` or a project key. */
  scope: string;
  site: ProcessSettings;
  overrides: Record<string, ProjectOverride>;
  managed: string[];
  automationEnabled: boolean;
  /** The open project's overrides; `null` while the site is open. */
  override: ProjectOverride | null;
  effective: <S extends SettingsSection>(section: S) => ProcessSettings[S];
  setSection: <S extends SettingsSection>(section: S, value: ProcessSettings[S]) => void;
  /** Starts (with a copy of the site's values) or ends a project's override of one section. */
  toggleOverride: (section: SettingsSection) => void;
  setScope: (scope: string) => void;
  setManaged: (managed: string[]) => void;
  setAutomationEnabled: (enabled: boolean) => void;
  reset: () => void;
}

/**
 * The settings tab's unsaved state. A project overrides whole sections; a section it does not override shows
 * the site's value. `onEdit` runs on every change (the tab then forgets the last save's outcome).
 */
export function useSettingsDraft(initial: SettingsView, onEdit: () => void): SettingsDraft {
  const initialManaged = initial.projects.filter((p) => p.managed).map((p) => p.key);
  const [scope, setScope] = useState<string>('site');
  const [site, setSite] = useState<ProcessSettings>(initial.site);
  const [overrides, setOverrides] = useState<Record<string, ProjectOverride>>(initial.overrides);
  const [managed, setManaged] = useState<string[]>(initialManaged);
  const [automationEnabled, setAutomationEnabled] = useState(initial.automationEnabled);
  const override = scope === 'site' ? null : (overrides[scope] ?? {});
  const edited =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      onEdit();
      set(value);
    };

  return {
    scope,
    site,
    overrides,
    managed,
    automationEnabled,
    override,
    effective: (section) => (override ? (override[section] ?? site[section]) : site[section]),
    setSection: (section, value) => {
      onEdit();
      if (override) setOverrides({ ...overrides, [scope]: { ...override, [section]: value } });
      else setSite({ ...site, [section]: value });
    },
    toggleOverride: (section) => {
      if (!override) return;
      const next = { ...override };
      if (section in next) delete next[section];
      else (next as Record<string, unknown>)[section] = structuredClone(site[section]);
      setOverrides({ ...overrides, [scope]: next });
    },
    setScope,
    setManaged: edited(setManaged),
    setAutomationEnabled: edited(setAutomationEnabled),
    reset: () => {
      setSite(initial.site);
      setOverrides(initial.overrides);
      setManaged(initialManaged);
      setAutomationEnabled(initial.automationEnabled);
    },
  };
}

import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { SettingsView } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { selectStyle } from './fields';

/** Chooses what the settings tab edits: the site defaults (`site`) or one project's overrides (its key). */
export function ScopePicker({
  scope,
  projects,
  overridden,
  onChange,
}: {
  scope: string;
  projects: SettingsView['projects'];
  /** Keys of the projects that override at least one section. */
  overridden: readonly string[];
  onChange: (scope: string) => void;
}) {
  const { m } = useAdminEnvironment();
  const id = useId();
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'end',
        gap: token('space.150'),
        marginBottom: token('space.200'),
      }}
    >
      <div style={{ display: 'grid', gap: token('space.050') }}>
        <label
          htmlFor={id}
          style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}
        >
          {m.scope.label}
        </label>
        <select id={id} value={scope} onChange={(e) => onChange(e.currentTarget.value)} style={selectStyle}>
          <option value="site">{m.scope.site}</option>
          {projects.map((p) => (
            <option key={p.key} value={p.key}>
              {m.scope.project(p.name, p.key)}
              {overridden.includes(p.key) ? ` · ${m.scope.overridden}` : ''}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The per-section switch of a project scope: on, the project overrides the section; off, it follows the site. */
export function OverrideSwitch({ checked, onChange }: { checked: boolean; onChange: () => void }) {
  const { m } = useAdminEnvironment();
  const id = useId();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
      <Toggle id={id} isChecked={checked} onChange={onChange} />
      <label htmlFor={id} style={{ font: token('font.body.small') }}>
        {m.override.label}
      </label>
    </span>
  );
}

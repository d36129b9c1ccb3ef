import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import { useAdminEnvironment } from './admin-context';
import { FieldGrid, NumberField } from './fields';
import type { EditorProps } from './settings-sections';

/** Dry-run switch with its explanation. */
export function DryRunEditor({ value, onChange, disabled }: EditorProps<boolean>) {
  const { m } = useAdminEnvironment();
  const id = useId();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
      <Toggle id={id} isChecked={value} isDisabled={disabled} onChange={() => onChange(!value)} />
      <label htmlFor={id}>
        <strong>{m.automation.dryRun}</strong> — {m.automation.dryRunHint}
      </label>
    </div>
  );
}

/** The hourly Jira points budget of the sweep. */
export function PointsEditor({ value, onChange, disabled }: EditorProps<number>) {
  const { m } = useAdminEnvironment();
  return (
    <FieldGrid>
      <NumberField
        path="pointsBudgetPerHour"
        label={m.automation.points}
        hint={m.automation.pointsHint}
        value={value}
        disabled={disabled}
        onChange={(v) => onChange(v ?? 0)}
      />
    </FieldGrid>
  );
}

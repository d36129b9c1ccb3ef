import { token } from '@atlaskit/tokens';
import type { OnCallTarget, PriorityLevel, ServiceTarget } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid, NumberField, TextField } from './fields';
import type { EditorProps } from './settings-sections';

/** Contracted response and restoration minutes per priority (PROCESS.md §5). */
export function TargetsEditor({
  value,
  onChange,
  disabled,
}: EditorProps<Record<PriorityLevel, ServiceTarget>>) {
  const { m } = useAdminEnvironment();
  return (
    <div style={{ display: 'grid', gap: token('space.150') }}>
      {(['P1', 'P2', 'P3', 'P4'] as const).map((p) => (
        <FieldGrid key={p} min="10rem">
          <NumberField
            path={`serviceTargets.${p}.responseMinutes`}
            label={`${p} · ${m.targets.response}`}
            value={value[p].responseMinutes}
            nullable
            disabled={disabled}
            onChange={(v) => onChange({ ...value, [p]: { ...value[p], responseMinutes: v } })}
          />
          <NumberField
            path={`serviceTargets.${p}.restorationMinutes`}
            label={`${p} · ${m.targets.restoration}`}
            value={value[p].restorationMinutes}
            nullable
            disabled={disabled}
            onChange={(v) => onChange({ ...value, [p]: { ...value[p], restorationMinutes: v } })}
          />
        </FieldGrid>
      ))}
      <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
        {m.targets.minutesHint}
      </p>
    </div>
  );
}

/** Who is alerted for severe faults outside working days (PROCESS.md §1): what the domain supports. */
export function OnCallEditor({ value, onChange, disabled }: EditorProps<OnCallTarget>) {
  const { m } = useAdminEnvironment();
  return (
    <FieldGrid>
      <ChoiceField
        path="onCall.mode"
        label={m.onCall.mode}
        value={value.mode}
        disabled={disabled}
        options={[
          { value: 'none', label: m.onCall.none },
          { value: 'opsgenie', label: m.onCall.opsgenie },
          { value: 'webhook', label: m.onCall.webhook },
        ]}
        onChange={(mode) => onChange({ mode, target: mode === 'none' ? '' : value.target })}
      />
      {value.mode === 'none' ? null : (
        <TextField
          path="onCall.target"
          label={value.mode === 'opsgenie' ? m.onCall.opsgenieTarget : m.onCall.webhookTarget}
          {...(value.mode === 'webhook' ? { hint: m.onCall.webhookHint } : {})}
          value={value.target}
          disabled={disabled}
          onChange={(target) => onChange({ ...value, target })}
        />
      )}
    </FieldGrid>
  );
}

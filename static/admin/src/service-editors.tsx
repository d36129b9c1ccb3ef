import { token } from '@atlaskit/tokens';
import type {
  EscalationLadderSettings,
  OnCallTarget,
  PriorityLevel,
  ServiceTarget,
} from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid, NumberField, TextField } from './fields';
import { PeoplePicker } from './people-picker';
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

/** The people fields of each escalation level in order; level 2 has one lead for International and one for DACH. */
const LEVEL_PEOPLE: readonly (readonly PeopleKey[])[] = [
  ['personalContact'],
  ['teamLeadInternational', 'teamLeadDach'],
  ['departmentHead'],
  ['customerServicesHead'],
  ['board'],
];

type PeopleKey = Exclude<keyof EscalationLadderSettings, 'labels'>;

/** Each escalation level (PROCESS.md §9): its name in German and English, next to the people on it. */
export function EscalationEditor({ value, onChange, disabled }: EditorProps<EscalationLadderSettings>) {
  const { m } = useAdminEnvironment();
  const setLabel = (index: number, language: 'de' | 'en', text: string) =>
    onChange({
      ...value,
      labels: value.labels.map((l, i) => (i === index ? { ...l, [language]: text } : l)),
    });
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      {LEVEL_PEOPLE.map((people, index) => {
        const label = value.labels[index] ?? { de: '', en: '' };
        return (
          <fieldset key={index} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <legend style={{ font: token('font.heading.xxsmall'), marginBottom: token('space.100') }}>
              {m.ladder.level(index + 1)}
            </legend>
            <FieldGrid>
              <TextField
                path={`escalation.labels.${index}.de`}
                label={m.ladder.labelDe(index + 1)}
                value={label.de}
                disabled={disabled}
                onChange={(v) => setLabel(index, 'de', v)}
              />
              <TextField
                path={`escalation.labels.${index}.en`}
                label={m.ladder.labelEn(index + 1)}
                value={label.en}
                disabled={disabled}
                onChange={(v) => setLabel(index, 'en', v)}
              />
              {people.map((key) => (
                <PeoplePicker
                  key={key}
                  path={`escalation.${key}`}
                  label={m.escalation[key]}
                  value={value[key]}
                  disabled={disabled}
                  onChange={(v) => onChange({ ...value, [key]: v })}
                />
              ))}
            </FieldGrid>
          </fieldset>
        );
      })}
    </div>
  );
}

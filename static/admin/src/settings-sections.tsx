import { token } from '@atlaskit/tokens';
import type {
  FieldRole,
  NameMappings,
  StatusRole,
  TicketKind,
  TimerSettings,
} from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid, NumberField, TextField } from './fields';

/** Props every section editor takes: its value, a setter, and whether it is read-only (project follows site). */
export interface EditorProps<T> {
  value: T;
  onChange: (value: T) => void;
  disabled: boolean;
}

export function SubHeading({ children }: { children: string }) {
  return (
    <h4
      style={{ margin: `${token('space.200')} 0 ${token('space.100')}`, font: token('font.heading.xxsmall') }}
    >
      {children}
    </h4>
  );
}

/** The site's names for kinds, statuses, fields and the Delivery link type (PROCESS.md: all names are config). */
export function NamesEditor({ value, onChange, disabled }: EditorProps<NameMappings>) {
  const { m } = useAdminEnvironment();
  return (
    <>
      <SubHeading>{m.names.kinds}</SubHeading>
      <FieldGrid>
        {(Object.keys(m.kinds) as (TicketKind | 'delivery')[]).map((kind) => (
          <TextField
            key={kind}
            path={`names.kinds.${kind}`}
            label={m.kinds[kind]}
            value={value.kinds[kind]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, kinds: { ...value.kinds, [kind]: v } })}
          />
        ))}
      </FieldGrid>
      <SubHeading>{m.names.statuses}</SubHeading>
      <FieldGrid>
        {(Object.keys(m.statuses) as StatusRole[]).map((role) => (
          <TextField
            key={role}
            path={`names.statuses.${role}`}
            label={m.statuses[role]}
            value={value.statuses[role]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, statuses: { ...value.statuses, [role]: v } })}
          />
        ))}
      </FieldGrid>
      <SubHeading>{m.names.fields}</SubHeading>
      <FieldGrid>
        {(Object.keys(m.fields) as FieldRole[]).map((role) => (
          <TextField
            key={role}
            path={`names.fields.${role}`}
            label={m.fields[role]}
            value={value.fields[role]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, fields: { ...value.fields, [role]: v } })}
          />
        ))}
        <TextField
          path="names.deliveryLinkType"
          label={m.names.linkType}
          value={value.deliveryLinkType}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, deliveryLinkType: v })}
        />
      </FieldGrid>
    </>
  );
}

/** Reminder, auto-close and estimate durations (PROCESS.md §4). */
export function TimersEditor({ value, onChange, disabled }: EditorProps<TimerSettings>) {
  const { m } = useAdminEnvironment();
  const numbers = [
    'clarificationReminderCount',
    'clarificationReminderIntervalDays',
    'clarificationAutoCloseDays',
    'resolvedAutoCloseDays',
    'estimateValidityWeeks',
  ] as const;
  return (
    <FieldGrid>
      {numbers.map((key) => (
        <NumberField
          key={key}
          path={`timers.${key}`}
          label={m.timers[key]}
          value={value[key]}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, [key]: v ?? 0 })}
        />
      ))}
      <ChoiceField
        path="timers.dayCounting"
        label={m.timers.dayCounting}
        value={value.dayCounting}
        disabled={disabled}
        options={[
          { value: 'calendar', label: m.timers.calendarDays },
          { value: 'working', label: m.timers.workingDays },
        ]}
        onChange={(v) => onChange({ ...value, dayCounting: v })}
      />
    </FieldGrid>
  );
}

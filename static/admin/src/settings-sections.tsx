import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type {
  CalendarSettings,
  EscalationLadderSettings,
  FieldRole,
  NameMappings,
  OnCallTarget,
  PriorityLevel,
  ServiceTarget,
  StatusRole,
  TicketKind,
  TimerSettings,
} from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid, NumberField, TextAreaField, TextField } from './fields';

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

/** Time zone, public holidays and working days for working-day counting and the on-call rule. */
export function CalendarEditor({ value, onChange, disabled }: EditorProps<CalendarSettings>) {
  const { m } = useAdminEnvironment();
  const groupId = useId();
  return (
    <>
      <FieldGrid>
        <TextField
          path="calendar.timeZone"
          label={m.calendar.timeZone}
          value={value.timeZone}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, timeZone: v })}
        />
        <TextField
          path="calendar.holidayCountry"
          label={m.calendar.holidayCountry}
          value={value.holidayCountry}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, holidayCountry: v.toUpperCase() })}
        />
        <TextField
          path="calendar.holidayRegion"
          label={m.calendar.holidayRegion}
          value={value.holidayRegion ?? ''}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, holidayRegion: v.trim() === '' ? null : v.toUpperCase() })}
        />
      </FieldGrid>
      <fieldset
        aria-labelledby={groupId}
        style={{ border: 0, padding: 0, margin: `${token('space.150')} 0`, minWidth: 0 }}
      >
        <legend
          id={groupId}
          style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}
        >
          {m.calendar.workingDays}
        </legend>
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: token('space.150'),
            marginTop: token('space.050'),
          }}
        >
          {m.calendar.weekdays.map((label, index) => {
            const day = index + 1;
            const checked = value.workingDays.includes(day);
            return (
              <label
                key={day}
                style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}
              >
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={disabled}
                  onChange={() =>
                    onChange({
                      ...value,
                      workingDays: checked
                        ? value.workingDays.filter((d) => d !== day)
                        : [...value.workingDays, day].sort((a, b) => a - b),
                    })
                  }
                />
                {label}
              </label>
            );
          })}
        </div>
      </fieldset>
      <TextAreaField
        path="calendar.extraHolidays"
        label={m.calendar.extraHolidays}
        hint={m.calendar.extraHolidaysHint}
        value={value.extraHolidays.join('\n')}
        disabled={disabled}
        onChange={(v) =>
          onChange({
            ...value,
            extraHolidays: v
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter((line, i, all) => line !== '' || i === all.length - 1),
          })
        }
      />
    </>
  );
}

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

/** People on each escalation level (PROCESS.md §9). */
export function EscalationEditor({ value, onChange, disabled }: EditorProps<EscalationLadderSettings>) {
  const { m } = useAdminEnvironment();
  return (
    <FieldGrid>
      {(Object.keys(m.escalation) as (keyof EscalationLadderSettings)[]).map((key) => (
        <TextField
          key={key}
          path={`escalation.${key}`}
          label={m.escalation[key]}
          value={value[key]}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, [key]: v })}
        />
      ))}
    </FieldGrid>
  );
}

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

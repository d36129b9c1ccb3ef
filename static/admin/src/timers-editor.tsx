import type { TimerSettings } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid, NumberField } from './fields';
import { RenewalEditor } from './renewal-editor';
import type { EditorProps } from './settings-sections';

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
    <>
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
        <NumberField
          path="timers.estimateNoticeBeforeDays"
          label={m.timers.estimateNoticeBeforeDays}
          hint={m.timers.estimateNoticeHint}
          value={value.estimateNoticeBeforeDays}
          nullable
          disabled={disabled}
          onChange={(v) => onChange({ ...value, estimateNoticeBeforeDays: v })}
        />
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
      <RenewalEditor
        value={value.estimateRenewal}
        disabled={disabled}
        onChange={(estimateRenewal) => onChange({ ...value, estimateRenewal })}
      />
    </>
  );
}

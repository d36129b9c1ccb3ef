import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { CalendarSettings } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { FieldGrid, TextAreaField } from './fields';
import { PickField } from './pickers';
import type { EditorProps } from './settings-sections';
import { timeZones, useSiteCatalog } from './site-catalog';

const ZONES = timeZones();

/** Time zone, public holidays and working days for working-day counting and the on-call rule. */
export function CalendarEditor({ value, onChange, disabled }: EditorProps<CalendarSettings>) {
  const { m } = useAdminEnvironment();
  const { countries, states } = useHolidayOptions(value.holidayCountry);
  return (
    <>
      <FieldGrid>
        <PickField
          options={ZONES}
          path="calendar.timeZone"
          label={m.calendar.timeZone}
          value={value.timeZone}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, timeZone: v })}
        />
        <PickField
          options={countries}
          path="calendar.holidayCountry"
          label={m.calendar.holidayCountry}
          value={value.holidayCountry}
          disabled={disabled}
          // A state belongs to its country: a new country starts with its country-wide holidays.
          onChange={(v) =>
            onChange({
              ...value,
              holidayCountry: v.toUpperCase(),
              holidayRegion: v.toUpperCase() === value.holidayCountry ? value.holidayRegion : null,
            })
          }
        />
        <PickField
          options={states}
          emptyLabel={m.picker.wholeCountry}
          path="calendar.holidayRegion"
          label={m.calendar.holidayRegion}
          value={value.holidayRegion ?? ''}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, holidayRegion: v.trim() === '' ? null : v.toUpperCase() })}
        />
      </FieldGrid>
      <WorkingDays value={value} onChange={onChange} disabled={disabled} />
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

/** Country and state options for the holiday calendar, labelled in the page's language (null while loading). */
function useHolidayOptions(country: string) {
  const { language } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  const calendars = catalog?.holidayRegions ?? null;
  const countries =
    calendars
      ?.filter((r) => !r.code.includes('-'))
      .map((r) => ({ value: r.code, label: `${r.name[language]} · ${r.code}` })) ?? null;
  // The states of the chosen country, by the part after the dash as the calendar stores it; a country
  // without states (or no list) leaves the field free.
  const prefix = `${country}-`;
  const states =
    calendars
      ?.filter((r) => r.code.startsWith(prefix))
      .map((r) => ({
        value: r.code.slice(prefix.length),
        label: `${r.name[language]} · ${r.code.slice(prefix.length)}`,
      })) ?? null;
  return { countries, states };
}

/** One checkbox per weekday (Monday = 1), kept sorted in the settings. */
function WorkingDays({ value, onChange, disabled }: EditorProps<CalendarSettings>) {
  const { m } = useAdminEnvironment();
  const groupId = useId();
  return (
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
  );
}

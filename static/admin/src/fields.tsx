import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { createContext, useContext, useId, type ReactNode } from 'react';

/**
 * Server validation errors by dot path (`timers.resolvedAutoCloseDays`); each field looks up its own path so
 * the message appears next to the field it names.
 */
export const FieldErrorsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** A field as the error summary links to it: its label and its control's id. */
export interface FieldEntry {
  label: string;
  id: string;
}

/**
 * Every rendered field by its path, filled as fields render, so the error summary can name a field by its
 * label and move focus to it.
 */
export const FieldRegistryContext = createContext<Map<string, FieldEntry>>(new Map());

/** What a field's control needs from its shell: its id and name, the ids that describe it, and its state. */
interface ControlWiring {
  id: string;
  name: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/** The props every field shares: its error path, its label and hint, and whether it can be edited. */
interface FieldProps<T> {
  path: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
  hint?: string;
}

/**
 * Label, control, hint and the server's error for `path`, wired together with ids for assistive technology.
 */
export function FieldShell({
  path,
  label,
  hint,
  children,
}: {
  path: string;
  label: string;
  hint?: string | undefined;
  children: (wiring: ControlWiring) => ReactNode;
}) {
  const id = useId();
  useContext(FieldRegistryContext).set(path, { label, id });
  const error = useContext(FieldErrorsContext).get(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div style={{ display: 'grid', gap: token('space.050'), minWidth: 0, alignContent: 'start' }}>
      <label
        htmlFor={id}
        style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}
      >
        {label}
      </label>
      {children({ id, name: path, describedBy, invalid: Boolean(error) })}
      {hint ? (
        <span id={hintId} style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span
          id={errorId}
          role="alert"
          style={{ font: token('font.body.small'), color: token('color.text.danger') }}
        >
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The wiring as Atlaskit text controls (`Textfield`, `TextArea`) spell it. */
function atlaskitControl(wiring: ControlWiring, disabled: boolean | undefined) {
  return {
    id: wiring.id,
    name: wiring.name,
    isDisabled: disabled,
    isInvalid: wiring.invalid,
    'aria-describedby': wiring.describedBy,
  };
}

/** A single-line text. */
export function TextField(props: FieldProps<string>) {
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      {(wiring) => (
        <Textfield
          {...atlaskitControl(wiring, props.disabled)}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
    </FieldShell>
  );
}

/** A whole number; an empty field is `null` when `nullable`, else it keeps the last number. */
export function NumberField(props: FieldProps<number | null> & { nullable?: boolean }) {
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      {(wiring) => (
        <Textfield
          {...atlaskitControl(wiring, props.disabled)}
          type="number"
          inputMode="numeric"
          min={0}
          value={props.value === null ? '' : String(props.value)}
          onChange={(e) => {
            const raw = e.currentTarget.value.trim();
            if (raw === '') {
              if (props.nullable) props.onChange(null);
              return;
            }
            const n = Number(raw);
            if (Number.isFinite(n)) props.onChange(Math.trunc(n));
          }}
        />
      )}
    </FieldShell>
  );
}

/** A multi-line text that grows downwards. */
export function TextAreaField(props: FieldProps<string>) {
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      {(wiring) => (
        <TextArea
          {...atlaskitControl(wiring, props.disabled)}
          minimumRows={3}
          resize="vertical"
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
    </FieldShell>
  );
}

/** A native select styled with tokens: small, keyboard-friendly, and enough for short fixed lists. */
export function ChoiceField<T extends string>(
  props: FieldProps<T> & { options: { value: T; label: string }[] },
) {
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      {({ id, name, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          value={props.value}
          disabled={props.disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.currentTarget.value as T)}
          style={selectStyle}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export const selectStyle = {
  font: token('font.body'),
  color: token('color.text'),
  background: token('color.background.input'),
  border: `1px solid ${token('color.border.input')}`,
  borderRadius: token('radius.small', '3px'),
  padding: `${token('space.075')} ${token('space.100')}`,
  minHeight: 36,
} as const;

/** A titled group of fields in a responsive grid. */
export function FieldGroup({
  title,
  children,
  action,
  id: anchor,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  /** The section's anchor, for links to it. */
  id?: string;
}) {
  const id = useId();
  return (
    <section
      id={anchor}
      // A section with an anchor takes focus from the section list (not from Tab).
      tabIndex={anchor === undefined ? undefined : -1}
      aria-labelledby={id}
      style={{ borderTop: `1px solid ${token('color.border')}`, padding: `${token('space.200')} 0` }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: token('space.100'),
        }}
      >
        <Heading size="small" as="h3" id={id}>
          {title}
        </Heading>
        {action}
      </div>
      <div style={{ marginTop: token('space.150') }}>{children}</div>
    </section>
  );
}

/** Fields side by side where there is room, stacked where there is not. */
export function FieldGrid({ children, min = '14rem' }: { children: ReactNode; min?: string }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fill, minmax(min(${min}, 100%), 1fr))`,
        gap: token('space.150'),
      }}
    >
      {children}
    </div>
  );
}

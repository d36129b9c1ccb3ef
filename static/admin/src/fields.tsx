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

function useFieldError(path: string): string | undefined {
  return useContext(FieldErrorsContext).get(path);
}

/** Label, control, hint and error message, wired together with ids for assistive technology. */
function FieldShell({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = useId();
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
      {children({ id, describedBy })}
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

export function TextField(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  hint?: string;
}) {
  const error = useFieldError(props.path);
  return (
    <FieldShell label={props.label} hint={props.hint} error={error}>
      {({ id, describedBy }) => (
        <Textfield
          id={id}
          name={props.path}
          value={props.value}
          isDisabled={props.disabled}
          isInvalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
    </FieldShell>
  );
}

/** A whole number; an empty field is `null` when `nullable`, else it keeps the last number. */
export function NumberField(props: {
  path: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  nullable?: boolean;
  disabled?: boolean;
  hint?: string;
}) {
  const error = useFieldError(props.path);
  return (
    <FieldShell label={props.label} hint={props.hint} error={error}>
      {({ id, describedBy }) => (
        <Textfield
          id={id}
          name={props.path}
          type="number"
          inputMode="numeric"
          min={0}
          value={props.value === null ? '' : String(props.value)}
          isDisabled={props.disabled}
          isInvalid={Boolean(error)}
          aria-describedby={describedBy}
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

export function TextAreaField(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  hint?: string;
}) {
  const error = useFieldError(props.path);
  return (
    <FieldShell label={props.label} hint={props.hint} error={error}>
      {({ id, describedBy }) => (
        <TextArea
          id={id}
          name={props.path}
          value={props.value}
          minimumRows={3}
          resize="vertical"
          isDisabled={props.disabled}
          isInvalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
    </FieldShell>
  );
}

/** A native select styled with tokens: small, keyboard-friendly, and enough for short fixed lists. */
export function ChoiceField<T extends string>(props: {
  path: string;
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  const error = useFieldError(props.path);
  return (
    <FieldShell label={props.label} error={error}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={props.path}
          value={props.value}
          disabled={props.disabled}
          aria-invalid={Boolean(error)}
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
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  const id = useId();
  return (
    <section
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

import { useAdminEnvironment } from './admin-context';
import { ChoiceField, TextField } from './fields';

/** A value to pick: a name shown as it is, or a code with the words a person reads. */
export type PickOption = string | { value: string; label: string };

interface PickProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  hint?: string;
  /** What the site offers; `null` or empty = not known (the field is then free text). */
  options: readonly PickOption[] | null;
  /** What the empty value means, when it is a choice of its own (e.g. "the whole country"); else "choose". */
  emptyLabel?: string;
}

const asOption = (o: PickOption) => (typeof o === 'string' ? { value: o, label: o } : o);

/**
 * One value from a list the site knows. A configured value the site lacks stays selectable and says so, so a
 * setting is never changed just by opening the page; without a list the field is free text.
 */
export function PickField(props: PickProps) {
  const { m } = useAdminEnvironment();
  const { options, emptyLabel, ...field } = props;
  if (options === null || options.length === 0) return <TextField {...field} />;
  const listed = options.map(asOption);
  const current =
    props.value === '' || emptyLabel !== undefined
      ? [{ value: '', label: emptyLabel ?? m.picker.choose }]
      : [];
  const missing =
    props.value === '' || listed.some((o) => o.value === props.value)
      ? []
      : [{ value: props.value, label: m.picker.notOnSite(props.value) }];
  return <ChoiceField {...field} options={[...current, ...missing, ...listed]} />;
}

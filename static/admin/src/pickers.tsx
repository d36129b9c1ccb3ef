import { useAdminEnvironment } from './admin-context';
import { ChoiceField, TextField } from './fields';

interface PickProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  hint?: string;
  /** What the site offers; `null` = not known (the field is then free text). */
  options: readonly string[] | null;
}

/**
 * One name from a list the site knows. A configured name the site lacks stays selectable and says so, so a
 * setting is never changed just by opening the page; without a list the field is free text.
 */
export function PickField(props: PickProps) {
  const { m } = useAdminEnvironment();
  const { options, ...field } = props;
  if (options === null || options.length === 0) return <TextField {...field} />;
  const current =
    props.value === ''
      ? [{ value: '', label: m.picker.choose }]
      : options.includes(props.value)
        ? []
        : [{ value: props.value, label: m.picker.notOnSite(props.value) }];
  return <ChoiceField {...field} options={[...current, ...options.map((o) => ({ value: o, label: o }))]} />;
}

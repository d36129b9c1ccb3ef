import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useAdminEnvironment } from './admin-context';
import { FieldShell, selectStyle, TextField } from './fields';
import { useSiteCatalog } from './site-catalog';

/** Account ids as the settings carry them: comma-separated. */
const split = (text: string) =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/**
 * People on an escalation level, by display name: the chosen ones with a button each that removes them, and a
 * list of the site's people to add one. The setting stays account ids; a person the site no longer lists is
 * shown by id. Without the site's list the field is free text (account ids, comma-separated).
 */
export function PeoplePicker({
  path,
  label,
  value,
  disabled,
  onChange,
}: {
  path: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const { m } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  if (!catalog)
    return (
      <TextField
        path={path}
        label={label}
        hint={m.ladder.peopleHint}
        value={value}
        disabled={disabled}
        onChange={onChange}
      />
    );
  const chosen = split(value);
  const nameOf = (id: string) => catalog.people.find((p) => p.accountId === id)?.displayName ?? id;
  const addable = catalog.people.filter((p) => !chosen.includes(p.accountId));
  return (
    <FieldShell path={path} label={label}>
      {({ id, name, describedBy, invalid }) => (
        <div style={{ display: 'grid', gap: token('space.050') }}>
          <ChosenPeople
            chosen={chosen}
            nameOf={nameOf}
            label={label}
            disabled={disabled}
            onRemove={(accountId) => onChange(chosen.filter((c) => c !== accountId).join(', '))}
          />
          <select
            id={id}
            name={name}
            value=""
            disabled={disabled || addable.length === 0}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => {
              const picked = e.currentTarget.value;
              if (picked !== '') onChange([...chosen, picked].join(', '));
            }}
            style={selectStyle}
          >
            <option value="">{m.picker.addPerson}</option>
            {addable.map((p) => (
              <option key={p.accountId} value={p.accountId}>
                {p.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldShell>
  );
}

/** The chosen people, each with a button that removes them; "nobody" when the list is empty. */
function ChosenPeople({
  chosen,
  nameOf,
  label,
  disabled,
  onRemove,
}: {
  chosen: string[];
  nameOf: (accountId: string) => string;
  label: string;
  disabled: boolean;
  onRemove: (accountId: string) => void;
}) {
  const { m } = useAdminEnvironment();
  return chosen.length === 0 ? (
    <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
      {m.picker.nobody}
    </span>
  ) : (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: token('space.050') }}>
      {chosen.map((accountId) => (
        <li key={accountId} style={{ display: 'flex', alignItems: 'center', gap: token('space.050') }}>
          <span style={{ flex: 1, minWidth: 0 }}>{nameOf(accountId)}</span>
          <Button
            appearance="subtle"
            spacing="compact"
            isDisabled={disabled}
            aria-label={m.picker.remove(nameOf(accountId), label)}
            onClick={() => onRemove(accountId)}
          >
            ✕
          </Button>
        </li>
      ))}
    </ul>
  );
}

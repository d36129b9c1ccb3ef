import { token } from '@atlaskit/tokens';
import { Fragment } from 'react';
import type {
  FieldRole,
  FieldValueRole,
  NameMappings,
  PriorityLevel,
  StatusRole,
  TicketKind,
} from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { FieldGrid, TextField } from './fields';
import { PickField } from './pickers';
import { useSiteCatalog } from './site-catalog';
import { SubHeading, type EditorProps } from './settings-sections';

/** The name groups keyed by a role, each with a heading in `m.names`, labels in `m.<group>`, and its role keys. */
interface NameGroupRoles {
  kinds: TicketKind | 'delivery';
  statuses: StatusRole;
  fields: FieldRole;
  fieldValues: FieldValueRole;
}
type NameGroup = keyof NameGroupRoles;
/** Texts (labels or configured names) of every name group, keyed by role. */
type NameGroupTexts = { [G in NameGroup]: Record<NameGroupRoles[G], string> };

const PRIORITY_LEVELS: readonly PriorityLevel[] = ['P1', 'P2', 'P3', 'P4'];
const FIELD_VALUE_ROLES: readonly FieldValueRole[] = ['yes', 'no', 'production', 'nonProduction'];

/** A group of name fields keyed by role, each stored under `names.<group>.<role>`. */
function NameGrid<K extends string>({
  group,
  keys,
  labels,
  values,
  options,
  disabled,
  onChange,
}: {
  group: string;
  keys: readonly K[];
  labels: Record<K, string>;
  values: Record<K, string>;
  options: readonly string[] | null;
  disabled: boolean;
  onChange: (values: Record<K, string>) => void;
}) {
  return (
    <FieldGrid>
      {keys.map((key) => (
        <PickField
          key={key}
          options={options}
          path={`names.${group}.${key}`}
          label={labels[key]}
          value={values[key]}
          disabled={disabled}
          onChange={(v) => onChange({ ...values, [key]: v })}
        />
      ))}
    </FieldGrid>
  );
}

/**
 * The site's names for kinds, statuses, fields and their options, priorities, the Delivery link type, the
 * closing resolution and the CUSTOM version (PROCESS.md: every name the app looks up in Jira is configuration).
 */
export function NamesEditor({ value, onChange, disabled }: EditorProps<NameMappings>) {
  const { m } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  /** What the site offers for each role-keyed group; option names (Yes, Production) are typed. */
  const choices: Record<NameGroup, readonly string[] | null> = {
    kinds: catalog?.issueTypes ?? null,
    statuses: catalog?.statuses ?? null,
    fields: catalog?.fields ?? null,
    fieldValues: null,
  };
  const set = <K extends keyof NameMappings>(key: K, v: NameMappings[K]) => onChange({ ...value, [key]: v });
  const labels: NameGroupTexts = m;
  const names: NameGroupTexts = value;
  /** A heading and the grid of one role-keyed group; the keys fix the order of its fields. */
  const nameSection = <G extends NameGroup>(group: G, keys: readonly NameGroupRoles[G][]) => (
    <Fragment key={group}>
      <SubHeading>{m.names[group]}</SubHeading>
      <NameGrid
        group={group}
        keys={keys}
        labels={labels[group]}
        values={names[group]}
        options={choices[group]}
        disabled={disabled}
        onChange={(v) => onChange({ ...value, [group]: v })}
      />
    </Fragment>
  );
  return (
    <>
      {nameSection('kinds', Object.keys(m.kinds) as (TicketKind | 'delivery')[])}
      {nameSection('statuses', Object.keys(m.statuses) as StatusRole[])}
      {nameSection('fields', Object.keys(m.fields) as FieldRole[])}
      {nameSection('fieldValues', FIELD_VALUE_ROLES)}

      <SubHeading>{m.names.priorities}</SubHeading>
      <p style={hintStyle}>{m.names.prioritiesHint}</p>
      <FieldGrid min="18rem">
        {PRIORITY_LEVELS.map((p) => (
          <PickField
            key={p}
            options={catalog?.priorities ?? null}
            path={`names.priorities.${p}`}
            label={m.names.priority(p)}
            hint={m.priorityMeaning[p]}
            value={value.priorities[p]}
            disabled={disabled}
            onChange={(v) => set('priorities', { ...value.priorities, [p]: v })}
          />
        ))}
      </FieldGrid>

      <DeliveryLinkTypeFields
        value={value.deliveryLinkType}
        disabled={disabled}
        onChange={(v) => set('deliveryLinkType', v)}
      />

      <SubHeading>{m.names.closing}</SubHeading>
      <FieldGrid min="18rem">
        <TextField
          path="names.customValue"
          label={m.names.customValue}
          hint={m.names.customValueHint}
          value={value.customValue}
          disabled={disabled}
          onChange={(v) => set('customValue', v)}
        />
        <PickField
          path="names.resolutionOnClose"
          options={catalog?.resolutions ?? null}
          label={m.names.resolutionOnClose}
          hint={m.names.resolutionHint}
          value={value.resolutionOnClose}
          disabled={disabled}
          onChange={(v) => set('resolutionOnClose', v)}
        />
      </FieldGrid>
    </>
  );
}

/** The Delivery link type: picked from the site's link types, with its outward and inward wording. */
function DeliveryLinkTypeFields({
  value,
  onChange,
  disabled,
}: EditorProps<NameMappings['deliveryLinkType']>) {
  const { m } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  return (
    <>
      <SubHeading>{m.names.linkType}</SubHeading>
      <p style={hintStyle}>{m.names.linkTypeHint}</p>
      <FieldGrid>
        <PickField
          path="names.deliveryLinkType.name"
          label={m.names.linkName}
          options={catalog?.linkTypes.map((l) => l.name) ?? null}
          value={value.name}
          disabled={disabled}
          onChange={(name) => {
            // Picking a link type of the site brings its own wording of both directions.
            const site = catalog?.linkTypes.find((l) => l.name === name);
            onChange(site ? { ...site } : { ...value, name });
          }}
        />
        {(['outward', 'inward'] as const).map((part) => (
          <TextField
            key={part}
            path={`names.deliveryLinkType.${part}`}
            label={part === 'outward' ? m.names.linkOutward : m.names.linkInward}
            value={value[part]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, [part]: v })}
          />
        ))}
      </FieldGrid>
    </>
  );
}

const hintStyle = {
  margin: `0 0 ${token('space.100')}`,
  font: token('font.body.small'),
  color: token('color.text.subtle'),
} as const;

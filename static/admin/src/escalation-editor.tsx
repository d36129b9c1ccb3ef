import { token } from '@atlaskit/tokens';
import type { Bilingual, EscalationLadderSettings, RegionGroup } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid, NumberField, TextField } from './fields';
import { MappingRows } from './mapping-rows';
import { PeoplePicker } from './people-picker';
import { SubHeading, type EditorProps } from './settings-sections';

type PeopleKey =
  | 'personalContact'
  | 'teamLeadInternational'
  | 'teamLeadDach'
  | 'departmentHead'
  | 'customerServicesHead'
  | 'board';

/** The people fields of each escalation level in order; level 2 has one lead for International and one for DACH. */
const LEVEL_PEOPLE: readonly (readonly PeopleKey[])[] = [
  ['personalContact'],
  ['teamLeadInternational', 'teamLeadDach'],
  ['departmentHead'],
  ['customerServicesHead'],
  ['board'],
];

/** One level: its name in German and English beside the people on it. */
function LadderLevel({
  index,
  value,
  disabled,
  onChange,
}: EditorProps<EscalationLadderSettings> & { index: number }) {
  const { m } = useAdminEnvironment();
  const label: Bilingual = value.labels[index] ?? { de: '', en: '' };
  const setLabel = (language: 'de' | 'en', text: string) =>
    onChange({
      ...value,
      labels: value.labels.map((l, i) => (i === index ? { ...l, [language]: text } : l)),
    });
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <legend style={{ font: token('font.heading.xxsmall'), marginBottom: token('space.100') }}>
        {m.ladder.level(index + 1)}
      </legend>
      <FieldGrid>
        <TextField
          path={`escalation.labels.${index}.de`}
          label={m.ladder.labelDe(index + 1)}
          value={label.de}
          disabled={disabled}
          onChange={(v) => setLabel('de', v)}
        />
        <TextField
          path={`escalation.labels.${index}.en`}
          label={m.ladder.labelEn(index + 1)}
          value={label.en}
          disabled={disabled}
          onChange={(v) => setLabel('en', v)}
        />
        {(LEVEL_PEOPLE[index] ?? []).map((key) => (
          <PeoplePicker
            key={key}
            path={`escalation.${key}`}
            label={m.escalation[key]}
            value={value[key]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, [key]: v })}
          />
        ))}
      </FieldGrid>
    </fieldset>
  );
}

/** Which regions' customers reach the DACH team lead; every region not listed is International. */
function RegionGroupsEditor({ value, disabled, onChange }: EditorProps<EscalationLadderSettings>) {
  const { m } = useAdminEnvironment();
  const groups = value.regionGroups;
  const setRow = (index: number, patch: Partial<{ region: string; group: RegionGroup }>) =>
    onChange({ ...value, regionGroups: groups.map((g, i) => (i === index ? { ...g, ...patch } : g)) });
  return (
    <>
      <SubHeading>{m.ladder.regionGroups}</SubHeading>
      <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
        {m.ladder.regionGroupsHint}
      </p>
      <MappingRows<{ region: string; group: RegionGroup }>
        items={groups}
        blank={{ region: '', group: 'dach' }}
        columns="repeat(2, minmax(0,1fr)) auto"
        emptyText={m.ladder.noRegionGroups}
        addLabel={m.ladder.addRegionGroup}
        removeLabel={m.ladder.removeRegionGroup}
        disabled={disabled}
        onChange={(regionGroups) => onChange({ ...value, regionGroups })}
      >
        {(row, index) => (
          <>
            <TextField
              path={`escalation.regionGroups.${index}.region`}
              label={m.ladder.region}
              value={row.region}
              disabled={disabled}
              onChange={(region) => setRow(index, { region })}
            />
            <ChoiceField<RegionGroup>
              path={`escalation.regionGroups.${index}.group`}
              label={m.ladder.group}
              value={row.group}
              disabled={disabled}
              options={[
                { value: 'dach', label: m.ladder.groups.dach },
                { value: 'international', label: m.ladder.groups.international },
              ]}
              onChange={(group) => setRow(index, { group })}
            />
          </>
        )}
      </MappingRows>
    </>
  );
}

/**
 * The escalation ladder (PROCESS.md §9): each level's name and people, how long a customer waits between two
 * escalations, and which regions belong to the DACH team lead.
 */
export function EscalationEditor(props: EditorProps<EscalationLadderSettings>) {
  const { m } = useAdminEnvironment();
  const { value, onChange, disabled } = props;
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      {LEVEL_PEOPLE.map((_, index) => (
        <LadderLevel key={index} index={index} {...props} />
      ))}
      <FieldGrid>
        <NumberField
          path="escalation.waitHoursBetweenLevels"
          label={m.ladder.waitHours}
          hint={m.ladder.waitHint}
          value={value.waitHoursBetweenLevels}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, waitHoursBetweenLevels: v ?? 0 })}
        />
      </FieldGrid>
      <RegionGroupsEditor {...props} />
    </div>
  );
}

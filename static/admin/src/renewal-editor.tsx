import type { EstimateRenewalSettings } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid } from './fields';
import { PeoplePicker } from './people-picker';
import { PickField } from './pickers';
import { SubHeading, type EditorProps } from './settings-sections';
import { useSiteCatalog } from './site-catalog';

/** What "Request a new estimate" does after an estimate expired (guide §3.2.3): a new Request, or a note. */
export function RenewalEditor({ value, onChange, disabled }: EditorProps<EstimateRenewalSettings>) {
  const { m } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  return (
    <>
      <SubHeading>{m.renewal.title}</SubHeading>
      <FieldGrid>
        <ChoiceField<EstimateRenewalSettings['mode']>
          path="timers.estimateRenewal.mode"
          label={m.renewal.mode}
          value={value.mode}
          disabled={disabled}
          options={[
            { value: 'newRequest', label: m.renewal.modes.newRequest },
            { value: 'accountManagerNote', label: m.renewal.modes.accountManagerNote },
          ]}
          onChange={(mode) => onChange({ ...value, mode })}
        />
        {value.mode === 'newRequest' ? (
          <PickField
            path="timers.estimateRenewal.linkType"
            label={m.renewal.linkType}
            options={catalog?.linkTypes.map((l) => l.name) ?? null}
            value={value.linkType}
            disabled={disabled}
            onChange={(linkType) => onChange({ ...value, linkType })}
          />
        ) : (
          <PeoplePicker
            path="timers.estimateRenewal.accountManagers"
            label={m.renewal.accountManagers}
            value={value.accountManagers}
            disabled={disabled}
            onChange={(accountManagers) => onChange({ ...value, accountManagers })}
          />
        )}
      </FieldGrid>
    </>
  );
}

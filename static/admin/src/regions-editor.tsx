import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { OrganizationMapping, RegionMapping, RegionSettings } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid, TextField } from './fields';
import { SubHeading, type EditorProps } from './settings-sections';

const row = {
  display: 'grid',
  gap: token('space.150'),
  alignItems: 'end',
} as const;

/**
 * Regions (security level, time zone, holidays), the JSM organizations that belong to them and their language,
 * and the fallbacks (PROCESS.md §1, §7). Errors name the row: `regions.regions.1.timeZone`.
 */
export function RegionsEditor({ value, onChange, disabled }: EditorProps<RegionSettings>) {
  const { m } = useAdminEnvironment();
  const liftId = useId();
  const regionIds = value.regions.map((r) => r.region.trim()).filter((r) => r !== '');
  const setRegion = (index: number, patch: Partial<RegionMapping>) =>
    onChange({ ...value, regions: value.regions.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const setOrganization = (index: number, patch: Partial<OrganizationMapping>) =>
    onChange({
      ...value,
      organizations: value.organizations.map((o, i) => (i === index ? { ...o, ...patch } : o)),
    });
  const regionOptions = (current: string) =>
    [...new Set([...regionIds, current])].filter((r) => r !== '').map((r) => ({ value: r, label: r }));

  return (
    <div style={{ display: 'grid', gap: token('space.150') }}>
      <SubHeading>{m.regions.regions}</SubHeading>
      {value.regions.length === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>{m.regions.empty}</p>
      ) : null}
      {value.regions.map((region, index) => (
        <div key={index} style={{ ...row, gridTemplateColumns: 'repeat(5, minmax(0,1fr)) auto' }}>
          <TextField
            path={`regions.regions.${index}.region`}
            label={m.regions.region}
            value={region.region}
            disabled={disabled}
            onChange={(v) => setRegion(index, { region: v })}
          />
          <TextField
            path={`regions.regions.${index}.name`}
            label={m.regions.name}
            value={region.name}
            disabled={disabled}
            onChange={(v) => setRegion(index, { name: v })}
          />
          <TextField
            path={`regions.regions.${index}.securityLevel`}
            label={m.regions.securityLevel}
            value={region.securityLevel}
            disabled={disabled}
            onChange={(v) => setRegion(index, { securityLevel: v })}
          />
          <TextField
            path={`regions.regions.${index}.timeZone`}
            label={m.regions.timeZone}
            value={region.timeZone}
            disabled={disabled}
            onChange={(v) => setRegion(index, { timeZone: v })}
          />
          <TextField
            path={`regions.regions.${index}.holidayRegion`}
            label={m.regions.holidayRegion}
            value={region.holidayRegion}
            disabled={disabled}
            onChange={(v) => setRegion(index, { holidayRegion: v.toUpperCase() })}
          />
          <Button
            appearance="subtle"
            isDisabled={disabled}
            aria-label={m.regions.remove(index + 1)}
            onClick={() => onChange({ ...value, regions: value.regions.filter((_, i) => i !== index) })}
          >
            ✕
          </Button>
        </div>
      ))}
      <div>
        <Button
          isDisabled={disabled}
          onClick={() =>
            onChange({
              ...value,
              regions: [
                ...value.regions,
                { region: '', name: '', securityLevel: '', timeZone: 'Europe/Berlin', holidayRegion: '' },
              ],
            })
          }
        >
          {m.regions.add}
        </Button>
      </div>

      <SubHeading>{m.regions.organizations}</SubHeading>
      <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
        {m.regions.organizationsHint}
      </p>
      {value.organizations.length === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>{m.regions.noOrganizations}</p>
      ) : null}
      {value.organizations.map((organization, index) => (
        <div
          key={index}
          style={{ ...row, gridTemplateColumns: 'minmax(0,2fr) repeat(2, minmax(0,1fr)) auto' }}
        >
          <TextField
            path={`regions.organizations.${index}.organization`}
            label={m.regions.organization}
            value={organization.organization}
            disabled={disabled}
            onChange={(v) => setOrganization(index, { organization: v })}
          />
          <ChoiceField
            path={`regions.organizations.${index}.region`}
            label={m.regions.orgRegion}
            value={organization.region}
            disabled={disabled}
            options={[{ value: '', label: m.regions.noRegion }, ...regionOptions(organization.region)]}
            onChange={(v) => setOrganization(index, { region: v })}
          />
          <ChoiceField
            path={`regions.organizations.${index}.language`}
            label={m.regions.language}
            value={organization.language}
            disabled={disabled}
            options={[
              { value: '', label: m.regions.defaultLanguageOption },
              { value: 'de', label: m.regions.languages.de },
              { value: 'en', label: m.regions.languages.en },
            ]}
            onChange={(v) => setOrganization(index, { language: v })}
          />
          <Button
            appearance="subtle"
            isDisabled={disabled}
            aria-label={m.regions.removeOrganization(index + 1)}
            onClick={() =>
              onChange({ ...value, organizations: value.organizations.filter((_, i) => i !== index) })
            }
          >
            ✕
          </Button>
        </div>
      ))}
      <div>
        <Button
          isDisabled={disabled}
          onClick={() =>
            onChange({
              ...value,
              organizations: [...value.organizations, { organization: '', region: '', language: '' }],
            })
          }
        >
          {m.regions.addOrganization}
        </Button>
      </div>

      <FieldGrid>
        <ChoiceField
          path="regions.defaultRegion"
          label={m.regions.defaultRegion}
          value={value.defaultRegion}
          disabled={disabled}
          options={regionOptions(value.defaultRegion)}
          onChange={(v) => onChange({ ...value, defaultRegion: v })}
        />
        <TextField
          path="regions.fallbackSecurityLevel"
          label={m.regions.fallbackSecurityLevel}
          hint={m.regions.fallbackHint}
          value={value.fallbackSecurityLevel}
          disabled={disabled}
          onChange={(v) => onChange({ ...value, fallbackSecurityLevel: v })}
        />
        <ChoiceField
          path="regions.defaultLanguage"
          label={m.regions.defaultLanguage}
          value={value.defaultLanguage}
          disabled={disabled}
          options={[
            { value: 'de', label: m.regions.languages.de },
            { value: 'en', label: m.regions.languages.en },
          ]}
          onChange={(v) => onChange({ ...value, defaultLanguage: v })}
        />
      </FieldGrid>
      <label
        htmlFor={liftId}
        style={{ display: 'inline-flex', gap: token('space.100'), alignItems: 'center' }}
      >
        <input
          id={liftId}
          type="checkbox"
          checked={value.liftRestrictionOnNo}
          disabled={disabled}
          onChange={() => onChange({ ...value, liftRestrictionOnNo: !value.liftRestrictionOnNo })}
        />
        {m.regions.liftRestrictionOnNo}
      </label>
    </div>
  );
}

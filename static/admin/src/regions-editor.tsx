import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { OrganizationMapping, RegionMapping, RegionSettings } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { ChoiceField, FieldGrid } from './fields';
import { MappingRows } from './mapping-rows';
import { PickField, type PickOption } from './pickers';
import { SubHeading, type EditorProps } from './settings-sections';
import { timeZones, useSiteCatalog } from './site-catalog';

/** The text fields of one region row, in column order; each label is `m.regions.<field>`. */
const REGION_FIELDS = ['region', 'name', 'securityLevel', 'timeZone', 'holidayRegion'] as const;

/** The zones a region may pick: the browser's IANA zones. */
const ZONES = timeZones();

/**
 * Regions (security level, time zone, holidays), the JSM organizations that belong to them and their language,
 * and the fallbacks (PROCESS.md §1, §7). Errors name the row: `regions.regions.1.timeZone`.
 */
export function RegionsEditor(props: EditorProps<RegionSettings>) {
  const { m } = useAdminEnvironment();
  return (
    <div style={{ display: 'grid', gap: token('space.150') }}>
      <SubHeading>{m.regions.regions}</SubHeading>
      <RegionRows {...props} />
      <OrganizationRows {...props} />
      <RegionFallbacks {...props} />
    </div>
  );
}

/** The region ids defined so far plus `current` (kept even when it names no region), as choices. */
function regionOptions(value: RegionSettings, current: string): { value: string; label: string }[] {
  const regionIds = value.regions.map((r) => r.region.trim()).filter((r) => r !== '');
  return [...new Set([...regionIds, current])].filter((r) => r !== '').map((r) => ({ value: r, label: r }));
}

/** The languages an organization's customers (or the default) may have, labelled in the page's language. */
function useLanguageOptions() {
  const { m } = useAdminEnvironment();
  return [
    { value: 'de' as const, label: m.regions.languages.de },
    { value: 'en' as const, label: m.regions.languages.en },
  ];
}

/** One row per region: id and name are the admin's words; security level, time zone and holidays are picked. */
function RegionRows({ value, onChange, disabled }: EditorProps<RegionSettings>) {
  const { m, language } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  // Security levels from the managed projects' schemes, holiday calendars from the app's own table; the
  // region id and display name are the admin's own words.
  const pickable: Record<(typeof REGION_FIELDS)[number], PickOption[] | null> = {
    region: null,
    name: null,
    securityLevel: catalog?.securityLevels ?? null,
    timeZone: ZONES,
    holidayRegion:
      catalog?.holidayRegions.map((r) => ({ value: r.code, label: `${r.name[language]} · ${r.code}` })) ??
      null,
  };
  const setRegion = (index: number, patch: Partial<RegionMapping>) =>
    onChange({ ...value, regions: value.regions.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <MappingRows<RegionMapping>
      items={value.regions}
      blank={{ region: '', name: '', securityLevel: '', timeZone: 'Europe/Berlin', holidayRegion: '' }}
      columns="repeat(5, minmax(0,1fr)) auto"
      emptyText={m.regions.empty}
      addLabel={m.regions.add}
      removeLabel={m.regions.remove}
      disabled={disabled}
      onChange={(regions) => onChange({ ...value, regions })}
    >
      {(region, index) =>
        REGION_FIELDS.map((field) => (
          <PickField
            key={field}
            options={pickable[field]}
            path={`regions.regions.${index}.${field}`}
            label={m.regions[field]}
            value={region[field]}
            disabled={disabled}
            onChange={(v) => setRegion(index, { [field]: field === 'holidayRegion' ? v.toUpperCase() : v })}
          />
        ))
      }
    </MappingRows>
  );
}

/** The JSM organizations: each picked from the site, with its region and its customers' language. */
function OrganizationRows({ value, onChange, disabled }: EditorProps<RegionSettings>) {
  const { m } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  const languageOptions = useLanguageOptions();
  const setOrganization = (index: number, patch: Partial<OrganizationMapping>) =>
    onChange({
      ...value,
      organizations: value.organizations.map((o, i) => (i === index ? { ...o, ...patch } : o)),
    });
  return (
    <>
      <SubHeading>{m.regions.organizations}</SubHeading>
      <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
        {m.regions.organizationsHint}
      </p>
      <MappingRows<OrganizationMapping>
        items={value.organizations}
        blank={{ organization: '', region: '', language: '' }}
        columns="minmax(0,2fr) repeat(2, minmax(0,1fr)) auto"
        emptyText={m.regions.noOrganizations}
        addLabel={m.regions.addOrganization}
        removeLabel={m.regions.removeOrganization}
        disabled={disabled}
        onChange={(organizations) => onChange({ ...value, organizations })}
      >
        {(organization, index) => (
          <>
            <PickField
              options={catalog?.organizations ?? null}
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
              options={[
                { value: '', label: m.regions.noRegion },
                ...regionOptions(value, organization.region),
              ]}
              onChange={(v) => setOrganization(index, { region: v })}
            />
            <ChoiceField
              path={`regions.organizations.${index}.language`}
              label={m.regions.language}
              value={organization.language}
              disabled={disabled}
              options={[{ value: '', label: m.regions.defaultLanguageOption }, ...languageOptions]}
              onChange={(v) => setOrganization(index, { language: v })}
            />
          </>
        )}
      </MappingRows>
    </>
  );
}

/** What applies when nothing matches: default region, fallback security level, default language, and lifting. */
function RegionFallbacks({ value, onChange, disabled }: EditorProps<RegionSettings>) {
  const { m } = useAdminEnvironment();
  const catalog = useSiteCatalog();
  const languageOptions = useLanguageOptions();
  const liftId = useId();
  return (
    <>
      <FieldGrid>
        <ChoiceField
          path="regions.defaultRegion"
          label={m.regions.defaultRegion}
          value={value.defaultRegion}
          disabled={disabled}
          options={regionOptions(value, value.defaultRegion)}
          onChange={(v) => onChange({ ...value, defaultRegion: v })}
        />
        <PickField
          options={catalog?.securityLevels ?? null}
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
          options={languageOptions}
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
    </>
  );
}

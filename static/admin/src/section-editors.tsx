import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { MessageCatalogEntry, SettingsSection } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { DryRunEditor, PointsEditor } from './automation-editors';
import { CalendarEditor } from './calendar-editor';
import { EscalationEditor } from './escalation-editor';
import { FieldGroup } from './fields';
import { NamesEditor } from './names-editor';
import { RegionsEditor } from './regions-editor';
import { OverrideSwitch } from './scope-picker';
import { OnCallEditor, TargetsEditor } from './service-editors';
import type { EditorProps } from './settings-sections';
import { TextsEditor } from './texts-editor';
import { TimersEditor } from './timers-editor';
import type { SettingsDraft } from './use-settings-draft';

/** The editor of every section, given the section's value, setter and read-only flag. */
type Editors = { [S in SettingsSection]: (props: EditorProps<SettingsDraft['site'][S]>) => ReactNode };

function editors(catalog: MessageCatalogEntry[]): Editors {
  return {
    timers: (p) => <TimersEditor {...p} />,
    texts: (p) => <TextsEditor {...p} catalog={catalog} />,
    names: (p) => <NamesEditor {...p} />,
    calendar: (p) => <CalendarEditor {...p} />,
    regions: (p) => <RegionsEditor {...p} />,
    serviceTargets: (p) => <TargetsEditor {...p} />,
    onCall: (p) => <OnCallEditor {...p} />,
    escalation: (p) => <EscalationEditor {...p} />,
    dryRun: (p) => <DryRunEditor {...p} />,
    pointsBudgetPerHour: (p) => <PointsEditor {...p} />,
  };
}

/** The sections in page order: what changes most often first, the names the site uses further down. */
export const SECTION_ORDER: readonly SettingsSection[] = [
  'timers',
  'texts',
  'names',
  'calendar',
  'regions',
  'serviceTargets',
  'onCall',
  'escalation',
  'dryRun',
  'pointsBudgetPerHour',
];

/** The anchor of a section on the settings tab, for the section list. */
export const sectionAnchor = (section: SettingsSection | 'automation' | 'projects') => `settings-${section}`;

/** Every section of the open scope, each with its override switch when a project is open. */
export function SectionEditors({ draft, catalog }: { draft: SettingsDraft; catalog: MessageCatalogEntry[] }) {
  const table = editors(catalog);
  const editor = <S extends SettingsSection>(section: S, disabled: boolean) =>
    table[section]({
      value: draft.effective(section),
      onChange: (value) => draft.setSection(section, value),
      disabled,
    });
  return SECTION_ORDER.map((section) => (
    <SectionFrame key={section} section={section} draft={draft}>
      {(disabled) => editor(section, disabled)}
    </SectionFrame>
  ));
}

/** A section: read-only with a note while the open project follows the site's value. */
function SectionFrame({
  section,
  draft,
  children,
}: {
  section: SettingsSection;
  draft: SettingsDraft;
  children: (disabled: boolean) => ReactNode;
}) {
  const { m } = useAdminEnvironment();
  const { override } = draft;
  const overridden = override ? section in override : true;
  return (
    <FieldGroup
      id={sectionAnchor(section)}
      title={m.sections[section]}
      action={
        override ? (
          <OverrideSwitch checked={overridden} onChange={() => draft.toggleOverride(section)} />
        ) : undefined
      }
    >
      {overridden ? null : (
        <p style={{ margin: `0 0 ${token('space.100')}`, color: token('color.text.subtle') }}>
          {m.override.followsSite}
        </p>
      )}
      {children(!overridden)}
    </FieldGroup>
  );
}

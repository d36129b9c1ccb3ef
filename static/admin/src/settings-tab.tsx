import Button from '@atlaskit/button/new';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type {
  ProcessSettings,
  ProjectOverride,
  SaveConflictView,
  SaveSettingsResult,
  SettingsError,
  SettingsSection,
  SettingsView,
} from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/src/resolver-failure';
import { useAdminEnvironment } from './admin-context';
import { FieldErrorsContext, FieldGroup, FieldRegistryContext, type FieldEntry } from './fields';
import { focusField, SaveMessages, type SaveStatus } from './save-messages';
import { problemText } from './validation-text';
import { OverrideSwitch, ScopePicker } from './scope-picker';
import { DryRunEditor, PausedWarning, PauseEditor, PointsEditor } from './automation-editors';
import { CalendarEditor } from './calendar-editor';
import { NamesEditor } from './names-editor';
import { TimersEditor } from './timers-editor';
import { EscalationEditor } from './escalation-editor';
import { OnCallEditor, TargetsEditor } from './service-editors';
import { ProjectsEditor } from './projects-editor';
import { RegionsEditor } from './regions-editor';
import { TextsEditor } from './texts-editor';

type Errors = SettingsError[];

/**
 * Site defaults or one project's overrides. A project overrides whole sections: with the switch off, a section
 * shows the site's values read-only and is not saved for the project.
 */
export function SettingsTab({ initial, onSaved }: { initial: SettingsView; onSaved: () => void }) {
  const { m, invoke } = useAdminEnvironment();
  const [scope, setScope] = useState<string>('site');
  const [site, setSite] = useState<ProcessSettings>(initial.site);
  const [overrides, setOverrides] = useState<Record<string, ProjectOverride>>(initial.overrides);
  const initialManaged = initial.projects.filter((p) => p.managed).map((p) => p.key);
  const [managed, setManaged] = useState<string[]>(initialManaged);
  const [automationEnabled, setAutomationEnabled] = useState(initial.automationEnabled);
  const [version, setVersion] = useState(initial.version);
  const [errors, setErrors] = useState<Errors>([]);
  const [conflict, setConflict] = useState<SaveConflictView | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState<ResolverFailure | null>(null);

  const override = scope === 'site' ? null : (overrides[scope] ?? {});
  const errorMap = useMemo(() => new Map(errors.map((e) => [e.path, problemText(m, e)])), [errors, m]);
  const fields = useRef(new Map<string, FieldEntry>()).current;
  // After a refused save, focus goes to the first field named, in page order; the summary lists them all.
  useEffect(() => {
    if (status !== 'failed') return;
    const first = [...fields.entries()].find(([path]) => errorMap.has(path));
    if (first) focusField(first[1].id);
  }, [status, errorMap, fields]);

  const effective = <S extends SettingsSection>(section: S): ProcessSettings[S] =>
    override ? (override[section] ?? site[section]) : site[section];
  const setSection = <S extends SettingsSection>(section: S, value: ProcessSettings[S]) => {
    setStatus('idle');
    if (override) setOverrides({ ...overrides, [scope]: { ...override, [section]: value } });
    else setSite({ ...site, [section]: value });
  };
  const toggleOverride = (section: SettingsSection) => {
    if (!override) return;
    const next = { ...override };
    if (section in next) delete next[section];
    else (next as Record<string, unknown>)[section] = structuredClone(site[section]);
    setOverrides({ ...overrides, [scope]: next });
  };

  const save = async () => {
    setStatus('saving');
    setFailure(null);
    try {
      const result: SaveSettingsResult = override
        ? await invoke('saveSettings', {
            scope: 'project',
            projectKey: scope,
            override,
            expectedVersion: version,
          })
        : await invoke('saveSettings', {
            scope: 'site',
            settings: site,
            managedProjects: managed,
            automationEnabled,
            expectedVersion: version,
          });
      if (result.ok) {
        setVersion(result.version);
        setErrors([]);
        setStatus('saved');
        onSaved();
      } else {
        setErrors(result.errors);
        setConflict(result.conflict);
        setStatus('failed');
      }
    } catch (thrown) {
      setFailure(ResolverFailure.from(thrown));
      setStatus('idle');
    }
  };

  const section = (key: SettingsSection, editor: (disabled: boolean) => ReactNode) => {
    const overridden = override ? key in override : true;
    return (
      <FieldGroup
        key={key}
        title={m.sections[key]}
        action={
          override ? <OverrideSwitch checked={overridden} onChange={() => toggleOverride(key)} /> : undefined
        }
      >
        {overridden ? null : (
          <p style={{ margin: `0 0 ${token('space.100')}`, color: token('color.text.subtle') }}>
            {m.override.followsSite}
          </p>
        )}
        {editor(!overridden)}
      </FieldGroup>
    );
  };

  return (
    <FieldRegistryContext.Provider value={fields}>
      <FieldErrorsContext.Provider value={errorMap}>
        <ScopePicker
          scope={scope}
          projects={initial.projects}
          overridden={Object.keys(overrides)}
          onChange={(next) => (setScope(next), setErrors([]))}
        />

        <SaveMessages status={status} errors={errors} failure={failure} conflict={conflict} />

        {automationEnabled ? null : <PausedWarning siteScope={override === null} />}

        {override === null ? (
          <FieldGroup title={m.automation.title}>
            <PauseEditor
              enabled={automationEnabled}
              onChange={(v) => (setStatus('idle'), setAutomationEnabled(v))}
            />
          </FieldGroup>
        ) : null}

        {override === null ? (
          <FieldGroup title={m.projects.title}>
            <ProjectsEditor
              projects={initial.projects}
              managed={managed}
              onChange={(next) => (setStatus('idle'), setManaged(next))}
            />
          </FieldGroup>
        ) : managed.includes(scope) ? null : (
          <div role="note" style={{ marginBottom: token('space.200') }}>
            <SectionMessage
              appearance="warning"
              title={m.projects.notManagedTitle(scope)}
              actions={
                <SectionMessageAction
                  onClick={() => {
                    setManaged([...managed, scope].sort());
                    setScope('site');
                    setErrors([]);
                  }}
                >
                  {m.projects.enable(scope)}
                </SectionMessageAction>
              }
            >
              {m.projects.notManaged(scope)}
            </SectionMessage>
          </div>
        )}

        {section('names', (d) => (
          <NamesEditor value={effective('names')} onChange={(v) => setSection('names', v)} disabled={d} />
        ))}
        {section('timers', (d) => (
          <TimersEditor value={effective('timers')} onChange={(v) => setSection('timers', v)} disabled={d} />
        ))}
        {section('texts', (d) => (
          <TextsEditor
            value={effective('texts')}
            onChange={(v) => setSection('texts', v)}
            disabled={d}
            catalog={initial.messages}
          />
        ))}
        {section('calendar', (d) => (
          <CalendarEditor
            value={effective('calendar')}
            onChange={(v) => setSection('calendar', v)}
            disabled={d}
          />
        ))}
        {section('regions', (d) => (
          <RegionsEditor
            value={effective('regions')}
            onChange={(v) => setSection('regions', v)}
            disabled={d}
          />
        ))}
        {section('serviceTargets', (d) => (
          <TargetsEditor
            value={effective('serviceTargets')}
            onChange={(v) => setSection('serviceTargets', v)}
            disabled={d}
          />
        ))}
        {section('onCall', (d) => (
          <OnCallEditor value={effective('onCall')} onChange={(v) => setSection('onCall', v)} disabled={d} />
        ))}
        {section('escalation', (d) => (
          <EscalationEditor
            value={effective('escalation')}
            onChange={(v) => setSection('escalation', v)}
            disabled={d}
          />
        ))}
        {section('dryRun', (d) => (
          <DryRunEditor value={effective('dryRun')} onChange={(v) => setSection('dryRun', v)} disabled={d} />
        ))}
        {section('pointsBudgetPerHour', (d) => (
          <PointsEditor
            value={effective('pointsBudgetPerHour')}
            onChange={(v) => setSection('pointsBudgetPerHour', v)}
            disabled={d}
          />
        ))}

        <div
          data-testid="save-bar"
          style={{
            position: 'sticky',
            bottom: 0,
            display: 'flex',
            gap: token('space.100'),
            padding: `${token('space.150')} 0`,
            background: token('elevation.surface'),
            borderTop: `1px solid ${token('color.border')}`,
          }}
        >
          <Button appearance="primary" isLoading={status === 'saving'} onClick={() => void save()}>
            {status === 'saving' ? m.saving : m.save}
          </Button>
          <Button
            appearance="subtle"
            onClick={() => {
              setSite(initial.site);
              setOverrides(initial.overrides);
              setManaged(initialManaged);
              setAutomationEnabled(initial.automationEnabled);
              setErrors([]);
              setStatus('idle');
            }}
          >
            {m.reset}
          </Button>
        </div>
      </FieldErrorsContext.Provider>
    </FieldRegistryContext.Provider>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import type { SettingsView } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { PausedWarning } from './automation-editors';
import { FieldErrorsContext, FieldRegistryContext, type FieldEntry } from './fields';
import { focusField, SaveMessages } from './save-messages';
import { SaveBar } from './save-bar';
import { ScopeGroups } from './scope-groups';
import { ScopePicker } from './scope-picker';
import { SectionEditors } from './section-editors';
import { SectionNav } from './section-nav';
import { ImpactButton, ImpactSummary, useImpactPreview } from './impact-preview';
import { savePayload, useSaveSettings } from './use-save-settings';
import { useSettingsDraft } from './use-settings-draft';
import { problemText } from './validation-text';

/**
 * Site defaults or one project's overrides. A project overrides whole sections: with the switch off, a section
 * shows the site's values read-only and is not saved for the project.
 */
export function SettingsTab({ initial, onSaved }: { initial: SettingsView; onSaved: () => void }) {
  const environment = useAdminEnvironment();
  const saving = useSaveSettings(initial.version, onSaved);
  const impact = useImpactPreview();
  // An edit makes the last save's outcome and the last impact check stale.
  const draft = useSettingsDraft(initial, () => (saving.edited(), impact.forget()));
  const { errors, status } = saving;
  const errorMap = useMemo(
    () => new Map(errors.map((e) => [e.path, problemText(environment, e)])),
    [errors, environment],
  );
  const fields = useRef(new Map<string, FieldEntry>()).current;
  // After a refused save, focus goes to the first field named, in page order; the summary lists them all.
  useEffect(() => {
    if (status !== 'failed') return;
    const first = [...fields.entries()].find(([path]) => errorMap.has(path));
    if (first) focusField(first[1].id);
  }, [status, errorMap, fields]);

  return (
    <FieldRegistryContext.Provider value={fields}>
      <FieldErrorsContext.Provider value={errorMap}>
        <ScopePicker
          scope={draft.scope}
          projects={initial.projects}
          overridden={Object.keys(draft.overrides)}
          onChange={(next) => (draft.setScope(next), saving.clear())}
        />
        <SectionNav siteScope={draft.override === null} />
        <SaveMessages status={status} errors={errors} failure={saving.failure} conflict={saving.conflict} />
        {draft.automationEnabled ? null : <PausedWarning siteScope={draft.override === null} />}
        <ScopeGroups draft={draft} projects={initial.projects} onEnable={saving.clear} />
        <SectionEditors draft={draft} catalog={initial.messages} />
        <ImpactSummary state={impact.state} onRetry={(payload) => void impact.check(payload)} />
        <SaveBar
          saving={status === 'saving'}
          onSave={() => (impact.forget(), void saving.save(draft))}
          onReset={() => (draft.reset(), saving.clear(), saving.edited(), impact.forget())}
        >
          <ImpactButton
            checking={impact.state.status === 'checking'}
            onCheck={() => void impact.check(savePayload(draft, saving.version))}
          />
        </SaveBar>
      </FieldErrorsContext.Provider>
    </FieldRegistryContext.Provider>
  );
}

import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { SettingsView } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { PauseEditor } from './automation-editors';
import { FieldGroup } from './fields';
import { ProjectsEditor } from './projects-editor';
import { sectionAnchor } from './section-editors';
import type { SettingsDraft } from './use-settings-draft';

/**
 * What only the site scope edits: the master switch and the managed projects. A project the app does not
 * manage instead says so, with the action that enables it (back on the site scope, unsaved).
 */
export function ScopeGroups({
  draft,
  projects,
  onEnable,
}: {
  draft: SettingsDraft;
  projects: SettingsView['projects'];
  onEnable: () => void;
}) {
  const { m } = useAdminEnvironment();
  if (draft.override === null)
    return (
      <>
        <FieldGroup id={sectionAnchor('automation')} title={m.automation.title}>
          <PauseEditor enabled={draft.automationEnabled} onChange={draft.setAutomationEnabled} />
        </FieldGroup>
        <FieldGroup id={sectionAnchor('projects')} title={m.projects.title}>
          <ProjectsEditor projects={projects} managed={draft.managed} onChange={draft.setManaged} />
        </FieldGroup>
      </>
    );
  if (draft.managed.includes(draft.scope)) return null;
  const key = draft.scope;
  return (
    <div role="note" style={{ marginBottom: token('space.200') }}>
      <SectionMessage
        appearance="warning"
        title={m.projects.notManagedTitle(key)}
        actions={
          <SectionMessageAction
            onClick={() => {
              draft.setManaged([...draft.managed, key].sort());
              draft.setScope('site');
              onEnable();
            }}
          >
            {m.projects.enable(key)}
          </SectionMessageAction>
        }
      >
        {m.projects.notManaged(key)}
      </SectionMessage>
    </div>
  );
}

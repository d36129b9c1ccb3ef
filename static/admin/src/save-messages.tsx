import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useContext } from 'react';
import type { SaveConflictView, SettingsError } from '../../../src/contract/settings';
import type { ResolverFailure } from '../../shared/src/resolver-failure';
import { useAdminEnvironment } from './admin-context';
import { FieldRegistryContext } from './fields';
import { fieldName, problemText } from './validation-text';

/** The state of the settings tab's last save. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * What the last save said: the field problems the server found (`failed`), a refused or broken call
 * (`failure`; FORBIDDEN when the user is no longer a Jira admin), or success.
 */
export function SaveMessages({
  status,
  errors,
  failure,
  conflict,
}: {
  status: SaveStatus;
  errors: readonly SettingsError[];
  failure: ResolverFailure | null;
  conflict?: SaveConflictView | undefined;
}) {
  const { m, fmt, language } = useAdminEnvironment();
  const fields = useContext(FieldRegistryContext);
  if (status === 'failed' && conflict) {
    // The account id is shown as a mention when the saving admin may not see the other's name.
    const who =
      conflict.savedByName ?? (conflict.savedBy ? `@${conflict.savedBy}` : m.changedMeanwhile.someone);
    const when = conflict.savedAt ? fmt.dateTime(conflict.savedAt) : '—';
    return (
      <div role="alert" style={{ marginBottom: token('space.200') }}>
        <SectionMessage appearance="warning" title={m.changedMeanwhile.title}>
          {m.changedMeanwhile.body(who, when)}
        </SectionMessage>
      </div>
    );
  }
  return (
    <>
      {status === 'failed' ? (
        <div role="alert" style={{ marginBottom: token('space.200') }}>
          <SectionMessage appearance="error" title={m.saveFailed}>
            {errors.length > 0 ? (
              <>
                <p style={{ margin: 0 }}>{m.validation.summary(errors.length)}</p>
                <ul style={{ margin: 0 }}>
                  {errors.map((e) => {
                    const field = fields.get(e.path);
                    const name = fieldName(m, e.path, field);
                    return (
                      <li key={`${e.path}-${e.message}`}>
                        {field && name ? (
                          <a
                            href={`#${field.id}`}
                            onClick={(event) => {
                              event.preventDefault();
                              focusField(field.id);
                            }}
                          >
                            {name}
                          </a>
                        ) : null}
                        {name ? ': ' : ''}
                        {problemText({ m, fmt, language }, e)}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </SectionMessage>
        </div>
      ) : null}
      {failure ? (
        <div role="alert" style={{ marginBottom: token('space.200') }}>
          <SectionMessage
            appearance="error"
            title={failure.code === 'FORBIDDEN' ? m.forbiddenTitle : m.error.title}
          >
            {failure.code === 'FORBIDDEN' ? m.forbidden : m.error.generic}
          </SectionMessage>
        </div>
      ) : null}
      {status === 'saved' ? (
        <div role="status" style={{ marginBottom: token('space.200') }}>
          <SectionMessage appearance="success">{m.saved}</SectionMessage>
        </div>
      ) : null}
    </>
  );
}

/**
 * Moves focus to a field and scrolls it to the middle of the view, so the sticky save bar never covers it
 * (WCAG 2.2, 2.4.11).
 */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'center' });
}

import { token } from '@atlaskit/tokens';
import { useContext, useId } from 'react';
import type { SiteProject } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { FieldErrorsContext } from './fields';

/**
 * Which of the site's projects the app manages (the domain's `projects`). Saved with the site defaults; the
 * error path `projects` shows here.
 */
export function ProjectsEditor({
  projects,
  managed,
  onChange,
}: {
  projects: SiteProject[];
  managed: string[];
  onChange: (managed: string[]) => void;
}) {
  const { m } = useAdminEnvironment();
  const error = useContext(FieldErrorsContext).get('projects');
  const hintId = useId();
  const errorId = useId();
  return (
    <fieldset
      aria-label={m.projects.title}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
    >
      <p id={hintId} style={{ margin: `0 0 ${token('space.100')}`, color: token('color.text.subtle') }}>
        {m.projects.hint}
      </p>
      {projects.length === 0 ? <p style={{ margin: 0 }}>{m.projects.none}</p> : null}
      <div style={{ display: 'grid', gap: token('space.075') }}>
        {projects.map((p) => {
          const checked = managed.includes(p.key);
          return (
            <label
              key={p.key}
              style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100') }}
            >
              <input
                type="checkbox"
                name={`projects.${p.key}`}
                checked={checked}
                onChange={() =>
                  onChange(checked ? managed.filter((k) => k !== p.key) : [...managed, p.key].sort())
                }
              />
              {m.scope.project(p.name, p.key)}
              {p.serviceDesk ? null : (
                <span style={{ color: token('color.text.subtle') }}> · {m.projects.notServiceDesk}</span>
              )}
            </label>
          );
        })}
      </div>
      {error ? (
        <span
          id={errorId}
          role="alert"
          style={{ display: 'block', marginTop: token('space.100'), color: token('color.text.danger') }}
        >
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

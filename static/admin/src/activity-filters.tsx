import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useId, useState, type ReactNode } from 'react';
import type { AuditAction, SiteProject } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { selectStyle } from './fields';
import type { ActivityFilters } from './use-activity';

type Draft = { projectKey: string; issueKey: string; action: string; from: string; to: string };

/** The typed filters as the resolver takes them; dates are whole days in the user's zone. */
function applied(draft: Draft): ActivityFilters {
  return {
    ...(draft.projectKey ? { projectKey: draft.projectKey } : {}),
    ...(draft.issueKey.trim() ? { issueKey: draft.issueKey.trim().toUpperCase() } : {}),
    ...(draft.action ? { action: draft.action as AuditAction } : {}),
    ...(draft.from ? { from: new Date(`${draft.from}T00:00:00`).toISOString() } : {}),
    ...(draft.to ? { to: new Date(`${draft.to}T23:59:59.999`).toISOString() } : {}),
  };
}

/** The activity tab's filters: project, ticket, action and a date range, applied together. */
export function ActivityFilterForm({
  projects,
  onApply,
}: {
  projects: SiteProject[];
  onApply: (filters: ActivityFilters) => void;
}) {
  const { m } = useAdminEnvironment();
  const [draft, setDraft] = useState<Draft>({ projectKey: '', issueKey: '', action: '', from: '', to: '' });
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const actions = Object.keys(m.activity.actions) as AuditAction[];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onApply(applied(draft));
      }}
      style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150'), alignItems: 'end' }}
    >
      <Choice label={m.activity.project} value={draft.projectKey} onChange={set('projectKey')}>
        {projects.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name} ({p.key})
          </option>
        ))}
      </Choice>
      <Labelled label={m.activity.ticket}>
        {(id) => (
          <Textfield
            id={id}
            value={draft.issueKey}
            placeholder="SD-12"
            width="small"
            onChange={(e) => set('issueKey')(e.currentTarget.value)}
          />
        )}
      </Labelled>
      <Choice label={m.activity.action} value={draft.action} onChange={set('action')}>
        {actions.map((a) => (
          <option key={a} value={a}>
            {m.activity.actions[a]}
          </option>
        ))}
      </Choice>
      <DateBox label={m.activity.from} value={draft.from} onChange={set('from')} />
      <DateBox label={m.activity.to} value={draft.to} onChange={set('to')} />
      <Button type="submit" appearance="primary">
        {m.activity.apply}
      </Button>
    </form>
  );
}

interface BoxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

const labelStyle = {
  font: token('font.body.small'),
  fontWeight: 600,
  color: token('color.text.subtle'),
} as const;

/** A filter box with its label above it. */
function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div style={{ display: 'grid', gap: token('space.050') }}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/** A filter chosen from a list, with "any" first. */
function Choice({ label, value, onChange, children }: BoxProps & { children: ReactNode }) {
  const { m } = useAdminEnvironment();
  return (
    <Labelled label={label}>
      {(id) => (
        <select id={id} style={selectStyle} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{m.activity.any}</option>
          {children}
        </select>
      )}
    </Labelled>
  );
}

function DateBox({ label, value, onChange }: BoxProps) {
  return (
    <Labelled label={label}>
      {(id) => (
        <Textfield id={id} type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
    </Labelled>
  );
}

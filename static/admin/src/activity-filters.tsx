import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useId, useState, type ReactNode } from 'react';
import type { ActivityKind, SiteProject } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { selectStyle } from './fields';
import type { ActivityFilters } from './use-activity';

type Draft = { projectKey: string; issueKey: string; kind: string; from: string; to: string };

/** The typed filters as the resolver takes them; dates are whole days in the user's zone. */
function applied(draft: Draft): ActivityFilters {
  return {
    ...(draft.projectKey ? { projectKey: draft.projectKey } : {}),
    ...(draft.issueKey.trim() ? { issueKey: draft.issueKey.trim().toUpperCase() } : {}),
    ...(draft.kind ? { kind: draft.kind as ActivityKind } : {}),
    ...(draft.from ? { from: new Date(`${draft.from}T00:00:00`).toISOString() } : {}),
    ...(draft.to ? { to: new Date(`${draft.to}T23:59:59.999`).toISOString() } : {}),
  };
}

/** The activity tab's filters: project, ticket, kind of entry (in words) and a date range, applied together. */
export function ActivityFilterForm({
  projects,
  onApply,
}: {
  projects: SiteProject[];
  onApply: (filters: ActivityFilters) => void;
}) {
  const { m } = useAdminEnvironment();
  const [draft, setDraft] = useState<Draft>({ projectKey: '', issueKey: '', kind: '', from: '', to: '' });
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const kinds = Object.keys(m.activity.kinds) as ActivityKind[];
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
      <Choice label={m.activity.kind} value={draft.kind} onChange={set('kind')}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {m.activity.kinds[k]}
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
  const [focused, setFocused] = useState(false);
  // A native date field, styled as the page's selects, with a ring of its own while any part of the date has
  // focus: the browser only highlights the part, and Atlaskit's text field drops its ring between the parts.
  const ring = focused ? { outline: `2px solid ${token('color.border.focused')}`, outlineOffset: 1 } : {};
  return (
    <Labelled label={label}>
      {(id) => (
        <input
          id={id}
          type="date"
          style={{ ...selectStyle, ...ring }}
          value={value}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Labelled>
  );
}

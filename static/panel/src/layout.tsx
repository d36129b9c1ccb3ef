import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useId, type ReactNode } from 'react';
import type { StatusRef } from '../../../src/contract/resolvers';
import { IssueLink as SharedIssueLink } from '../../shared/src/issue-link';
import { openIssue } from './api';
import { usePanelEnvironment } from './panel-context';

const SECTION_STYLE = { borderTop: `1px solid ${token('color.border')}`, padding: `${token('space.150')} 0` };

/** A titled block of the panel, labelled for assistive technology by its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={SECTION_STYLE}>
      <Heading size="xxsmall" as="h3" id={id}>
        {title}
      </Heading>
      <div style={{ marginTop: token('space.100') }}>{children}</div>
    </section>
  );
}

/**
 * A detail block folded under its title (a native disclosure: keyboard and screen readers work without
 * script). `note` is a short state shown beside the title while folded, e.g. "not configured yet".
 */
export function FoldedSection({
  title,
  note,
  open,
  children,
}: {
  title: string;
  note?: string;
  /** Unfolded from the start (something happened that the agent should read). */
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details style={SECTION_STYLE} open={open}>
      <summary style={{ cursor: 'pointer' }}>
        <span style={{ font: token('font.heading.xxsmall'), color: token('color.text') }}>{title}</span>
        {note ? (
          <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}> · {note}</span>
        ) : null}
      </summary>
      <div style={{ marginTop: token('space.100') }}>{children}</div>
    </details>
  );
}

/** Label/value pairs in two columns that wrap gracefully in a ~350 px side panel. */
export function Facts({ rows }: { rows: readonly (readonly [label: string, value: ReactNode])[] }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(6rem, 2fr) minmax(0, 3fr)',
        columnGap: token('space.150'),
        rowGap: token('space.075'),
        margin: 0,
      }}
    >
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt
            style={{ color: token('color.text.subtle'), font: token('font.body.small'), alignSelf: 'center' }}
          >
            {label}
          </dt>
          <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Secondary text (hints, explanations). */
export function Hint({ children }: { children: ReactNode }) {
  return (
    <p
      style={{
        margin: `${token('space.050')} 0 0`,
        color: token('color.text.subtle'),
        font: token('font.body.small'),
      }}
    >
      {children}
    </p>
  );
}

/** A Jira status with the lozenge colour of its process role. */
export function StatusLozenge({ status }: { status: StatusRef }) {
  const appearance =
    status.role === null || status.role === 'open' || status.role === 'planned'
      ? 'default'
      : status.role === 'clarification'
        ? 'moved'
        : ['resolved', 'closed', 'delivered', 'stageInstallationCompleted', 'installationCompleted'].includes(
              status.role,
            )
          ? 'success'
          : 'inprogress';
  return <Lozenge appearance={appearance}>{status.name}</Lozenge>;
}

/**
 * A link to another ticket. The href makes it a real link (copy, middle-click); a plain click goes through the
 * bridge router because a Custom UI iframe may not navigate the top window.
 */
export function IssueLink({ issueKey }: { issueKey: string }) {
  const { siteUrl, m } = usePanelEnvironment();
  return (
    <SharedIssueLink
      issueKey={issueKey}
      siteUrl={siteUrl}
      open={openIssue}
      label={m.delivery.open(issueKey)}
    />
  );
}

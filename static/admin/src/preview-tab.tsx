import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { EmptyState, PendingState } from '../../shared/src/states';
import { useResource } from '../../shared/src/use-resource';
import { useAdminEnvironment } from './admin-context';
import type { SweepPreviewItem } from '../../../src/contract/resolvers';
import { DataTable } from './table';
import { TicketKeys, TicketLink } from './ticket-link';

/** What the next hourly sweep would remind or close, and what it would cost in Jira API points. */
export function PreviewTab() {
  const { m, fmt, invoke } = useAdminEnvironment();
  const [preview, reload] = useResource(() => invoke('previewSweep', {}), [invoke]);
  if (preview.status !== 'ready') return <PendingState resource={preview} texts={m} onRetry={reload} />;
  const view = preview.value;
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: token('space.100'),
        }}
      >
        <span>
          {view.nextSweepAt
            ? m.preview.nextSweep(fmt.dateTime(view.nextSweepAt))
            : m.preview.nextSweepUnknown}
          <span style={{ color: token('color.text.subtle') }}>
            {' '}
            · {m.preview.points(view.estimatedPoints, view.pointsBudgetPerHour)}
          </span>
        </span>
        <Button onClick={reload}>{m.preview.run}</Button>
      </div>
      {view.items.length === 0 ? (
        <EmptyState title={m.preview.empty} />
      ) : (
        <StepTable caption={m.tabs.preview} items={view.items} />
      )}
      {view.week.length === 0 ? (
        <p style={{ margin: 0 }}>{m.preview.weekEmpty}</p>
      ) : (
        <StepTable caption={m.preview.week(fmt.dateTime(view.weekUntil))} items={view.week} />
      )}
      {view.unknown.count > 0 || view.unindexedProjects.length > 0 ? (
        <SectionMessage appearance="information">
          {view.unknown.count > 0 ? (
            <p style={{ margin: 0 }}>
              {m.preview.unknown(view.unknown.count)}: <TicketKeys {...view.unknown} />
            </p>
          ) : null}
          {view.unindexedProjects.length > 0 ? (
            <p style={{ margin: 0 }}>{m.impact.unindexed(view.unindexedProjects.join(', '))}</p>
          ) : null}
        </SectionMessage>
      ) : null}
    </div>
  );
}

/** Timer steps by ticket, with what happens and when it is due. */
function StepTable({ caption, items }: { caption: string; items: SweepPreviewItem[] }) {
  const { m, fmt } = useAdminEnvironment();
  return (
    <DataTable
      caption={caption}
      columns={[
        m.preview.columns.ticket,
        m.preview.columns.timer,
        m.preview.columns.action,
        m.preview.columns.due,
      ]}
      rows={items.map((item) => [
        <TicketLink key="k" issueKey={item.issueKey} />,
        m.preview.timer[item.timer],
        <span key="a">
          <Lozenge appearance={item.action === 'close' ? 'removed' : 'inprogress'}>
            {m.preview.action[item.action]}
          </Lozenge>
          {item.reminder ? ` ${m.preview.reminder(item.reminder.number, item.reminder.of)}` : ''}
        </span>,
        fmt.dateTime(item.dueAt),
      ])}
    />
  );
}

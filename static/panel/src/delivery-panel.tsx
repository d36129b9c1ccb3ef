import { token } from '@atlaskit/tokens';
import type { DeliveryPanelView } from '../../../src/contract/resolvers';
import { FlagsList, HistorySection } from './history-section';
import { Facts, Hint, IssueLink, Section, StatusLozenge } from './layout';
import { usePanelEnvironment } from './panel-context';

/**
 * A Delivery ticket (PROCESS.md §6): version, estimated date (an estimate, not a promise), environment, and the
 * included tickets with their current status. The guide's table is Key | Request type | Summary; in a narrow
 * side panel each row is a small card instead of a table so nothing is cut off.
 */
export function DeliveryPanel({ view }: { view: DeliveryPanelView }) {
  const { m, fmt } = usePanelEnvironment();
  return (
    <>
      <FlagsList flags={view.flags} />
      <div style={{ paddingBottom: token('space.150') }}>
        <Facts
          rows={[
            [m.delivery.status, <StatusLozenge key="s" status={view.status} />],
            [
              m.delivery.version,
              view.version ? (
                <code style={{ font: token('font.code') }}>{view.version}</code>
              ) : (
                m.delivery.noVersion
              ),
            ],
            [
              m.delivery.estimatedDate,
              view.estimatedDate ? fmt.date(view.estimatedDate) : m.delivery.notScheduled,
            ],
            ...(view.cloudEnvironment
              ? ([[m.delivery.cloudEnvironment, view.cloudEnvironment]] as const)
              : []),
          ]}
        />
      </div>
      <Section title={`${m.sections.included} (${view.included.length})`}>
        {view.included.length === 0 ? (
          <Hint>{m.delivery.includedEmpty}</Hint>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.100') }}>
            {view.included.map((ticket) => (
              <li
                key={ticket.key}
                style={{
                  border: `1px solid ${token('color.border')}`,
                  borderRadius: token('radius.small', '3px'),
                  padding: token('space.100'),
                }}
              >
                <div
                  style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100'), alignItems: 'center' }}
                >
                  <IssueLink issueKey={ticket.key} />
                  <StatusLozenge status={ticket.status} />
                </div>
                <div style={{ marginTop: token('space.050') }}>{ticket.summary}</div>
                <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
                  {m.delivery.columns.requestType}: {ticket.requestType}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <HistorySection entries={view.history} />
    </>
  );
}

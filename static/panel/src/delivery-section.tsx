import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { DeliveryVersionView } from '../../../src/contract/resolvers';
import { Facts, Hint, IssueLink, Section, StatusLozenge } from './layout';
import { usePanelEnvironment } from './panel-context';

/**
 * Delivery version and the Delivery ticket it ships with (PROCESS.md §6). CUSTOM is explained because agents and
 * customers read it as a version number; in Delivery Pending a missing version or Delivery is a warning.
 */
export function DeliverySection({ delivery }: { delivery: DeliveryVersionView }) {
  const { m, fmt } = usePanelEnvironment();
  const version = delivery.version;
  const ticket = delivery.deliveryTicket;
  return (
    <Section title={m.sections.delivery}>
      {delivery.warnings.length > 0 ? (
        <div style={{ marginBottom: token('space.100') }}>
          <SectionMessage appearance="warning">
            {delivery.warnings.map((w) => (
              <p key={w} style={{ margin: 0 }}>
                {w === 'missingVersion' ? m.delivery.missingVersion : m.delivery.noDeliveryTicket}
              </p>
            ))}
          </SectionMessage>
        </div>
      ) : null}
      <Facts
        rows={[
          [
            m.delivery.version,
            version === null ? (
              m.delivery.noVersion
            ) : version.type === 'custom' ? (
              <Lozenge appearance="new">{m.delivery.custom}</Lozenge>
            ) : (
              <code style={{ font: token('font.code') }}>{version.value}</code>
            ),
          ],
          [m.delivery.ticket, ticket ? <IssueLink issueKey={ticket.key} /> : m.delivery.noTicket],
          ...(ticket
            ? ([
                [m.delivery.status, <StatusLozenge key="s" status={ticket.status} />],
                [
                  m.delivery.estimatedDate,
                  ticket.estimatedDate ? fmt.date(ticket.estimatedDate) : m.delivery.notScheduled,
                ],
              ] as [string, ReactNode][])
            : []),
        ]}
      />
      {version?.type === 'custom' ? <Hint>{m.delivery.customExplained}</Hint> : null}
    </Section>
  );
}

import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { DeliveryVersionView } from '../../../src/contract/resolvers';
import { Facts, FoldedSection, Hint, IssueLink, StatusLozenge } from './layout';
import { usePanelEnvironment } from './panel-context';

/**
 * Delivery version and the Delivery ticket it ships with (PROCESS.md §6). CUSTOM is explained because agents and
 * customers read it as a version number. A missing version or Delivery is reported once, in the attention list.
 */
export function DeliverySection({ delivery }: { delivery: DeliveryVersionView }) {
  const { m, fmt } = usePanelEnvironment();
  const version = delivery.version;
  const ticket = delivery.deliveryTicket;
  return (
    <FoldedSection
      title={m.sections.delivery}
      note={
        version === null
          ? m.delivery.noVersion
          : version.type === 'custom'
            ? m.delivery.custom
            : version.value
      }
    >
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
    </FoldedSection>
  );
}

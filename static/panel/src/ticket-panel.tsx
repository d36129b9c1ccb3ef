import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { TicketPanelView } from '../../../src/contract/resolvers';
import { ClocksSection } from './clocks-section';
import { ConfidentialitySection, EscalationSection } from './context-sections';
import { DeliverySection } from './delivery-section';
import { FlagsList, HistorySection } from './history-section';
import { StatusLozenge } from './layout';
import { usePanelEnvironment } from './panel-context';
import { PrioritySection } from './priority-section';
import { ClarificationSection, EstimateSection, ResolvedSection } from './timer-sections';

/**
 * A process ticket: what needs attention first, then kind and status, priority and service times, the timers
 * that will act on the ticket, delivery, confidentiality and contract, escalation, and the app's history.
 */
export function TicketPanel({ view }: { view: TicketPanelView }) {
  const { m } = usePanelEnvironment();
  const now = view.computedAt;
  return (
    <>
      <FlagsList flags={view.flags} />
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: token('space.100'),
          paddingBottom: token('space.150'),
        }}
      >
        <Lozenge appearance="new">{m.kind[view.kind]}</Lozenge>
        {view.kindName !== m.kind[view.kind] ? (
          <span style={{ color: token('color.text.subtle') }}>{view.kindName}</span>
        ) : null}
        <StatusLozenge status={view.status} />
      </div>
      <PrioritySection priority={view.priority} />
      <ClocksSection clocks={view.clocks} />
      {view.clarification ? <ClarificationSection clarification={view.clarification} now={now} /> : null}
      {view.resolvedAutoClose ? <ResolvedSection resolved={view.resolvedAutoClose} now={now} /> : null}
      {view.estimate ? <EstimateSection estimate={view.estimate} now={now} /> : null}
      {view.delivery ? <DeliverySection delivery={view.delivery} /> : null}
      <ConfidentialitySection confidentiality={view.confidentiality} commercial={view.commercial} />
      <EscalationSection levels={view.escalation} />
      <HistorySection entries={view.history} />
    </>
  );
}

import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { TicketPanelView } from '../../../src/contract/resolvers';
import { ClocksSection } from './clocks-section';
import { ConfidentialitySection, EscalationSection } from './context-sections';
import { DeliverySection } from './delivery-section';
import { FlagsList, HistorySection } from './history-section';
import { StatusLozenge } from './layout';
import { NextStepLine } from './next-step-line';
import { PrioritySection } from './priority-section';
import { ClarificationSection, EstimateSection, ResolvedSection } from './timer-sections';

/**
 * A process ticket: the next step in one line, what needs attention, the priority; then the details folded:
 * service times, timers, delivery, confidentiality and contract, escalation, and the app's activity.
 */
export function TicketPanel({ view }: { view: TicketPanelView }) {
  const now = view.computedAt;
  return (
    <>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: token('space.100'),
          paddingBottom: token('space.100'),
        }}
      >
        <Lozenge appearance="new">{view.kindName}</Lozenge>
        <StatusLozenge status={view.status} />
      </div>
      <NextStepLine step={view.nextStep} />
      <FlagsList flags={view.flags} />
      <PrioritySection priority={view.priority} />
      <ClocksSection clocks={view.clocks} />
      {view.clarification ? <ClarificationSection clarification={view.clarification} now={now} /> : null}
      {view.resolvedAutoClose ? <ResolvedSection resolved={view.resolvedAutoClose} now={now} /> : null}
      {view.estimate ? <EstimateSection estimate={view.estimate} now={now} /> : null}
      {view.delivery ? <DeliverySection delivery={view.delivery} /> : null}
      <ConfidentialitySection confidentiality={view.confidentiality} commercial={view.commercial} />
      <EscalationSection
        levels={view.escalation}
        configured={view.escalationConfigured}
        escalated={view.escalated}
      />
      <HistorySection entries={view.history} />
    </>
  );
}

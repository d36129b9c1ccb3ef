import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ClarificationView, EstimateView, ResolvedAutoCloseView } from '../../../src/contract/resolvers';
import { Facts, FoldedSection, Hint, StatusLozenge } from './layout';
import { usePanelEnvironment } from './panel-context';

/**
 * A date with its distance from "now" (the server's `computedAt`), e.g. "7 Dec 2026, 09:00 · in 10 days". A due
 * step whose time has passed (`overdue`) says the next sweep handles it instead of "8 days ago".
 */
function When({ iso, now, overdue = false }: { iso: string; now: string; overdue?: boolean }) {
  const { fmt, m } = usePanelEnvironment();
  return (
    <span>
      <time dateTime={iso}>{fmt.dateTime(iso)}</time>
      <span style={{ color: overdue ? token('color.text.warning') : token('color.text.subtlest') }}>
        {' '}
        · {overdue ? m.overdue : fmt.relative(iso, now)}
      </span>
    </span>
  );
}

/**
 * Clarification required / On hold (PROCESS.md §4): reminders every 10 days, auto-close on day 40; a customer
 * comment restarts the timer, which is why the last reset and its reason are shown.
 */
export function ClarificationSection({
  clarification,
  now,
}: {
  clarification: ClarificationView;
  now: string;
}) {
  const { m } = usePanelEnvironment();
  if (clarification.state === 'inactive') return null;
  const c = clarification;
  return (
    <FoldedSection
      title={m.sections.clarification}
      note={m.clarification.reminders(c.remindersSent, c.remindersTotal)}
    >
      <Facts
        rows={[
          [m.clarification.entered, <When key="e" iso={c.enteredAt} now={now} />],
          [
            m.clarification.nextReminder,
            c.nextReminderAt ? (
              <When key="n" iso={c.nextReminderAt} now={now} overdue={c.overdue} />
            ) : (
              m.clarification.allRemindersSent
            ),
          ],
          [
            m.clarification.autoClose,
            <When key="a" iso={c.autoCloseAt} now={now} overdue={c.overdue && c.nextReminderAt === null} />,
          ],
          ...(c.returnsTo
            ? ([[m.clarification.returnsTo, <StatusLozenge key="r" status={c.returnsTo} />]] as const)
            : []),
          ...(c.lastReset
            ? ([
                [
                  m.clarification.lastReset,
                  <span key="l">
                    <When iso={c.lastReset.at} now={now} />
                    <Hint>{m.clarification.resetReason[c.lastReset.reason]}</Hint>
                  </span>,
                ],
              ] as const)
            : []),
        ]}
      />
    </FoldedSection>
  );
}

/** Customisation estimates are valid for 16 weeks from Estimation available (PROCESS.md §4). */
export function EstimateSection({ estimate, now }: { estimate: EstimateView; now: string }) {
  const { m } = usePanelEnvironment();
  return (
    <FoldedSection
      title={m.sections.estimate}
      note={estimate.expired ? m.estimate.expired : m.estimate.daysLeft(estimate.daysLeft)}
    >
      <div style={{ marginBottom: token('space.100') }}>
        <Lozenge appearance={estimate.expired ? 'removed' : estimate.daysLeft <= 14 ? 'moved' : 'success'}>
          {estimate.expired ? m.estimate.expired : m.estimate.daysLeft(estimate.daysLeft)}
        </Lozenge>
      </div>
      <Facts
        rows={[
          [m.estimate.availableSince, <When key="s" iso={estimate.availableSince} now={now} />],
          [
            m.estimate.validUntil,
            <When key="u" iso={estimate.validUntil} now={now} overdue={estimate.expired} />,
          ],
        ]}
      />
    </FoldedSection>
  );
}

/** 50 days in Resolved without customer feedback closes the ticket (PROCESS.md §4). */
export function ResolvedSection({ resolved, now }: { resolved: ResolvedAutoCloseView; now: string }) {
  const { m } = usePanelEnvironment();
  return (
    <FoldedSection title={m.sections.resolved}>
      <Facts
        rows={[
          [m.resolved.since, <When key="s" iso={resolved.resolvedAt} now={now} />],
          [
            m.resolved.autoClose,
            <When key="a" iso={resolved.autoCloseAt} now={now} overdue={resolved.overdue} />,
          ],
        ]}
      />
    </FoldedSection>
  );
}

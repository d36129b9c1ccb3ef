import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ServiceClocks, ServiceClockView } from '../../../src/contract/resolvers';
import { Facts, FoldedSection } from './layout';
import { usePanelEnvironment } from './panel-context';

/** Response and restoration clocks (PROCESS.md §5): from JSM SLAs where the site has them, else the app's. */
export function ClocksSection({ clocks }: { clocks: ServiceClocks }) {
  const { m } = usePanelEnvironment();
  if (!clocks.response && !clocks.restoration) return null;
  return (
    <FoldedSection title={m.sections.clocks}>
      <div style={{ display: 'grid', gap: token('space.150') }}>
        {clocks.response ? <Clock name={m.clock.response} clock={clocks.response} /> : null}
        {clocks.restoration ? <Clock name={m.clock.restoration} clock={clocks.restoration} /> : null}
      </div>
    </FoldedSection>
  );
}

/**
 * The lozenge of a clock. A settled clock (completed) says met or missed quietly, as JSM's own SLA panel does;
 * only a clock still running past its target is an alarm.
 */
function clockState(clock: ServiceClockView, m: ReturnType<typeof usePanelEnvironment>['m']) {
  if (clock.state === 'notStarted') return { text: m.clock.notStarted, appearance: 'default' as const };
  if (clock.state === 'completed')
    return clock.breached
      ? { text: m.clock.missed, appearance: 'default' as const }
      : { text: m.clock.completed, appearance: 'success' as const };
  if (clock.breached) return { text: m.clock.breached, appearance: 'removed' as const };
  return clock.state === 'paused'
    ? { text: m.clock.paused, appearance: 'moved' as const }
    : { text: m.clock.running, appearance: 'inprogress' as const };
}

function Clock({ name, clock }: { name: string; clock: ServiceClockView }) {
  const { m, fmt } = usePanelEnvironment();
  const state = clockState(clock, m);
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100'), alignItems: 'center' }}>
        <span style={{ fontWeight: token('font.weight.medium') }}>{name}</span>
        <Lozenge appearance={state.appearance}>{state.text}</Lozenge>
        <span style={{ color: token('color.text.subtlest'), font: token('font.body.small') }}>
          {m.clock.source[clock.source]}
        </span>
      </div>
      {clock.state === 'notStarted' ? null : (
        <div style={{ marginTop: token('space.075') }}>
          {clock.targetMs !== null && clock.state !== 'completed' ? (
            <Progress elapsed={clock.elapsedMs} target={clock.targetMs} />
          ) : null}
          <Facts
            rows={[
              [m.clock.elapsed, fmt.duration(clock.elapsedMs)],
              [m.clock.target, clock.targetMs === null ? m.clock.noTarget : fmt.duration(clock.targetMs)],
              ...(clock.remainingMs === null || clock.state === 'completed'
                ? []
                : [
                    clock.remainingMs < 0
                      ? ([m.clock.overdueBy, fmt.duration(clock.remainingMs)] as [string, string])
                      : ([m.clock.remaining, fmt.duration(clock.remainingMs)] as [string, string]),
                  ]),
            ]}
          />
        </div>
      )}
    </div>
  );
}

/** A bar showing elapsed against target; red once breached. Decorative: the numbers are in the facts below. */
function Progress({ elapsed, target }: { elapsed: number; target: number }) {
  const ratio = target > 0 ? Math.min(elapsed / target, 1) : 1;
  const breached = elapsed > target;
  return (
    <div
      aria-hidden="true"
      style={{
        height: 6,
        borderRadius: token('radius.full'),
        background: token('color.background.neutral'),
        marginBottom: token('space.075'),
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          width: `${Math.round(ratio * 100)}%`,
          height: '100%',
          background: breached
            ? token('color.background.danger.bold')
            : ratio > 0.8
              ? token('color.background.warning.bold')
              : token('color.background.brand.bold'),
        }}
      />
    </div>
  );
}

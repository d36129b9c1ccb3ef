import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type {
  SaveSettingsPayload,
  SettingsImpactEffect,
  SettingsImpactView,
} from '../../../src/contract/resolvers';
import { ResolverFailure } from '../../shared/src/resolver-failure';
import { ErrorState } from '../../shared/src/states';
import { useAdminEnvironment } from './admin-context';
import { TicketKeys } from './ticket-link';

const EFFECTS: SettingsImpactEffect[] = ['closeNextSweep', 'remindNextSweep', 'earlier', 'later'];

type ImpactState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; view: SettingsImpactView }
  | { status: 'failed'; failure: ResolverFailure; payload: SaveSettingsPayload };

/** The impact check of the unsaved settings: run on request, forgotten on the next edit. */
export function useImpactPreview() {
  const { invoke } = useAdminEnvironment();
  const [state, setState] = useState<ImpactState>({ status: 'idle' });
  const check = async (payload: SaveSettingsPayload) => {
    setState({ status: 'checking' });
    try {
      setState({ status: 'done', view: await invoke('previewSettingsImpact', payload) });
    } catch (thrown) {
      setState({ status: 'failed', failure: ResolverFailure.from(thrown), payload });
    }
  };
  return { state, check, forget: () => setState({ status: 'idle' }) };
}

/** The button in the save bar that asks what the unsaved settings would change. */
export function ImpactButton({ checking, onCheck }: { checking: boolean; onCheck: () => void }) {
  const { m } = useAdminEnvironment();
  return (
    <Button isLoading={checking} onClick={onCheck}>
      {checking ? m.impact.checking : m.impact.check}
    </Button>
  );
}

/**
 * What saving would do to the open tickets' reminders and closes, per effect with the tickets concerned, and
 * when the next sweep (which the effects are judged at) runs, or that this is not known yet.
 */
export function ImpactSummary({
  state,
  onRetry,
}: {
  state: ImpactState;
  onRetry: (payload: SaveSettingsPayload) => void;
}) {
  const { m, fmt } = useAdminEnvironment();
  if (state.status === 'failed')
    return <ErrorState failure={state.failure} texts={m.error} onRetry={() => onRetry(state.payload)} />;
  if (state.status !== 'done') return null;
  const { view } = state;
  const shown = EFFECTS.filter((e) => view.effects[e].count > 0);
  const subtle = { margin: 0, color: token('color.text.subtle'), font: token('font.body.small') };
  return (
    <div role="status">
      <SectionMessage
        title={m.impact.title}
        appearance={view.valid && view.effects.closeNextSweep.count > 0 ? 'warning' : 'information'}
      >
        {!view.valid ? (
          <p style={{ margin: 0 }}>{m.impact.invalid}</p>
        ) : (
          <div style={{ display: 'grid', gap: token('space.075') }}>
            {shown.length === 0 ? (
              <p style={{ margin: 0 }}>{m.impact.none(view.checked)}</p>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
                {shown.map((effect) => (
                  <li key={effect}>
                    {m.impact.effects[effect](view.effects[effect].count)}:{' '}
                    <TicketKeys {...view.effects[effect]} />
                  </li>
                ))}
              </ul>
            )}
            {shown.length > 0 ? <p style={subtle}>{m.impact.checked(view.checked)}</p> : null}
            {view.pastReminderCount.count > 0 ? (
              <p style={{ margin: 0 }}>
                {m.impact.pastReminderCount(view.pastReminderCount.count)}:{' '}
                <TicketKeys {...view.pastReminderCount} />
              </p>
            ) : null}
            {view.unknown.count > 0 ? (
              <p style={{ margin: 0 }}>
                {m.impact.unknown(view.unknown.count)}: <TicketKeys {...view.unknown} />
              </p>
            ) : null}
            {view.unindexedProjects.length > 0 ? (
              <p style={{ margin: 0 }}>{m.impact.unindexed(view.unindexedProjects.join(', '))}</p>
            ) : null}
            <p style={subtle}>
              {view.nextSweepAt
                ? m.impact.nextSweep(fmt.dateTime(view.nextSweepAt))
                : m.impact.nextSweepUnknown}
            </p>
          </div>
        )}
      </SectionMessage>
    </div>
  );
}

import SectionMessage from '@atlaskit/section-message';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import { useAdminEnvironment } from './admin-context';
import { FieldGrid, NumberField } from './fields';
import type { EditorProps } from './settings-sections';

/**
 * The site-wide master switch, shown as "Pause all automation" (on = paused). Distinct from dry run: paused,
 * the app neither acts nor records what it would do.
 */
export function PauseEditor({
  enabled,
  onChange,
}: {
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}) {
  const { m } = useAdminEnvironment();
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: token('space.100') }}>
      <Toggle id={id} isChecked={!enabled} onChange={() => onChange(!enabled)} aria-describedby={hintId} />
      <div>
        <label htmlFor={id}>
          <strong>{m.automation.pause}</strong>
        </label>
        <div id={hintId} style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
          {m.automation.pauseHint}
        </div>
      </div>
    </div>
  );
}

/** The warning at the top of the settings while automation is paused, in every scope. */
export function PausedWarning({ siteScope }: { siteScope: boolean }) {
  const { m } = useAdminEnvironment();
  return (
    <div role="note" style={{ marginBottom: token('space.200') }}>
      <SectionMessage appearance="warning" title={m.automation.pausedTitle}>
        {siteScope ? m.automation.paused : m.automation.pausedProject}
      </SectionMessage>
    </div>
  );
}

/** Dry-run switch with its explanation. */
export function DryRunEditor({ value, onChange, disabled }: EditorProps<boolean>) {
  const { m } = useAdminEnvironment();
  const id = useId();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
      <Toggle id={id} isChecked={value} isDisabled={disabled} onChange={() => onChange(!value)} />
      <label htmlFor={id}>
        <strong>{m.automation.dryRun}</strong> — {m.automation.dryRunHint}
      </label>
    </div>
  );
}

/** The hourly Jira points budget of the sweep. */
export function PointsEditor({ value, onChange, disabled }: EditorProps<number>) {
  const { m } = useAdminEnvironment();
  return (
    <FieldGrid>
      <NumberField
        path="pointsBudgetPerHour"
        label={m.automation.points}
        hint={m.automation.pointsHint}
        value={value}
        disabled={disabled}
        onChange={(v) => onChange(v ?? 0)}
      />
    </FieldGrid>
  );
}

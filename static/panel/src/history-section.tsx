import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { AuditEntry, PanelFlag } from '../../../src/contract/resolvers';
import SectionMessage from '@atlaskit/section-message';
import { FoldedSection, Hint } from './layout';
import { usePanelEnvironment } from './panel-context';

/** The app's own actions on this ticket in words, newest first; dry-run and failed entries say so. */
export function HistorySection({ entries }: { entries: AuditEntry[] }) {
  const { m, fmt, language } = usePanelEnvironment();
  return (
    <FoldedSection title={m.sections.history} note={String(entries.length)}>
      {entries.length === 0 ? (
        <Hint>{m.historyEmpty}</Hint>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.100') }}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <div
                style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075'), alignItems: 'center' }}
              >
                <span style={{ fontWeight: token('font.weight.medium') }}>{entry.summary[language]}</span>
                {entry.dryRun ? <Lozenge appearance="moved">{m.outcome.dryRun}</Lozenge> : null}
                {entry.outcome !== 'done' ? (
                  <Lozenge appearance={entry.outcome === 'failed' ? 'removed' : 'default'}>
                    {m.outcome[entry.outcome]}
                  </Lozenge>
                ) : null}
              </div>
              <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
                <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </FoldedSection>
  );
}

/** Things the agent must notice, at the top of the panel. */
export function FlagsList({ flags }: { flags: PanelFlag[] }) {
  const { m, language } = usePanelEnvironment();
  if (flags.length === 0) return null;
  const severest = flags.some((f) => f.severity === 'error')
    ? 'error'
    : flags.some((f) => f.severity === 'warning')
      ? 'warning'
      : 'information';
  return (
    <div style={{ marginBottom: token('space.150') }}>
      <SectionMessage appearance={severest} title={m.sections.flags}>
        <ul style={{ margin: 0, paddingInlineStart: token('space.200') }}>
          {flags.map((flag) => (
            <li key={`${flag.code}-${flag.at ?? ''}`}>
              <strong>{m.flagCode[flag.code]}:</strong> {flag.detail[language]}
            </li>
          ))}
        </ul>
      </SectionMessage>
    </div>
  );
}

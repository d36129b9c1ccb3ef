import { token } from '@atlaskit/tokens';
import type {
  CommercialClass,
  ConfidentialityView,
  EscalationLevelView,
  EscalationStateView,
} from '../../../src/contract/resolvers';
import { Facts, FoldedSection } from './layout';
import { usePanelEnvironment } from './panel-context';

/** Confidentiality restricts the ticket to the region's staff (PROCESS.md §7); billing class per §8. */
export function ConfidentialitySection({
  confidentiality,
  commercial,
}: {
  confidentiality: ConfidentialityView;
  commercial: CommercialClass;
}) {
  const { m } = usePanelEnvironment();
  const c = confidentiality;
  return (
    <FoldedSection
      title={m.sections.confidentiality}
      note={
        c.confidential ? m.confidentiality.region + ': ' + (c.region ?? m.confidentiality.none) : undefined
      }
    >
      <p
        style={{
          margin: `0 0 ${token('space.100')}`,
          color: c.confidential ? token('color.text.warning') : token('color.text'),
          fontWeight: c.confidential ? token('font.weight.medium') : undefined,
        }}
      >
        {c.confidential ? m.confidentiality.confidential : m.confidentiality.notConfidential}
      </p>
      <Facts
        rows={[
          [m.confidentiality.region, c.region ?? m.confidentiality.none],
          [m.confidentiality.securityLevel, c.securityLevel ?? m.confidentiality.none],
          [m.commercial.label, m.commercial.value[commercial]],
        ]}
      />
    </FoldedSection>
  );
}

/**
 * The escalation levels (PROCESS.md §9) under the names the site gave them, with the people configured for
 * each; the summary says so when nobody is configured yet.
 */
export function EscalationSection({
  levels,
  configured,
  escalated,
}: {
  levels: EscalationLevelView[];
  configured: boolean;
  escalated: EscalationStateView;
}) {
  const { m, language, fmt } = usePanelEnvironment();
  if (levels.length === 0 && escalated.history.length === 0) return null;
  const current = escalated.history.at(-1);
  const note = current
    ? m.escalatedTo(current.level, current.label[language])
    : configured
      ? undefined
      : m.escalationNotConfigured;
  return (
    <FoldedSection title={m.sections.escalation} note={note} open={current !== undefined}>
      {current ? (
        <div data-testid="escalation-history" style={{ marginBottom: token('space.100') }}>
          <div style={{ font: token('font.heading.xxsmall') }}>{m.escalationHistory}</div>
          <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
            {escalated.history.map((entry) => (
              <li key={entry.level}>
                {m.escalationEntry(
                  entry.level,
                  entry.label[language],
                  entry.reason[language],
                  fmt.dateTime(entry.at),
                  entry.by,
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol
        style={{
          margin: 0,
          paddingInlineStart: token('space.250'),
          display: 'grid',
          gap: token('space.050'),
        }}
      >
        {levels.map((level) => (
          <li key={level.level}>
            <span style={{ fontWeight: token('font.weight.medium') }}>{level.label[language]}</span>
            <br />
            <span
              style={{ color: level.contacts.length ? token('color.text') : token('color.text.subtlest') }}
            >
              {level.contacts.length ? level.contacts.join(', ') : m.escalationNobody}
            </span>
          </li>
        ))}
      </ol>
    </FoldedSection>
  );
}

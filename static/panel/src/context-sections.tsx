import { token } from '@atlaskit/tokens';
import type {
  CommercialClass,
  ConfidentialityView,
  EscalationLevelView,
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
}: {
  levels: EscalationLevelView[];
  configured: boolean;
}) {
  const { m, language } = usePanelEnvironment();
  if (levels.length === 0) return null;
  return (
    <FoldedSection title={m.sections.escalation} note={configured ? undefined : m.escalationNotConfigured}>
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

import { token } from '@atlaskit/tokens';
import type {
  CommercialClass,
  ConfidentialityView,
  EscalationLevelView,
} from '../../../src/contract/resolvers';
import { Facts, Section } from './layout';
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
    <Section title={m.sections.confidentiality}>
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
    </Section>
  );
}

/** The five escalation levels (PROCESS.md §9) with the people the site configured for each. */
export function EscalationSection({ levels }: { levels: EscalationLevelView[] }) {
  const { m } = usePanelEnvironment();
  if (levels.length === 0) return null;
  return (
    <Section title={m.sections.escalation}>
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
            <span style={{ fontWeight: token('font.weight.medium') }}>{m.escalationRole[level.role]}</span>
            <br />
            <span
              style={{ color: level.contacts.length ? token('color.text') : token('color.text.subtlest') }}
            >
              {level.contacts.length ? level.contacts.join(', ') : m.escalationNobody}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

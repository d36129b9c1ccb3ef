import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { PriorityView } from '../../../src/contract/resolvers';
import { Hint, Section } from './layout';
import { usePanelEnvironment } from './panel-context';

/**
 * Priority with the guide's label (critical, major, minor), category and contractual meaning (PROCESS.md §5).
 * A mismatch is reported once, in the attention list, not here.
 */
export function PrioritySection({ priority }: { priority: PriorityView }) {
  const { m, language } = usePanelEnvironment();
  // Priorities exist only for defects (PROCESS.md §5); other kinds get no section rather than a disclaimer.
  if (priority.state === 'notApplicable') return null;
  return (
    <Section title={m.sections.priority}>
      {priority.state === 'notSet' ? (
        <Hint>{m.priorityNotSet}</Hint>
      ) : (
        <div>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
            <Lozenge appearance={priority.level === 'P1' || priority.level === 'P2' ? 'removed' : 'default'}>
              {priority.level}
            </Lozenge>
            <span style={{ fontWeight: token('font.weight.semibold') }}>{priority.label[language]}</span>
            <span style={{ color: token('color.text.subtle') }}>· {m.category[priority.category]}</span>
          </div>
          <p style={{ margin: `${token('space.075')} 0 0` }}>{priority.meaning[language]}</p>
        </div>
      )}
    </Section>
  );
}

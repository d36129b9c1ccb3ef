import { token } from '@atlaskit/tokens';
import type { NextStepView } from '../../../src/contract/resolvers';
import { usePanelEnvironment } from './panel-context';

/** The sentence for the panel's first line, in the user's language and date format. */
function useNextStepText(step: NextStepView): string {
  const { m, fmt } = usePanelEnvironment();
  switch (step.kind) {
    case 'reminder':
      return m.nextStep.reminder(step.number, step.total, fmt.dayTime(step.at), fmt.day(step.closesAt));
    case 'autoClose':
      return m.nextStep.autoClose(fmt.dayTime(step.at));
    case 'estimateExpiry':
      return m.nextStep.estimateExpiry(fmt.day(step.at));
    case 'overdue':
      return step.step === 'reminder'
        ? m.nextStep.overdue.reminder(step.number ?? 0, step.total ?? 0)
        : m.nextStep.overdue[step.step];
    case 'none':
      return m.nextStep[step.reason];
  }
}

/** What the app does next on this ticket, in one line at the top of the panel. */
export function NextStepLine({ step }: { step: NextStepView }) {
  const text = useNextStepText(step);
  return (
    <p
      data-testid="next-step"
      style={{
        margin: `0 0 ${token('space.150')}`,
        font: token('font.body.large'),
        fontWeight: token('font.weight.semibold'),
        color: step.kind === 'overdue' ? token('color.text.warning') : token('color.text'),
      }}
    >
      {text}
    </p>
  );
}

import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type {
  EscalateResult,
  EscalationReasonCode,
  PortalRequestView,
} from '../../../src/contract/resolvers';
import { ErrorState } from '../../shared/src/states';
import type { Formatters } from '../../shared/src/formatting';
import type { PortalMessages } from './messages';
import { EscalationSummary } from './portal-panel';
import { useSubmission } from './use-submission';

const REASONS: EscalationReasonCode[] = ['serviceTimeExceeded', 'handling', 'productQuality'];

/** The "Escalate" action: the guide's three reasons and a short text, one level at a time (guide §4). */
export function EscalateDialog({
  view,
  m,
  fmt,
  submit,
  close,
}: {
  view: PortalRequestView;
  m: PortalMessages;
  fmt: Formatters;
  submit: (payload: {
    targetLevel: number;
    reason: EscalationReasonCode;
    text: string;
  }) => Promise<EscalateResult>;
  close: () => void;
}) {
  const [reason, setReason] = useState<EscalationReasonCode>('handling');
  const [text, setText] = useState('');
  const [result, setResult] = useState<EscalateResult | null>(null);
  const { busy, failure, clearFailure, run } = useSubmission<EscalateResult>();
  const e = view.escalation;

  if (result) return <EscalateOutcome result={result} m={m} fmt={fmt} close={close} />;
  if (e.nextLevel === null || !e.nextLevelName) {
    return (
      <div>
        <EscalationSummary escalation={e} m={m} fmt={fmt} />
        <p>{m.dialog.unavailable}</p>
        <Button onClick={close}>{m.dialog.close}</Button>
      </div>
    );
  }
  const targetLevel = e.nextLevel;
  const blocked = e.allowedFrom !== null;
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (busy || text.trim() === '' || blocked) return;
    run(() => submit({ targetLevel, reason, text: text.trim() }), setResult);
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="escalate-title">
      <h1
        id="escalate-title"
        style={{ font: token('font.heading.small'), margin: `0 0 ${token('space.150')}` }}
      >
        {m.dialog.title(targetLevel, e.nextLevelName)}
      </h1>
      <EscalationSummary escalation={e} m={m} fmt={fmt} />
      <ReasonChoice reason={reason} onChange={setReason} m={m} />
      <EscalationText text={text} onChange={setText} m={m} />
      {failure ? (
        <div style={{ marginTop: token('space.150') }}>
          <ErrorState failure={failure} texts={m.error} onRetry={clearFailure} />
        </div>
      ) : null}
      <div
        style={{
          display: 'flex',
          justifyContent: 'flex-end',
          gap: token('space.100'),
          marginTop: token('space.200'),
        }}
      >
        <Button appearance="subtle" onClick={close}>
          {m.dialog.cancel}
        </Button>
        <Button
          type="submit"
          appearance="primary"
          isDisabled={busy || blocked || text.trim() === ''}
          testId="escalate-submit"
        >
          {m.dialog.submit}
        </Button>
      </div>
    </form>
  );
}

/** What came of the escalation: escalated, already done, refused (with the reason) or still in progress. */
function EscalateOutcome({
  result,
  m,
  fmt,
  close,
}: {
  result: EscalateResult;
  m: PortalMessages;
  fmt: Formatters;
  close: () => void;
}) {
  const done = result.outcome === 'escalated' || result.outcome === 'alreadyDone';
  const name = result.escalation.currentLevelName ?? '';
  const message =
    result.outcome === 'escalated'
      ? m.dialog.escalated(result.escalation.currentLevel, name)
      : result.outcome === 'alreadyDone'
        ? m.dialog.alreadyDone
        : result.outcome === 'refused'
          ? m.dialog.refused[result.reason]
          : m.dialog.inProgress;
  return (
    <div>
      <div role="status" data-testid="escalate-result">
        <SectionMessage appearance={done ? 'success' : 'warning'}>
          <p style={{ margin: 0 }}>{message}</p>
        </SectionMessage>
      </div>
      <div style={{ marginTop: token('space.150') }}>
        <EscalationSummary escalation={result.escalation} m={m} fmt={fmt} />
      </div>
      <div style={{ marginTop: token('space.200'), textAlign: 'right' }}>
        <Button onClick={close}>{m.dialog.close}</Button>
      </div>
    </div>
  );
}

/** The guide's three escalation reasons, one of them chosen. */
function ReasonChoice({
  reason,
  onChange,
  m,
}: {
  reason: EscalationReasonCode;
  onChange: (reason: EscalationReasonCode) => void;
  m: PortalMessages;
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: `${token('space.200')} 0` }}>
      <legend style={{ font: token('font.heading.xxsmall'), marginBottom: token('space.075') }}>
        {m.dialog.reason}
      </legend>
      {REASONS.map((code) => (
        <label
          key={code}
          style={{
            display: 'flex',
            gap: token('space.100'),
            alignItems: 'center',
            padding: `${token('space.050')} 0`,
          }}
        >
          <input
            type="radio"
            name="reason"
            value={code}
            checked={reason === code}
            onChange={() => onChange(code)}
            data-testid={`reason-${code}`}
          />
          {m.reasons[code]}
        </label>
      ))}
    </fieldset>
  );
}

/** The customer's short text, with its hint. */
function EscalationText({
  text,
  onChange,
  m,
}: {
  text: string;
  onChange: (text: string) => void;
  m: PortalMessages;
}) {
  return (
    <>
      <label
        htmlFor="escalate-text"
        style={{ font: token('font.heading.xxsmall'), display: 'block', marginBottom: token('space.075') }}
      >
        {m.dialog.text}
      </label>
      <TextArea
        id="escalate-text"
        name="text"
        maxLength={1000}
        minimumRows={3}
        value={text}
        onChange={(ev) => onChange(ev.currentTarget.value)}
        aria-describedby="escalate-hint"
        testId="escalate-text"
      />
      <p
        id="escalate-hint"
        style={{
          margin: `${token('space.050')} 0 0`,
          color: token('color.text.subtle'),
          font: token('font.body.small'),
        }}
      >
        {m.dialog.textHint}
      </p>
    </>
  );
}

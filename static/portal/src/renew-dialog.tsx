import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type {
  PortalRenewalView,
  PortalRequestView,
  RenewEstimateResult,
} from '../../../src/contract/resolvers';
import type { Formatters } from '../../shared/src/formatting';
import { ErrorState } from '../../shared/src/states';
import type { PortalMessages } from './messages';
import { useSubmission } from './use-submission';

function Requested({ renewal, m, fmt }: { renewal: PortalRenewalView; m: PortalMessages; fmt: Formatters }) {
  return (
    <div role="status" data-testid="renewal-result">
      <SectionMessage appearance="success">
        <p style={{ margin: 0 }}>
          {renewal.requestedAt ? m.renewal.requested(fmt.date(renewal.requestedAt)) : null}{' '}
          {renewal.requestKey ? m.renewal.requestKey(renewal.requestKey) : null}
        </p>
      </SectionMessage>
    </div>
  );
}

/** "Request a new estimate" on a Customisation whose estimate expired (guide §3.2.3). */
export function RenewDialog({
  view,
  m,
  fmt,
  submit,
  close,
}: {
  view: PortalRequestView;
  m: PortalMessages;
  fmt: Formatters;
  submit: () => Promise<RenewEstimateResult>;
  close: () => void;
}) {
  const [renewal, setRenewal] = useState<PortalRenewalView | null>(
    view.estimateRenewal?.requestedAt ? view.estimateRenewal : null,
  );
  const { busy, failure, clearFailure, run } = useSubmission<RenewEstimateResult>();
  const [notExpired, setNotExpired] = useState(view.estimateRenewal === null);
  const onSubmit = () => {
    run(submit, (answer) => {
      if (answer.outcome === 'notExpired') setNotExpired(true);
      else setRenewal(answer.renewal);
    });
  };
  return (
    <div>
      <h1 style={{ font: token('font.heading.small'), margin: `0 0 ${token('space.150')}` }}>
        {m.renewal.title}
      </h1>
      {notExpired ? (
        <p>{m.renewal.notExpired}</p>
      ) : renewal ? (
        <Requested renewal={renewal} m={m} fmt={fmt} />
      ) : (
        <p>{m.renewal.explain}</p>
      )}
      {failure ? <ErrorState failure={failure} texts={m.error} onRetry={clearFailure} /> : null}
      <div
        style={{
          display: 'flex',
          justifyContent: 'flex-end',
          gap: token('space.100'),
          marginTop: token('space.200'),
        }}
      >
        <Button appearance="subtle" onClick={close}>
          {m.dialog.close}
        </Button>
        {!notExpired && !renewal ? (
          <Button appearance="primary" isDisabled={busy} onClick={onSubmit} testId="renewal-submit">
            {m.renewal.submit}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

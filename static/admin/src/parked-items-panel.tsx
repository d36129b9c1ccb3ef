import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { ParkedItem } from '../../../src/contract/resolvers';
import { PendingState } from '../../shared/src/states';
import { useResource } from '../../shared/src/use-resource';
import { useAdminEnvironment } from './admin-context';
import { DataTable } from './table';

/** What the last retry click came to, said beside the table. */
type RetryNote = { appearance: 'success' | 'information' | 'error'; text: string } | null;

/**
 * The Health tab's list of tickets and background work set aside after failing repeatedly: what, why, how
 * often and when, and a Retry button per item. After a retry the list loads again.
 */
export function ParkedItemsPanel() {
  const { m, fmt, invoke, language } = useAdminEnvironment();
  const t = m.parked;
  const [parked, reload] = useResource(() => invoke('getParkedItems', {}), [invoke]);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<RetryNote>(null);

  const retry = (item: ParkedItem) => {
    setBusy(item.id);
    setNote(null);
    invoke('retryParkedItem', { id: item.id }).then(
      (result) => {
        setBusy(null);
        setNote(
          result.retried
            ? { appearance: 'success', text: t.retried }
            : { appearance: 'information', text: t.alreadyRetried },
        );
        reload();
      },
      () => {
        setBusy(null);
        setNote({ appearance: 'error', text: t.retryFailed });
      },
    );
  };

  let body;
  if (parked.status !== 'ready') body = <PendingState resource={parked} texts={m} onRetry={reload} />;
  else if (parked.value.items.length === 0)
    body = (
      <SectionMessage appearance="success" title={t.title}>
        {t.none}
      </SectionMessage>
    );
  else
    body = (
      <>
        <p style={{ color: token('color.text.subtle') }}>{t.intro(parked.value.maxAttempts)}</p>
        <DataTable
          caption={t.title}
          columns={[t.columns.item, t.columns.reason, t.columns.attempts, t.columns.failed, t.columns.action]}
          rows={parked.value.items.map((item) => [
            item.subject[language],
            item.reason[language],
            fmt.number(item.attempts),
            t.failedBetween(fmt.dateTime(item.firstFailedAt), fmt.dateTime(item.lastFailedAt)),
            <Button
              key="retry"
              onClick={() => retry(item)}
              isDisabled={busy !== null}
              aria-label={`${t.retry}: ${item.subject[language]}`}
            >
              {busy === item.id ? t.retrying : t.retry}
            </Button>,
          ])}
        />
      </>
    );

  return (
    <section aria-label={t.title} style={{ marginTop: token('space.400') }}>
      <Heading size="small">{t.title}</Heading>
      {note ? (
        <div role="status" style={{ marginTop: token('space.100') }}>
          <SectionMessage appearance={note.appearance}>{note.text}</SectionMessage>
        </div>
      ) : null}
      <div style={{ marginTop: token('space.200') }}>{body}</div>
    </section>
  );
}

import { Fragment } from 'react';
import { IssueLink } from '../../shared/src/issue-link';
import { useAdminEnvironment } from './admin-context';

/** A ticket key as a link to the issue. */
export function TicketLink({ issueKey }: { issueKey: string }) {
  const { siteUrl, openIssue, m } = useAdminEnvironment();
  return (
    <IssueLink
      issueKey={issueKey}
      siteUrl={siteUrl}
      open={openIssue}
      label={m.activity.openTicket(issueKey)}
    />
  );
}

/** The listed ticket keys as links, with an ellipsis when more tickets are concerned than listed. */
export function TicketKeys({ count, tickets }: { count: number; tickets: string[] }) {
  return (
    <>
      {tickets.map((key, i) => (
        <Fragment key={key}>
          {i > 0 ? ', ' : null}
          <TicketLink issueKey={key} />
        </Fragment>
      ))}
      {count > tickets.length ? ', …' : null}
    </>
  );
}

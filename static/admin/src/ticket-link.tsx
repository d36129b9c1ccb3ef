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

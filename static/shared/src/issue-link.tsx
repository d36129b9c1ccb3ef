import { token } from '@atlaskit/tokens';
import type { MouseEvent } from 'react';

/**
 * A ticket key as a link to `/browse/KEY`. The href makes it a real link (copy, middle-click); a plain click
 * goes through the bridge router (`open`) because a Custom UI iframe may not navigate the top window.
 */
export function IssueLink({
  issueKey,
  siteUrl,
  open,
  label,
}: {
  issueKey: string;
  siteUrl: string;
  open: (issueKey: string) => Promise<void>;
  label: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void open(issueKey).catch(() => undefined);
  };
  return (
    <a
      href={`${siteUrl}/browse/${encodeURIComponent(issueKey)}`}
      target="_blank"
      rel="noreferrer"
      onClick={onClick}
      aria-label={label}
      style={{ color: token('color.link'), fontWeight: token('font.weight.medium') }}
    >
      {issueKey}
    </a>
  );
}

/** Base URL the simulated site answers `self` links with. */
export const SITE_URL = 'https://sim-site.atlassian.net';

/** Jira's date-time wire format: `2026-11-27T10:00:00.000+0000` (UTC offset without colon). */
export function jiraDateTime(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

/** JSM `DateDTO` for an ISO instant. */
export function dateDto(iso: string): {
  iso8601: string;
  jira: string;
  friendly: string;
  epochMillis: number;
} {
  const date = new Date(iso);
  return {
    iso8601: date.toISOString().replace('Z', '+0000'),
    jira: jiraDateTime(iso),
    friendly: date.toISOString().slice(0, 16).replace('T', ' '),
    epochMillis: date.getTime(),
  };
}

/** JSM `DurationDTO` (friendly as Jira prints it, e.g. `4h 30m`). */
export function durationDto(millis: number): { millis: number; friendly: string } {
  const totalMinutes = Math.round(Math.abs(millis) / 60000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const sign = millis < 0 ? '-' : '';
  return { millis, friendly: `${sign}${hours > 0 ? `${hours}h ` : ''}${minutes}m`.trim() };
}

/** Plain text of an ADF document (paragraph texts joined by newlines), as changelogs and JSM bodies show it. */
export function adfToText(doc: unknown): string {
  const lines: string[] = [];
  const walk = (node: unknown, line: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (n.type === 'text' && typeof n.text === 'string') line.push(n.text);
    if (Array.isArray(n.content)) {
      const block = n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell';
      const own: string[] = block ? [] : line;
      for (const child of n.content) walk(child, own);
      if (block) lines.push(own.join(''));
    }
  };
  const root: string[] = [];
  walk(doc, root);
  if (root.length > 0) lines.push(root.join(''));
  return lines.join('\n');
}

/** A one-paragraph ADF document for a plain text (JSM comment bodies are stored as ADF too). */
export function textToAdf(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  return {
    type: 'doc',
    version: 1,
    content: text.split('\n').map((line) => ({
      type: 'paragraph',
      content: line === '' ? [] : [{ type: 'text', text: line }],
    })),
  };
}

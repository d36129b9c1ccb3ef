import { doc, paragraph, text } from '@atlaskit/adf-utils/builders';

/** Atlassian Document Format body as the REST API takes it. */
export type AdfDocument = ReturnType<typeof doc>;

/**
 * Plain text (paragraphs separated by blank lines, lines by single newlines) as an ADF document.
 * Text is inserted as text nodes, so markup in it is never interpreted.
 */
export function textToAdf(plain: string): AdfDocument {
  const paragraphs = plain
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => {
      const lines = block.split('\n');
      const nodes = lines.flatMap((line, index) =>
        index === 0 ? [text(line)] : [{ type: 'hardBreak' as const }, text(line)],
      );
      return paragraph(...(nodes as Parameters<typeof paragraph>));
    });
  return doc(...(paragraphs.length > 0 ? paragraphs : [paragraph(text(' '))]));
}

/**
 * `plain` as in {@link textToAdf}, followed by one paragraph that mentions each account (Jira notifies them).
 * Without accounts it is `textToAdf(plain)`.
 */
export function textWithMentionsToAdf(plain: string, accountIds: readonly string[]): AdfDocument {
  const body = textToAdf(plain);
  if (accountIds.length === 0) return body;
  const mentions = accountIds.flatMap((id, index) => [
    ...(index > 0 ? [text(' ')] : []),
    { type: 'mention' as const, attrs: { id } },
  ]);
  return { ...body, content: [...body.content, paragraph(...(mentions as Parameters<typeof paragraph>))] };
}

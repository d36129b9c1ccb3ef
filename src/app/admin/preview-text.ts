import type { PreviewTextResult } from '../../contract/admin-views';
import { substitutePlaceholders, unknownPlaceholders } from '../../domain/texts/placeholders';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { previewTextPayloadSchema } from './settings-payload-schema';

/**
 * Renders a message template (as typed, or the saved one) with sample values, and lists placeholders the
 * message does not know, so a typo such as `{issueKy}` is caught before it reaches a customer. Admins only.
 */
export async function previewText(payload: unknown, deps: AdminDeps): Promise<PreviewTextResult> {
  await requireJiraAdmin(deps);
  const parsed = previewTextPayloadSchema.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const { messageKey, language, template, params } = parsed.data;
  const key = messageKey;
  const { config } = await deps.app.config.load();
  const text = template ?? config.texts[key][language];
  return { text: substitutePlaceholders(text, params), unknownPlaceholders: unknownPlaceholders(key, text) };
}

import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type {
  Bilingual,
  Language,
  MessageCatalogEntry,
  MessageKey,
  PreviewTextResult,
} from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { FieldGrid, TextAreaField } from './fields';
import type { EditorProps } from './settings-sections';

/** Customer messages in German and English, each with a live preview rendered by the server (`previewText`). */
export function TextsEditor({
  value,
  onChange,
  disabled,
  catalog,
}: EditorProps<Record<MessageKey, Bilingual>> & { catalog: MessageCatalogEntry[] }) {
  const { m } = useAdminEnvironment();
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      {catalog.map((entry) => (
        <div key={entry.key}>
          <h4 style={{ margin: `0 0 ${token('space.100')}`, font: token('font.heading.xxsmall') }}>
            {m.texts.messages[entry.key]}
          </h4>
          <p
            style={{
              margin: `0 0 ${token('space.100')}`,
              font: token('font.body.small'),
              color: token('color.text.subtle'),
            }}
          >
            {entry.params.map((p) => `{${p.name}}`).join(' ')}
          </p>
          <FieldGrid min="18rem">
            {(['de', 'en'] as const).map((language) => (
              <div key={language} style={{ display: 'grid', gap: token('space.100') }}>
                <TextAreaField
                  path={`texts.${entry.key}.${language}`}
                  label={`${m.texts.messages[entry.key]} (${language.toUpperCase()})`}
                  value={value[entry.key][language]}
                  disabled={disabled}
                  onChange={(text) =>
                    onChange({ ...value, [entry.key]: { ...value[entry.key], [language]: text } })
                  }
                />
                <Preview entry={entry} language={language} template={value[entry.key][language]} />
              </div>
            ))}
          </FieldGrid>
        </div>
      ))}
    </div>
  );
}

/** Renders the template 400 ms after the admin stops typing; an older answer never replaces a newer one. */
function Preview({
  entry,
  language,
  template,
}: {
  entry: MessageCatalogEntry;
  language: Language;
  template: string;
}) {
  const { m, invoke } = useAdminEnvironment();
  const [result, setResult] = useState<PreviewTextResult | 'failed' | null>(null);

  useEffect(() => {
    if (template.trim() === '') {
      setResult(null);
      return;
    }
    let current = true;
    const params = Object.fromEntries(entry.params.map((p) => [p.name, p.sample]));
    const timer = setTimeout(() => {
      invoke('previewText', { messageKey: entry.key, language, template, params }).then(
        (r) => current && setResult(r),
        () => current && setResult('failed'),
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [entry, language, template, invoke]);

  return (
    <div
      aria-live="polite"
      aria-label={`${m.texts.preview} (${language.toUpperCase()})`}
      style={{
        background: token('color.background.neutral.subtle.hovered'),
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.small', '3px'),
        padding: token('space.100'),
        whiteSpace: 'pre-wrap',
        font: token('font.body.small'),
      }}
    >
      <span style={{ color: token('color.text.subtle'), fontWeight: 600 }}>{m.texts.preview}: </span>
      {result === null ? (
        <span style={{ color: token('color.text.subtle') }}>{m.texts.previewEmpty}</span>
      ) : result === 'failed' ? (
        <span style={{ color: token('color.text.danger') }}>{m.error.generic}</span>
      ) : (
        <>
          {result.text}
          {result.unknownPlaceholders.map((p) => (
            <span key={p} style={{ display: 'block', color: token('color.text.warning') }}>
              {m.texts.unknown(p)}
            </span>
          ))}
        </>
      )}
    </div>
  );
}

import { token } from '@atlaskit/tokens';
import { useContext, useEffect, useState } from 'react';
import type {
  Bilingual,
  Language,
  MessageCatalogEntry,
  MessageKey,
  PreviewTextResult,
} from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { FieldErrorsContext, FieldGrid, TextAreaField } from './fields';
import type { EditorProps } from './settings-sections';

/**
 * Every message the app writes (replies to customers and internal notes) in German and English, each with the
 * placeholders it allows and a live preview rendered by the server (`previewText`). Messages are collapsed so
 * the page stays short and only an opened message asks for previews; one with a save error opens by itself.
 */
export function TextsEditor({
  value,
  onChange,
  disabled,
  catalog,
}: EditorProps<Record<MessageKey, Bilingual>> & { catalog: MessageCatalogEntry[] }) {
  const errors = useContext(FieldErrorsContext);
  const [open, setOpen] = useState<ReadonlySet<MessageKey>>(
    () => new Set(catalog.slice(0, 1).map((e) => e.key)),
  );
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      {catalog.map((entry) => {
        const hasError = [...errors.keys()].some((path) => path.startsWith(`texts.${entry.key}`));
        const isOpen = open.has(entry.key) || hasError;
        return (
          <MessageEditor
            key={entry.key}
            entry={entry}
            open={isOpen}
            onToggle={(next) => {
              const set = new Set(open);
              if (next) set.add(entry.key);
              else set.delete(entry.key);
              setOpen(set);
            }}
            value={value[entry.key]}
            disabled={disabled}
            onChange={(text) => onChange({ ...value, [entry.key]: text })}
          />
        );
      })}
    </div>
  );
}

function MessageEditor({
  entry,
  open,
  onToggle,
  value,
  disabled,
  onChange,
}: {
  entry: MessageCatalogEntry;
  open: boolean;
  onToggle: (open: boolean) => void;
  value: Bilingual;
  disabled: boolean;
  onChange: (value: Bilingual) => void;
}) {
  const { m } = useAdminEnvironment();
  const label = m.texts.messages[entry.key];
  const placeholders = entry.params.map((p) => `{${p.name}}`).join(' ') || m.texts.noPlaceholders;
  return (
    <details
      open={open}
      onToggle={(e) => {
        if (e.currentTarget.open !== open) onToggle(e.currentTarget.open);
      }}
      style={{ border: `1px solid ${token('color.border')}`, borderRadius: token('radius.small', '3px') }}
    >
      <summary
        style={{ cursor: 'pointer', padding: token('space.100'), font: token('font.heading.xxsmall') }}
      >
        {label}{' '}
        <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
          · {m.texts.audience[entry.audience]}
        </span>
      </summary>
      {open ? (
        <div style={{ padding: `0 ${token('space.100')} ${token('space.100')}` }}>
          <p
            style={{
              margin: `0 0 ${token('space.100')}`,
              font: token('font.body.small'),
              color: token('color.text.subtle'),
            }}
          >
            {m.texts.placeholders} <code>{placeholders}</code>
          </p>
          <FieldGrid min="18rem">
            {(['de', 'en'] as const).map((language) => (
              <div key={language} style={{ display: 'grid', gap: token('space.100') }}>
                <TextAreaField
                  path={`texts.${entry.key}.${language}`}
                  label={`${label} (${language.toUpperCase()})`}
                  value={value[language]}
                  disabled={disabled}
                  onChange={(text) => onChange({ ...value, [language]: text })}
                />
                <Preview entry={entry} language={language} template={value[language]} />
              </div>
            ))}
          </FieldGrid>
        </div>
      ) : null}
    </details>
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

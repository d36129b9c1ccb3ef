import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

const row = {
  display: 'grid',
  gap: token('space.150'),
  alignItems: 'end',
} as const;

/**
 * An editable list of mappings: a note while it is empty, one row per item with its fields side by side and a
 * button that removes it, and a button that appends `blank`.
 */
export function MappingRows<T>({
  items,
  blank,
  columns,
  emptyText,
  addLabel,
  removeLabel,
  disabled,
  onChange,
  children,
}: {
  items: T[];
  blank: T;
  columns: string;
  emptyText: string;
  addLabel: string;
  removeLabel: (n: number) => string;
  disabled: boolean;
  onChange: (items: T[]) => void;
  children: (item: T, index: number) => ReactNode;
}) {
  return (
    <>
      {items.length === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>{emptyText}</p>
      ) : null}
      {items.map((item, index) => (
        <div key={index} style={{ ...row, gridTemplateColumns: columns }}>
          {children(item, index)}
          <Button
            appearance="subtle"
            isDisabled={disabled}
            aria-label={removeLabel(index + 1)}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            ✕
          </Button>
        </div>
      ))}
      <div>
        <Button isDisabled={disabled} onClick={() => onChange([...items, blank])}>
          {addLabel}
        </Button>
      </div>
    </>
  );
}

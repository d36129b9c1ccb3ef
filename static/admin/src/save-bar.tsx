import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { useAdminEnvironment } from './admin-context';

/**
 * The save bar, sticky at the bottom of the view; the page keeps focused fields clear of it with scroll
 * padding. `children` goes before the buttons (what the save would change).
 */
export function SaveBar({
  saving,
  onSave,
  onReset,
  children,
}: {
  saving: boolean;
  onSave: () => void;
  onReset: () => void;
  children?: ReactNode;
}) {
  const { m } = useAdminEnvironment();
  return (
    <div
      data-testid="save-bar"
      style={{
        position: 'sticky',
        bottom: 0,
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: token('space.100'),
        padding: `${token('space.150')} 0`,
        background: token('elevation.surface'),
        borderTop: `1px solid ${token('color.border')}`,
      }}
    >
      {children}
      <Button appearance="primary" isLoading={saving} onClick={onSave}>
        {saving ? m.saving : m.save}
      </Button>
      <Button appearance="subtle" onClick={onReset}>
        {m.reset}
      </Button>
    </div>
  );
}

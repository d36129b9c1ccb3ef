import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, type ReactNode } from 'react';
import { useAdminEnvironment } from './admin-context';

/** Space kept between a focused control and the save bar. */
const CLEARANCE_PX = 16;

/**
 * Keeps the control that takes focus clear of the sticky bar `bar` (WCAG 2.2, 2.4.11). The page's scroll padding
 * covers focus that scrolls; a control the browser counts as visible already (partly under the bar, e.g. a tall
 * text area, or after the bar grew) is scrolled up by the part the bar hides.
 */
function useFocusClearOf(bar: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const target = event.target;
      const element = bar.current;
      if (!(target instanceof HTMLElement) || !element || element.contains(target)) return;
      const barTop = element.getBoundingClientRect().top;
      const box = target.getBoundingClientRect();
      const hidden = box.bottom + CLEARANCE_PX - barTop;
      // A control taller than the space above the bar (a whole panel) is left where it is.
      if (hidden > 0 && box.height < barTop - CLEARANCE_PX) window.scrollBy({ top: hidden });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [bar]);
}

/**
 * The save bar, sticky at the bottom of the view; focused fields are kept clear of it (scroll padding, and
 * `useFocusClearOf` for what the padding misses). `children` goes before the buttons (what the save would change).
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
  const bar = useRef<HTMLDivElement>(null);
  useFocusClearOf(bar);
  return (
    <div
      ref={bar}
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

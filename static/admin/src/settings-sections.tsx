import { token } from '@atlaskit/tokens';

/** Props every section editor takes: its value, a setter, and whether it is read-only (project follows site). */
export interface EditorProps<T> {
  value: T;
  onChange: (value: T) => void;
  disabled: boolean;
}

export function SubHeading({ children }: { children: string }) {
  return (
    <h4
      style={{ margin: `${token('space.200')} 0 ${token('space.100')}`, font: token('font.heading.xxsmall') }}
    >
      {children}
    </h4>
  );
}

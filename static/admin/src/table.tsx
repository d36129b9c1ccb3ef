import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/** A plain, accessible data table styled with tokens; scrolls horizontally instead of breaking the page. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: ReactNode[][];
}) {
  const cell = {
    padding: `${token('space.075')} ${token('space.100')}`,
    textAlign: 'left' as const,
    verticalAlign: 'top' as const,
  };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', font: token('font.body') }}>
        <caption
          style={{
            textAlign: 'left',
            font: token('font.heading.xsmall'),
            padding: `${token('space.100')} 0`,
          }}
        >
          {caption}
        </caption>
        <thead>
          <tr style={{ borderBottom: `2px solid ${token('color.border')}` }}>
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                style={{
                  ...cell,
                  color: token('color.text.subtle'),
                  font: token('font.body.small'),
                  fontWeight: 600,
                }}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} style={{ borderBottom: `1px solid ${token('color.border')}` }}>
              {row.map((value, j) => (
                <td key={j} style={cell}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

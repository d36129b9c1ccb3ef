import { token } from '@atlaskit/tokens';
import type { SettingsSection } from '../../../src/contract/resolvers';
import { useAdminEnvironment } from './admin-context';
import { sectionAnchor, SECTION_ORDER } from './section-editors';

/**
 * The settings tab's sections as a list of links, so an admin jumps to one instead of scrolling the form. A
 * link moves focus to its section (which the keyboard then continues from), not only the view.
 */
export function SectionNav({ siteScope }: { siteScope: boolean }) {
  const { m } = useAdminEnvironment();
  const entries: [string, string][] = [
    ...(siteScope
      ? ([
          [sectionAnchor('automation'), m.automation.title],
          [sectionAnchor('projects'), m.projects.title],
        ] as [string, string][])
      : []),
    ...SECTION_ORDER.map((s: SettingsSection): [string, string] => [sectionAnchor(s), m.sections[s]]),
  ];
  return (
    <nav aria-label={m.sectionNav} style={{ marginBottom: token('space.200') }}>
      <ul
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: `${token('space.050')} ${token('space.150')}`,
          listStyle: 'none',
          margin: 0,
          padding: 0,
        }}
      >
        {entries.map(([anchor, title]) => (
          <li key={anchor}>
            <a
              href={`#${anchor}`}
              onClick={(event) => {
                const section = document.getElementById(anchor);
                if (!section) return;
                event.preventDefault();
                section.scrollIntoView({ block: 'start' });
                section.focus({ preventScroll: true });
              }}
            >
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

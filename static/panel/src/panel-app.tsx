import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { PanelView } from '../../../src/contract/resolvers';
import { EmptyState, ErrorState, LoadingState } from '../../shared/src/states';
import { useResource } from '../../shared/src/use-resource';
import { loadPanel } from './api';
import { DeliveryPanel } from './delivery-panel';
import { usePanelEnvironment } from './panel-context';
import { TicketPanel } from './ticket-panel';

/** The issue panel: one `getPanel` call, then loading, error, empty or the ticket's view. */
export function PanelApp({ load = loadPanel }: { load?: () => Promise<PanelView> }) {
  const { m, fmt } = usePanelEnvironment();
  const [resource, reload] = useResource(load, [load]);

  if (resource.status === 'loading') return <LoadingState label={m.loading} />;
  if (resource.status === 'error')
    return <ErrorState failure={resource.failure} texts={m.error} onRetry={reload} />;

  const view = resource.value;
  return (
    <div>
      {view.dryRun ? (
        <div style={{ marginBottom: token('space.150') }}>
          <SectionMessage appearance="discovery">
            <p style={{ margin: 0 }}>{m.dryRun}</p>
          </SectionMessage>
        </div>
      ) : null}
      {view.view === 'ticket' ? (
        <TicketPanel view={view} />
      ) : view.view === 'delivery' ? (
        <DeliveryPanel view={view} />
      ) : (
        <EmptyState title={m.unsupportedTitle}>{m.unsupported[view.reason]}</EmptyState>
      )}
      <footer
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: token('space.100'),
          borderTop: `1px solid ${token('color.border')}`,
          paddingTop: token('space.100'),
          marginTop: token('space.050'),
          color: token('color.text.subtlest'),
          font: token('font.body.small'),
        }}
      >
        <span>{m.computedAt(fmt.dateTime(view.computedAt))}</span>
        <Button appearance="subtle" spacing="compact" onClick={reload}>
          {m.refresh}
        </Button>
      </footer>
    </div>
  );
}

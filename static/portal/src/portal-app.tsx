import { token } from '@atlaskit/tokens';
import { useEffect, useMemo } from 'react';
import type { Language, PortalView } from '../../../src/contract/resolvers';
import { createFormatters } from '../../shared/src/formatting';
import { EmptyState, ErrorState, LoadingState } from '../../shared/src/states';
import { useResource } from '../../shared/src/use-resource';
import {
  announceRequestChanged,
  closeDialog,
  escalateRequest,
  loadPortal,
  onRequestChanged,
  requestNewEstimate,
} from './api';
import { EscalateDialog } from './escalate-dialog';
import { portalMessages } from './messages';
import { PortalPanel } from './portal-panel';
import { RenewDialog } from './renew-dialog';

/** Which module this page renders: the request panel, or one of the two actions' dialogs. */
export type PortalModule = 'panel' | 'escalate' | 'renewEstimate';

/**
 * One `getPortal` call, then loading, error, empty or the module's view. Texts follow the language the app
 * decided for the customer (`view.language`); until it is known, the portal's locale.
 */
export function PortalApp({
  module,
  localeLanguage,
  timeZone,
}: {
  module: PortalModule;
  localeLanguage: Language;
  timeZone: string | undefined;
}) {
  const [resource, reload] = useResource<PortalView>(loadPortal, []);
  // The panel follows what the action dialogs change (they emit an app event after a successful submit).
  useEffect(() => (module === 'panel' ? onRequestChanged(reload) : undefined), [module, reload]);
  const language = resource.status === 'ready' ? resource.value.language : localeLanguage;
  const m = portalMessages(language);
  const fmt = useMemo(() => createFormatters(language, timeZone), [language, timeZone]);
  if (typeof document !== 'undefined') document.documentElement.lang = language;

  if (resource.status === 'loading') return <LoadingState label={m.loading} />;
  if (resource.status === 'error')
    return <ErrorState failure={resource.failure} texts={m.error} onRetry={reload} />;
  const view = resource.value;
  if (view.view === 'unsupported') return <EmptyState title={m.unsupported} />;
  const close = () => void closeDialog().catch(() => undefined);
  const announced =
    <T,>(submit: () => Promise<T>) =>
    async () => {
      const answer = await submit();
      void announceRequestChanged().catch(() => undefined);
      return answer;
    };
  return (
    <div style={{ color: token('color.text') }}>
      {module === 'escalate' ? (
        <EscalateDialog
          view={view}
          m={m}
          fmt={fmt}
          submit={(payload) => announced(() => escalateRequest(payload))()}
          close={close}
        />
      ) : module === 'renewEstimate' ? (
        <RenewDialog view={view} m={m} fmt={fmt} submit={announced(requestNewEstimate)} close={close} />
      ) : (
        <PortalPanel view={view} m={m} fmt={fmt} />
      )}
    </div>
  );
}

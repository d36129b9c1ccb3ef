import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { MouseEvent, ReactNode } from 'react';
import type { PortalEscalationView, PortalRequestView } from '../../../src/contract/resolvers';
import type { Formatters } from '../../shared/src/formatting';
import type { PortalMessages } from './messages';
import { openRequest } from './api';

/**
 * A request of the customer's organization in the portal. The href keeps it a real link (copy, middle-click);
 * a plain click goes through the bridge router, as a Custom UI frame may not navigate the top window.
 */
function RequestLink({ url, issueKey }: { url: string; issueKey: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void openRequest(url).catch(() => undefined);
  };
  return (
    <a href={url} target="_blank" rel="noreferrer" onClick={onClick} style={{ color: token('color.link') }}>
      {issueKey}
    </a>
  );
}

/** A titled block of the panel. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: token('space.200') }}>
      <h2 style={{ font: token('font.heading.xsmall'), margin: `0 0 ${token('space.050')}` }}>{title}</h2>
      {children}
    </section>
  );
}

const paragraph = { margin: 0 } as const;

/** The escalation state as the customer reads it: where the request is, what they can do next, the history. */
export function EscalationSummary({
  escalation,
  m,
  fmt,
}: {
  escalation: PortalEscalationView;
  m: PortalMessages;
  fmt: Formatters;
}) {
  const e = escalation;
  return (
    <div data-testid="portal-escalation">
      <p style={paragraph}>
        {e.currentLevel > 0 && e.currentLevelName
          ? m.currentLevel(e.currentLevel, e.currentLevelName)
          : m.notEscalated}
      </p>
      {e.nextLevel !== null && e.nextLevelName ? (
        <p style={paragraph}>
          {m.nextLevel(e.nextLevel, e.nextLevelName)}
          {e.allowedFrom ? ` ${m.waitUntil(fmt.dateTime(e.allowedFrom))}` : ''}
        </p>
      ) : e.currentLevel > 0 ? (
        <p style={paragraph}>{m.topReached}</p>
      ) : null}
      {e.history.length > 0 ? (
        <ul style={{ margin: `${token('space.050')} 0 0`, paddingLeft: token('space.250') }}>
          {e.history.map((h) => (
            <li key={h.level}>
              {m.historyEntry(h.level, h.levelName, m.reasons[h.reason], fmt.dateTime(h.at))}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Everything the customer sees on one request; nothing internal is in the view to begin with. */
export function PortalPanel({
  view,
  m,
  fmt,
}: {
  view: PortalRequestView;
  m: PortalMessages;
  fmt: Formatters;
}) {
  return (
    <div>
      <Section title={m.nextStep}>
        <SectionMessage appearance="information">
          <p style={paragraph} data-testid="portal-next-step">
            {view.nextStep}
          </p>
        </SectionMessage>
      </Section>
      {view.priority ? (
        <Section title={m.priority}>
          <p
            style={{ ...paragraph, fontWeight: token('font.weight.semibold') }}
            data-testid="portal-priority"
          >
            {m.priorityLine(view.priority.level, view.priority.severity)}
          </p>
          <p style={paragraph}>{view.priority.meaning}</p>
        </Section>
      ) : null}
      {view.deliveryVersion ? (
        <Section title={m.deliveryVersion}>
          <p style={paragraph} data-testid="portal-version">
            {view.deliveryVersion.kind === 'custom'
              ? m.customExplained(view.deliveryVersion.text)
              : view.deliveryVersion.text}
          </p>
        </Section>
      ) : null}
      {view.delivery ? <DeliverySection delivery={view.delivery} m={m} fmt={fmt} /> : null}
      {view.confidential ? (
        <Section title={m.confidential}>
          <p style={paragraph} data-testid="portal-confidential">
            {m.confidentialText}
          </p>
        </Section>
      ) : null}
      <Section title={m.escalation}>
        <EscalationSummary escalation={view.escalation} m={m} fmt={fmt} />
      </Section>
    </div>
  );
}

/** The Delivery: its estimated date and the tickets it includes, each linked when the customer may open it. */
function DeliverySection({
  delivery,
  m,
  fmt,
}: {
  delivery: NonNullable<PortalRequestView['delivery']>;
  m: PortalMessages;
  fmt: Formatters;
}) {
  return (
    <Section title={m.delivery}>
      {delivery.estimatedDate ? (
        <p style={paragraph}>
          {m.estimatedDate(fmt.date(delivery.estimatedDate))} {m.estimateNote}
        </p>
      ) : null}
      {delivery.included.length === 0 ? (
        <p style={paragraph}>{m.included.none}</p>
      ) : (
        <table
          data-testid="portal-included"
          style={{ borderCollapse: 'collapse', marginTop: token('space.100') }}
        >
          <thead>
            <tr>
              {[m.included.key, m.included.type, m.included.summary].map((h) => (
                <th
                  key={h}
                  scope="col"
                  style={{
                    textAlign: 'left',
                    padding: token('space.050'),
                    borderBottom: `1px solid ${token('color.border')}`,
                  }}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {delivery.included.map((t) => (
              <tr key={t.key}>
                <td style={{ padding: token('space.050'), whiteSpace: 'nowrap' }}>
                  {t.url ? (
                    <RequestLink url={t.url} issueKey={t.key} />
                  ) : (
                    <span>
                      {t.key}{' '}
                      <small style={{ color: token('color.text.subtle') }}>({m.included.notOpenable})</small>
                    </span>
                  )}
                </td>
                <td style={{ padding: token('space.050') }}>{t.typeName}</td>
                <td style={{ padding: token('space.050') }}>{t.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

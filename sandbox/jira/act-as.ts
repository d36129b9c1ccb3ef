import type { JiraSite, Principal } from '../contract';
import type { AdfDoc, RequestChannel } from './model/types';
import { CHANNEL_HEADER, UI_CHANNEL } from './mutations/request-channel';
import { textToAdf } from './render/format';

/** A person's (or the app's) REST call that the site refused. */
export class ActAsError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`Site answered ${status}: ${body}`);
    this.name = 'ActAsError';
  }
}

/** Helpers to act as someone; each goes through `site.handle` so validation, limits and events all apply. */
export interface ActAs {
  /**
   * Create an issue; returns its key. `fields` are extra REST fields (custom fields, description ADF…).
   * `channel` is how the request came in (JQL `request-channel-type`); default: `portal` for customers, `jira`
   * for agents and the app. `email` stands for the JSM mail handler creating the ticket for this customer.
   */
  createIssue(input: {
    project: string;
    issueType: string;
    summary: string;
    requestTypeId?: string;
    fields?: Record<string, unknown>;
    channel?: RequestChannel;
  }): Promise<string>;
  /** Comment: public through the JSM API (as a customer would), internal through the platform API. */
  comment(key: string, text: string, options?: { internal?: boolean }): Promise<string>;
  /** Transition to a status (by name) or by transition id; optional resolution name and comment. */
  transition(
    key: string,
    to: { status?: string; transitionId?: string; resolution?: string; comment?: string },
  ): Promise<void>;
  /**
   * A customer transition by its portal name ("Close ticket", "Withdraw request", "Decline estimate") through JSM's
   * `…/request/{key}/transition`, with an optional public comment, as a customer does it on the portal.
   */
  customerTransition(key: string, name: string, comment?: string): Promise<void>;
  /**
   * PUT the issue's `fields`. Reclassify with `{ issuetype: { name: 'Software Defect' } }` (or `{ id }`): the
   * site refuses (400 on `issuetype`) when the target type's workflow lacks the current status.
   */
  edit(key: string, fields: Record<string, unknown>): Promise<void>;
  /** `source <outward> destination`, e.g. `link('Delivery', 'SD-9', 'SD-1')` = "SD-9 ships SD-1". */
  link(typeName: string, sourceKey: string, destinationKey: string): Promise<void>;
  setProperty(key: string, propertyKey: string, value: unknown): Promise<void>;
  /** Add request participants through the JSM API (one `updated:issue` event when someone new joins). */
  addParticipants(key: string, accountIds: string[]): Promise<void>;
  /** Any request as this principal; throws `ActAsError` on a status ≥ 400. */
  request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Send = (
  method: Method,
  path: string,
  body: unknown,
  headers: Record<string, string>,
) => Promise<unknown>;

/** One JSON request through `site.handle` as `principal`; a status ≥ 400 throws `ActAsError`. */
function sendAs(site: JiraSite, principal: Principal): Send {
  return async (method, path, body, headers) => {
    const res = await site.handle({
      method,
      path,
      headers: { 'content-type': 'application/json', ...headers },
      principal,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 400) throw new ActAsError(res.status, res.body);
    return res.body === '' ? undefined : JSON.parse(res.body);
  };
}

export function actAs(site: JiraSite, principal: Principal): ActAs {
  const send = sendAs(site, principal);
  const request = (method: Method, path: string, body?: unknown) => send(method, path, body, {});
  const adf = (text: string): AdfDoc => textToAdf(text);
  return {
    request,
    async createIssue({ project, issueType, summary, requestTypeId, fields = {}, channel }) {
      const body = {
        fields: {
          project: { key: project },
          issuetype: { name: issueType },
          summary,
          ...(requestTypeId ? { customfield_10010: requestTypeId } : {}),
          ...fields,
        },
      };
      const created = (await send('POST', '/rest/api/3/issue', body, {
        [CHANNEL_HEADER]: channel ?? UI_CHANNEL,
      })) as { key: string };
      return created.key;
    },
    async comment(key, text, options = {}) {
      if (options.internal) {
        const comment = (await request('POST', `/rest/api/3/issue/${key}/comment`, {
          body: adf(text),
          properties: [{ key: 'sd.public.comment', value: { internal: true } }],
        })) as { id: string };
        return comment.id;
      }
      const comment = (await request('POST', `/rest/servicedeskapi/request/${key}/comment`, {
        body: text,
        public: true,
      })) as { id: string };
      return comment.id;
    },
    async transition(key, to) {
      let transitionId = to.transitionId;
      if (transitionId === undefined) {
        const list = (await request('GET', `/rest/api/3/issue/${key}/transitions`)) as {
          transitions: { id: string; to: { name: string } }[];
        };
        transitionId = list.transitions.find((t) => t.to.name === to.status)?.id;
        if (transitionId === undefined)
          throw new ActAsError(400, `No transition from the current status to '${to.status ?? ''}'`);
      }
      await request('POST', `/rest/api/3/issue/${key}/transitions`, {
        transition: { id: transitionId },
        ...(to.resolution ? { fields: { resolution: { name: to.resolution } } } : {}),
        ...(to.comment ? { update: { comment: [{ add: { body: adf(to.comment) } }] } } : {}),
      });
    },
    async customerTransition(key, name, comment) {
      const list = (await request('GET', `/rest/servicedeskapi/request/${key}/transition`)) as {
        values: { id: string; name: string }[];
      };
      const id = list.values.find((t) => t.name === name)?.id;
      if (id === undefined) throw new ActAsError(400, `No customer transition '${name}' on ${key} now`);
      await request('POST', `/rest/servicedeskapi/request/${key}/transition`, {
        id,
        ...(comment === undefined ? {} : { additionalComment: { body: comment } }),
      });
    },
    async edit(key, fields) {
      await request('PUT', `/rest/api/3/issue/${key}`, { fields });
    },
    async link(typeName, sourceKey, destinationKey) {
      await request('POST', '/rest/api/3/issueLink', {
        type: { name: typeName },
        inwardIssue: { key: sourceKey },
        outwardIssue: { key: destinationKey },
      });
    },
    async addParticipants(key, accountIds) {
      await request('POST', `/rest/servicedeskapi/request/${key}/participant`, { accountIds });
    },
    async setProperty(key, propertyKey, value) {
      await request('PUT', `/rest/api/3/issue/${key}/properties/${encodeURIComponent(propertyKey)}`, value);
    },
  };
}

import type { KeyValueStore } from '../ports';
import { cachedAnswer } from '../shared/cached-answer';
import { accountIdOf } from '../shared/field-values';
import type { CustomerRequests, RequestAccess } from './portal-ports';

/** How long a "yes, JSM shows this user the request" is reused for the panel's views. */
const SHOWN_MS = 60 * 60 * 1000;
/** A "no" is kept only briefly, so that a newly added participant sees the panel at once. */
const NOT_SHOWN_MS = 5 * 60 * 1000;

/**
 * The panel's access check behind the page's answer. The page's customer-request answer can be forged in the
 * browser; the Forge context (the request and the account) cannot. So the app vouches for the user itself: the
 * request's reporter, per the app's own read of it, on a request without a security level, is shown the view at
 * once (JSM shows reporters their requests); anyone else (participants, agents) is asked of JSM by the backend as
 * the user, kept per installation, user and request for an hour (a "no" for 5 minutes).
 */
export function panelAccess(
  store: KeyValueStore,
  who: { accountId: string; issueKey: string },
  now: Date,
  customer: CustomerRequests,
): RequestAccess {
  return {
    async confirm(issue) {
      const reporter = accountIdOf(issue.fields?.reporter);
      const secured = issue.fields?.security !== undefined && issue.fields.security !== null;
      if (reporter === who.accountId && !secured) return true;
      return cachedAnswer(
        store,
        `portal-access:${who.accountId}:${who.issueKey}`,
        now,
        { yesMs: SHOWN_MS, noMs: NOT_SHOWN_MS },
        async () => (await customer.visibleRequest(who.issueKey))?.issueKey === who.issueKey,
      );
    },
  };
}

/** The actions' check: the backend asked JSM as the user already (`PortalDeps.customer`), nothing more to ask. */
export const ASKED_AS_USER: RequestAccess = { confirm: () => Promise.resolve(true) };

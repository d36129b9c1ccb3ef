import type { KeyValueStore } from '../ports';
import type { EntityProperty, JiraGateway } from '../ports/jira';
import { dropPortalCopy, patchPortalCopy } from './portal-copy';

/** The Jira writes that may carry the app's properties. */
type PropertyWrites = Pick<JiraGateway, 'setIssueProperty' | 'editIssue' | 'doTransition'>;

/**
 * The Jira port with every landed write of the app's properties also patched into the portal's copy of the
 * ticket (`portal-copy.ts`), whichever call carries it: the property alone, an edit or a transition. An edit of
 * fields or a transition changes what the copy holds, and the app receives no event of its own writes, so it
 * marks the copy stale instead: the next view reads the ticket. The copy is patched or marked after Jira
 * answered, so it never shows a state Jira does not hold; a writer that dies in between leaves the copy one
 * write behind until the ticket's next read or write.
 */
export function portalCopiedJira<J extends PropertyWrites>(jira: J, store: KeyValueStore): J {
  const patch = async (key: string, properties: readonly EntityProperty[] | undefined) => {
    for (const p of properties ?? []) await patchPortalCopy(store, key, p.key, p.value);
  };
  const overrides: Partial<PropertyWrites> = {
    setIssueProperty: async (key, propertyKey, value, options) => {
      await jira.setIssueProperty(key, propertyKey, value, options);
      await patch(key, [{ key: propertyKey, value }]);
    },
    editIssue: async (key, edit, options) => {
      await jira.editIssue(key, edit, options);
      if (Object.keys(edit.fields ?? {}).length > 0) await dropPortalCopy(store, key);
      else await patch(key, edit.properties);
    },
    doTransition: async (key, transition) => {
      await jira.doTransition(key, transition);
      await dropPortalCopy(store, key);
    },
  };
  return new Proxy(jira, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof PropertyWrites];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

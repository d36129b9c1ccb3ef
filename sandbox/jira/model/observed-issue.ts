import type { SimIssue } from './types';

/** The issue attributes the store keeps bucket indexes for. */
export type IndexedAttribute = 'projectId' | 'statusId' | 'issueTypeId';

export const INDEXED_ATTRIBUTES: readonly IndexedAttribute[] = ['projectId', 'statusId', 'issueTypeId'];

/** What changed on an observed issue. */
export type IssueChange =
  | { kind: 'attribute'; attribute: IndexedAttribute; from: string; to: string }
  /** An entity property was set, replaced or deleted (`key` undefined: the whole `properties` object). */
  | { kind: 'property'; key: string | undefined };

type Listener = (issue: SimIssue, change: IssueChange) => void;

interface Observation {
  values: Record<IndexedAttribute, string>;
  properties: Record<string, unknown>;
  listener: Listener;
}

const OBSERVATION = Symbol('observation');
type Observed = SimIssue & { [OBSERVATION]: Observation };

function observation(issue: SimIssue): Observation {
  return (issue as Observed)[OBSERVATION];
}

/** Entity properties behind a proxy that reports writes of any top-level key. */
function watchedProperties(issue: SimIssue, raw: Record<string, unknown>): Record<string, unknown> {
  const report = (key: string | symbol) => {
    if (typeof key === 'string') observation(issue).listener(issue, { kind: 'property', key });
  };
  return new Proxy(raw, {
    set(target, key, value) {
      const done = Reflect.set(target, key, value);
      report(key);
      return done;
    },
    deleteProperty(target, key) {
      const done = Reflect.deleteProperty(target, key);
      report(key);
      return done;
    },
    defineProperty(target, key, descriptor) {
      const done = Reflect.defineProperty(target, key, descriptor);
      report(key);
      return done;
    },
  });
}

function attributeDescriptor(attribute: IndexedAttribute): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: SimIssue) {
      return observation(this).values[attribute];
    },
    set(this: SimIssue, to: string) {
      const seen = observation(this);
      const from = seen.values[attribute];
      seen.values[attribute] = to;
      if (from !== to) seen.listener(this, { kind: 'attribute', attribute, from, to });
    },
  };
}

const DESCRIPTORS: PropertyDescriptorMap = {
  ...Object.fromEntries(INDEXED_ATTRIBUTES.map((a) => [a, attributeDescriptor(a)])),
  properties: {
    enumerable: true,
    configurable: true,
    get(this: SimIssue) {
      return observation(this).properties;
    },
    set(this: SimIssue, raw: Record<string, unknown>) {
      const seen = observation(this);
      seen.properties = watchedProperties(this, raw);
      seen.listener(this, { kind: 'property', key: undefined });
    },
  },
};

/**
 * Makes an issue report the writes search indexes depend on, however they are made: `issue.statusId = …` by the
 * writer, the generator or a test, and `issue.properties[key] = …` / `delete issue.properties[key]` by REST
 * handlers or tests. The fields stay plain-looking (enumerable, JSON- and `toEqual`-friendly). Writes *inside* a
 * property value (`issue.properties[k].x = …`) are not seen: replace the value, as every REST write does.
 * Observing an issue again only swaps the listener.
 */
export function observeIssue(issue: SimIssue, listener: Listener): void {
  const observed = issue as Observed;
  if (observed[OBSERVATION]) {
    observed[OBSERVATION].listener = listener;
    return;
  }
  const values = {
    projectId: issue.projectId,
    statusId: issue.statusId,
    issueTypeId: issue.issueTypeId,
  };
  const raw = issue.properties;
  const seen: Observation = { values, properties: {}, listener };
  Object.defineProperty(issue, OBSERVATION, { value: seen, enumerable: false });
  seen.properties = watchedProperties(issue, raw);
  Object.defineProperties(issue, DESCRIPTORS);
}

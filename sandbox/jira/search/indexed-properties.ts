import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** An entity-property value Jira indexes for JQL (manifest `jira:entityProperty`). */
export interface IndexedProperty {
  propertyKey: string;
  path: string;
  type: 'number' | 'string' | 'text' | 'user' | 'date';
  searchAlias?: string;
}

interface EntityPropertyModule {
  entityType?: string;
  propertyKey?: string;
  values?: { path?: string; type?: string; searchAlias?: string }[];
}

const TYPES = new Set(['number', 'string', 'text', 'user', 'date']);

/**
 * The issue properties the app's manifest declares as indexed. Only these are searchable with
 * `issue.property[key].path` or their `searchAlias`, exactly as on a real site after `forge deploy`.
 */
export function readIndexedProperties(manifestPath: string): IndexedProperty[] {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { modules?: Record<string, unknown> };
  const modules = (manifest.modules?.['jira:entityProperty'] ?? []) as EntityPropertyModule[];
  return modules
    .filter((m) => (m.entityType ?? 'issue') === 'issue' && typeof m.propertyKey === 'string')
    .flatMap((m) =>
      (m.values ?? []).flatMap((v) =>
        typeof v.path === 'string' && typeof v.type === 'string' && TYPES.has(v.type)
          ? [
              {
                propertyKey: m.propertyKey as string,
                path: v.path,
                type: v.type as IndexedProperty['type'],
                ...(v.searchAlias ? { searchAlias: v.searchAlias } : {}),
              },
            ]
          : [],
      ),
    );
}

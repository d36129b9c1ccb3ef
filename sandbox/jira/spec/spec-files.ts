import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The two official OpenAPI documents the simulator honours (guide §0). */
export type ApiName = 'platform' | 'servicedesk';

const FILES: Record<ApiName, string> = {
  platform: 'jira-platform.v3.json',
  servicedesk: 'jira-servicedesk.json',
};

/** The subset of an OpenAPI 3.0 document this library reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

const loaded = new Map<ApiName, OpenApiDocument>();

/** Folder holding the specs, inside the repository: `sandbox/specs` (source and sha256 in its README). */
export function specsDir(): string {
  return path.resolve(__dirname, '../../specs');
}

/** The file name of one API's spec inside `specsDir()`. */
export function specFile(api: ApiName): string {
  return path.join(specsDir(), FILES[api]);
}

/** The parsed spec of one API, read from disk once per process. */
export function loadSpec(api: ApiName): OpenApiDocument {
  let doc = loaded.get(api);
  if (!doc) {
    doc = JSON.parse(readFileSync(specFile(api), 'utf8')) as OpenApiDocument;
    loaded.set(api, doc);
  }
  return doc;
}

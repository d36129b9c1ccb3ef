import { existsSync, readFileSync } from 'node:fs';
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

/**
 * Folder holding the specs: `<repo>/../shared/specs` (the working tree and CI clone both keep `shared/` beside
 * the repository), else `$JIRA_SPECS_DIR`.
 */
export function specsDir(): string {
  const besideRepo = path.resolve(__dirname, '../../../../shared/specs');
  if (existsSync(path.join(besideRepo, FILES.platform))) return besideRepo;
  const fromEnv = process.env.JIRA_SPECS_DIR;
  if (fromEnv && existsSync(path.join(fromEnv, FILES.platform))) return fromEnv;
  throw new Error(
    `Jira OpenAPI specs not found in ${besideRepo}; set JIRA_SPECS_DIR to the folder holding them.`,
  );
}

/** The parsed spec of one API, read from disk once per process. */
export function loadSpec(api: ApiName): OpenApiDocument {
  let doc = loaded.get(api);
  if (!doc) {
    doc = JSON.parse(readFileSync(path.join(specsDir(), FILES[api]), 'utf8')) as OpenApiDocument;
    loaded.set(api, doc);
  }
  return doc;
}

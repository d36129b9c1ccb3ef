import { resolve } from 'node:path';

/**
 * The app's `manifest.yml` at the repository root, found from this file's folder (not the working directory), so
 * the local host, the local Jira site and the scripts read the same file wherever they are started from.
 */
export const REPO_MANIFEST = resolve(__dirname, '..', 'manifest.yml');

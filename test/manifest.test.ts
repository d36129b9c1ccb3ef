import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import * as app from '../src/index';
import { SWEEP_INTERVAL } from '../src/app/sweep';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.yml');

interface Manifest {
  app: { runtime: { name: string } };
  modules: Record<
    string,
    {
      key: string;
      function?: string;
      handler?: string;
      resource?: string;
      resolver?: { function: string };
      unlicensedAccess?: string[];
    }[]
  >;
  resources: { key: string; path: string }[];
  permissions: { scopes: string[] };
}

const manifest = parse(readFileSync(manifestPath, 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation without errors or warnings', async () => {
    const result = await validate(false, manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('schedules the sweep at the interval the admin page counts the next run with', () => {
    const trigger = manifest.modules.scheduledTrigger?.find((t) => t.key === 'process-sweep') as
      { interval?: string } | undefined;
    expect(trigger?.interval).toBe(SWEEP_INTERVAL.manifest);
    expect(SWEEP_INTERVAL.ms).toBe(3_600_000);
  });

  it('runs on the supported Node.js runtime', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('names only handlers that src/index.ts exports as functions', () => {
    const handlers = (manifest.modules.function ?? []).map((f) => f.handler ?? '');
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) {
      const [file, exported] = handler.split('.');
      expect(file).toBe('index');
      expect(typeof (app as Record<string, unknown>)[exported ?? '']).toBe('function');
    }
  });

  it('points every module at a declared function and resource', () => {
    const functionKeys = new Set((manifest.modules.function ?? []).map((f) => f.key));
    const resourceKeys = new Set(manifest.resources.map((r) => r.key));
    for (const [type, modules] of Object.entries(manifest.modules)) {
      if (type === 'function') continue;
      for (const module of modules) {
        if (module.function) expect(functionKeys).toContain(module.function);
        if (module.resource) expect(resourceKeys).toContain(module.resource);
      }
    }
  });

  it('asks only for the scopes the app uses', () => {
    expect([...manifest.permissions.scopes].sort()).toEqual(
      [
        'read:jira-user',
        'read:jira-work',
        'read:organization.user:jira-service-management',
        'read:organization:jira-service-management',
        'read:servicedesk-request',
        'read:user:jira',
        'storage:app',
        'write:jira-work',
        'write:ops-alert:jira-service-management',
      ].sort(),
    );
  });

  it('lets customers use the portal modules, and only those, through their own resolver function', () => {
    const portalModules = [
      ...(manifest.modules['jiraServiceManagement:portalRequestDetailPanel'] ?? []),
      ...(manifest.modules['jiraServiceManagement:portalRequestViewAction'] ?? []),
    ];
    expect(portalModules.map((m) => m.key).sort()).toEqual(
      ['process-escalate', 'process-new-estimate', 'process-portal'].sort(),
    );
    for (const module of portalModules) {
      // Forge runs a module for JSM customers only when it declares them (access to Forge apps for unlicensed users).
      expect(module.unlicensedAccess).toEqual(expect.arrayContaining(['customer']));
      expect(module.unlicensedAccess).not.toContain('anonymous');
      expect(module.resolver?.function).toBe('portal-resolver-fn');
    }
    for (const [type, modules] of Object.entries(manifest.modules)) {
      if (type.startsWith('jiraServiceManagement:portal')) continue;
      for (const module of modules) {
        expect(module.unlicensedAccess).toBeUndefined();
        expect(module.resolver?.function).not.toBe('portal-resolver-fn');
      }
    }
  });
});

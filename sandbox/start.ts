/**
 * `npm start`: the local Jira site with the demo Support Desk and the app installed, served on 127.0.0.1
 * (port from `PORT`, default 8080). The app's KVS persists in `.local-site/kvs.json`; tickets are seeded fresh.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLocalSite } from './web/local-site';
import { startWebServer } from './web/server';

async function main(): Promise<void> {
  const dir = resolve(__dirname, '..', '.local-site');
  mkdirSync(dir, { recursive: true });
  const logFile = resolve(dir, 'app.log');
  if (process.env.LOG !== '1') logToFile(logFile);
  const app = (await import('../src/index')) as Record<string, unknown>;
  const options = { app, generated: 40, kvsFile: resolve(dir, 'kvs.json'), followWallTime: true };
  const local = await createLocalSite(options);
  // "Reset demo" seeds the tickets afresh, as a restart does; the admin's settings stay.
  const server = await startWebServer(local, Number(process.env.PORT ?? 8080), (start) =>
    createLocalSite(start ? { ...options, now: start } : options),
  );
  const link = (key: string) => `${server.url}/issue/${key}?as=agent`;
  const { clarification, delivery, pendingPatch, pendingCustom, pendingCustomisation } = local.demo;
  process.stdout.write(
    `\nLocal Jira with the app installed: ${server.url}\n\n` +
      `Walkthrough 1 (${link(clarification)}): ${clarification} has waited almost 30 days in Clarification; reminders 1 and 2 were sent.\n` +
      `  Press "+1 hour": reminder 3 of 3 arrives. Then "+10 days": the ticket is closed on day 40.\n` +
      `Walkthrough 2 (${link(delivery)}): ${delivery} is a planned Delivery shipping ${pendingPatch}, ${pendingCustom} and ${pendingCustomisation}.\n` +
      `  Press "Delivered": the Software Defect and Consulting Request are resolved, the Customisation is closed.\n` +
      `Walkthrough 3 (${link(local.demo.outage)}): a severe outage. Press "Reset demo to a Saturday": reported on a weekend, it alerts on-call.\n` +
      `Admin page: ${server.url}/admin?as=admin\n` +
      (process.env.LOG === '1'
        ? '\n'
        : `The app's log lines go to ${logFile} (LOG=1 npm start prints them here).\n\n`),
  );
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The app's JSON log lines (console.*) go to a file, so the console shows the address and nothing else. */
function logToFile(file: string): void {
  const out = createWriteStream(file, { flags: 'w' });
  const write = (...parts: unknown[]) => {
    out.write(`${parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ')}\n`);
  };
  console.log = write;
  console.info = write;
  console.warn = write;
  console.error = write;
  console.debug = write;
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${String(error)}\n`);
  process.exit(1);
});

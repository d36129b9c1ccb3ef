/**
 * `npm start`: the local Jira site with the demo Support Desk and the app installed, served on 127.0.0.1
 * (port from `PORT`, default 8080). The app's KVS persists in `.local-site/kvs.json`; tickets are seeded fresh.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLocalSite } from './web/local-site';
import { startWebServer } from './web/server';

async function main(): Promise<void> {
  const dir = resolve(__dirname, '..', '.local-site');
  mkdirSync(dir, { recursive: true });
  const app = (await import('../src/index')) as Record<string, unknown>;
  const local = await createLocalSite({ app, generated: 40, kvsFile: resolve(dir, 'kvs.json') });
  const server = await startWebServer(local, Number(process.env.PORT ?? 8080));
  process.stdout.write(
    `\nLocal Jira with the app installed: ${server.url}\n` +
      `  ${local.demo.clarification}: in Clarification for 29 days — press "+1 hour", then "+10 days" to see reminders and the auto-close.\n` +
      `  ${local.demo.delivery}: a planned Delivery — move ${local.demo.pendingPatch}/${local.demo.pendingCustom} with it by transitioning it to Delivered.\n` +
      `  Admin page: ${server.url}/admin?as=admin\n\n`,
  );
  const stop = () => {
    void server.close().finally(() => {
      local.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${String(error)}\n`);
  process.exit(1);
});

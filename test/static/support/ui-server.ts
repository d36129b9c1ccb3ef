import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { buildShimScript, injectShim, SHIM_URL, type ShimConfig } from '../../../sandbox/ui-bridge/host';

/** One `/api/invoke` call as the shim sent it (what the tests assert on). */
export interface InvokeCall {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  context: { accountId: string; extension: ShimConfig['extension']; locale: string };
}

export type Resolve = (call: InvokeCall) => unknown;

/** Answers a page's `requestJira` (path with query): Jira's status and JSON body. */
export type AnswerJira = (restPath: string) => { status: number; body: unknown };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * A minimal local host for the built Custom UI apps: `/<app>/…` serves `static/<app>/build` with the shim
 * injected into index.html (its config from `configFor(app, query)`), `/forge-bridge-shim.js` the shim, and
 * `/api/invoke` answers with `resolve(call)` and `/api/request-jira` with `jira(restPath)`, following the HTTP
 * contract documented in `shim.ts`.
 */
export async function startUiServer(
  configFor: (app: string, query: URLSearchParams) => ShimConfig,
  resolve: Resolve,
  jira: AnswerJira = () => ({ status: 404, body: { errorMessages: ['not simulated'] } }),
): Promise<{ url: string; calls: InvokeCall[]; close: () => Promise<void> }> {
  const root = join(__dirname, '..', '..', '..', 'static');
  const shim = await buildShimScript();
  const calls: InvokeCall[] = [];

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === SHIM_URL) {
        res.writeHead(200, { 'content-type': TYPES['.js'] }).end(shim);
        return;
      }
      if (url.pathname === '/api/invoke' && req.method === 'POST') {
        const call = JSON.parse(await body(req)) as InvokeCall;
        calls.push(call);
        try {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify(resolve(call) ?? null));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
        }
        return;
      }
      if (url.pathname === '/api/request-jira' && req.method === 'POST') {
        const { restPath } = JSON.parse(await body(req)) as { restPath: string };
        const answer = jira(restPath);
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            status: answer.status,
            statusText: answer.status === 200 ? 'OK' : 'Error',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(answer.body),
          }),
        );
        return;
      }
      const [, app, ...rest] = url.pathname.split('/');
      if (!app || !/^[a-z]+$/.test(app)) {
        res.writeHead(404).end();
        return;
      }
      const file = normalize(rest.join('/') || 'index.html');
      if (file.startsWith('..')) {
        res.writeHead(400).end();
        return;
      }
      try {
        const content = await readFile(join(root, app, 'build', file));
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const bodyOut =
          file === 'index.html'
            ? injectShim(content.toString('utf8'), configFor(app, url.searchParams))
            : content;
        res.writeHead(200, { 'content-type': type }).end(bodyOut);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

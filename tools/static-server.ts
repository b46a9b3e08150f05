/**
 * A tiny static file server on localhost for the demo page and the
 * end-to-end tests. Serves only files under the roots it is given.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves each root under its URL prefix, e.g. { '/': 'test/fixtures/pages', '/corpus/': '…/readability' }. */
export async function startStaticServer(roots: Record<string, string>, port = 0): Promise<StaticServer> {
  const mounts = Object.entries(roots)
    .map(([prefix, dir]) => ({ prefix, dir: resolve(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  const server: Server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (path === '/favicon.ico') {
        // Browsers ask for it on every page; an error in the console would hide real ones.
        response.writeHead(204);
        response.end();
        return;
      }
      const mount = mounts.find((m) => path.startsWith(m.prefix));
      if (!mount) throw new Error('no mount');
      let file = normalize(join(mount.dir, path.slice(mount.prefix.length)));
      if (file !== mount.dir && !file.startsWith(mount.dir + sep)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    close: () =>
      new Promise((done) => {
        // Browsers keep connections alive; close() alone would wait for them.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

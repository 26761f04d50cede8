// What the browser tests share: a fixture bundled for the browser the way a host's build would
// make it, and a small local server for the pages that use it.
import { build, type BuildOptions } from 'esbuild';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Bundles a page script (tsx/ts) or a stylesheet (css): minified, production React. */
export async function bundleForBrowser(entry: URL, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    minify: true,
    format: entry.pathname.endsWith('.css') ? undefined : 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    ...options,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/**
 * Serves `files` (path -> [content type, body]) and `page(request)` as HTML for any other path,
 * with `headers(request)` added to the page's response (a Content-Security-Policy, say).
 */
export async function serve(
  files: Record<string, [string, string]>,
  page: (request: IncomingMessage) => string,
  headers: (request: IncomingMessage) => Record<string, string> = () => ({}),
) {
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (file) return res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers(req) }).end(page(req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a page loads before its first paint: the module script its HTML names and every chunk that script
 * imports statically (Vite lists them as <link rel="modulepreload">), not the chunks loaded later by import().
 */
export interface Bytes {
  raw: number;
  gzip: number;
  files: string[];
}

function sizeOf(dir: string, files: string[]): Bytes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

/** Static imports of a built ES chunk (`import … from "./x.js"` / `import "./x.js"`), resolved against its folder. */
function staticImportsOf(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    if (m[1]) found.push(new URL(m[1], `file:///${base}`).pathname.slice(1));
  }
  return found;
}

export function initialJsOf(dir: string, html: string): Bytes {
  const page = readFileSync(join(dir, html), 'utf8');
  const entries = [...page.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g), ...page.matchAll(/rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    queue.push(...staticImportsOf(dir, file));
  }
  return sizeOf(dir, [...seen].sort());
}

/** The background worker is one classic script: Chrome's service workers cannot import() code later. */
export function workerBytes(dir: string): Bytes {
  return sizeOf(dir, ['background.js']);
}

export const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

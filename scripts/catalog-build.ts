import type { Plugin } from 'vite';

/**
 * The message catalogs (lib/i18n/messages-ja.ts, messages-en.ts) as the side panel's first paint wants them
 * (issue 16): each is one object of ~850 strings, and evaluated as a JavaScript object literal it took 30–45 ms of
 * the panel's main thread on a cold open; as `JSON.parse` of one string it is parsed several times faster (V8's
 * advice for large data: https://v8.dev/blog/cost-of-javascript-2019#json). And the panel's page asks for both
 * while its first scripts load (`modulepreload`: fetched and compiled off the main thread, evaluated only when
 * imported), so the first paint's `import()` of its language is not a fetch begun after the modules have run.
 * The sources stay TypeScript (tsc checks the keys); this rewrites only the build's output.
 */
const CATALOG = /lib\/i18n\/messages-(ja|en)\.ts$/;

/** `export const ja = { … };` (TypeScript already stripped) to `export const ja = JSON.parse("…");`. */
export function catalogAsJson(code: string, id: string): string {
  const match = /^\s*export const (\w+) = (\{[\s\S]*\});?\s*$/.exec(code);
  if (!match) throw new Error(`${id}: a catalog must be a single \`export const name = { … }\` of strings; found something else.`);
  const [, name, literal] = match;
  // The literal is our own source file, already compiled by esbuild: evaluating it is reading it.
  const value = new Function(`return (${literal});`)() as Record<string, unknown>;
  for (const [key, message] of Object.entries(value)) {
    if (typeof message !== 'string') throw new Error(`${id}: the message "${key}" is not a string.`);
  }
  return `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
}

export function catalogBuild(): Plugin {
  return {
    name: 'baton-catalog-build',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      return CATALOG.test(id) ? { code: catalogAsJson(code, id), map: null } : null;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !/sidepanel/.test(ctx.filename)) return html;
        const catalogs = Object.values(ctx.bundle).filter((chunk) => chunk.type === 'chunk' && CATALOG.test(chunk.facadeModuleId ?? ''));
        return {
          html,
          tags: catalogs.map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' as const })),
        };
      },
    },
  };
}

// @vitest-environment node
// esbuild refuses to run under jsdom (its TextEncoder fails esbuild's Uint8Array invariant), hence node here.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The content script runs on heavy CRM pages and bundles lib/sites/detect-record.ts with everything it
 * imports. This keeps it dependency-free and small: no zod, no runtime import from lib/domain.
 */
describe('content-script detector bundle', () => {
  it('stays small and imports nothing outside lib/sites', async () => {
    const result = await build({
      entryPoints: [path.join(root, 'lib/sites/detect-record.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      absWorkingDir: root,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(5);
    for (const input of inputs) expect(input, input).toMatch(/^lib\/sites\/[a-z0-9-]+\.ts$/);
    const out = result.outputFiles[0]!.text;
    expect(out).not.toMatch(/zod/i);
    // Measured at 7.8 KB minified (3.0 KB gzipped) when written; 10 KB leaves room for a vendor, not a library.
    expect(out.length).toBeLessThan(10_000);
  });
});

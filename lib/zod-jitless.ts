import { config } from 'zod';

/**
 * Imported first by every extension entrypoint (before any schema is made or parsed). zod 4 compiles object
 * parsers with `new Function` when it may; to find out, it probes eval once, and the extension's CSP
 * (`script-src 'self'`, no 'unsafe-eval') blocks the probe, which Firefox and Chromium log as an error on every
 * page. `jitless` skips the probe and the compiler: https://zod.dev/packages/core#jitless
 */
config({ jitless: true });

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hosts the end-to-end fakes answer for; Chromium maps them to loopback with --host-resolver-rules. */
export const FAKE_HOSTS = [
  '*.lightning.force.com',
  '*.my.salesforce.com',
  'login.salesforce.com',
  'app.hubspot.com',
  'api.hubapi.com',
  '*.marketo.com',
  '*.mktorest.com',
  '*.cybozu.com',
];

/**
 * A self-signed certificate made at test time (never committed): force.com is HSTS-preloaded, so the fake
 * must speak https. Chromium is started with --ignore-certificate-errors.
 */
export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-cert-'));
  const config = join(dir, 'openssl.cnf');
  writeFileSync(
    config,
    [
      '[req]',
      'distinguished_name=dn',
      'x509_extensions=ext',
      'prompt=no',
      '[dn]',
      'CN=baton-e2e',
      '[ext]',
      `subjectAltName=${FAKE_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
    ].join('\n'),
  );
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-config', config],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

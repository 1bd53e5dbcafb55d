/** OAuth 2.0 for a public client (an extension keeps no secret): PKCE, RFC 7636, used by Salesforce's and Entra ID's sign-in. */

export function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A 64-character verifier (48 random bytes; RFC 7636 asks 43–128) and its S256 challenge. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(48)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

/** The `state` a web-auth flow sends and checks on return. */
export function randomState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(16)));
}

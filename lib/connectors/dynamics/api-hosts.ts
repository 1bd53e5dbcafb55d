import { DYNAMICS_REGIONS } from '../../sites/hosts';

/**
 * Dynamics 365 hosts the worker calls: the environment's own Web API (the same host as its pages,
 * `https://{org}.crm{n}.dynamics.com/api/data/v9.2/`) and Microsoft Entra ID's v2.0 endpoints for sign-in.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#web-api-url-and-versions
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export const ENTRA_LOGIN_BASE = 'https://login.microsoftonline.com';

export const DYNAMICS_API_HOST_PATTERNS: string[] = [...DYNAMICS_REGIONS.map((r) => `https://*.${r}.dynamics.com/*`), `${ENTRA_LOGIN_BASE}/*`];

/** An environment host Baton sends a token to: one org label, a known regional CRM domain, nothing else. */
const ENVIRONMENT_HOST = new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.(?:${DYNAMICS_REGIONS.join('|')})\\.dynamics\\.com$`);

/** `customerHosts`: Dynamics custom domains added in Options › Customer hosts (lib/connectors/customer-hosts.ts). */
export function isDynamicsEnvironmentHost(host: string, customerHosts: readonly string[] = []): boolean {
  return ENVIRONMENT_HOST.test(host) || customerHosts.includes(host);
}

/** The Web API base of an environment. https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/overview */
export function webApiBase(host: string): string {
  return `https://${host}/api/data/v9.2/`;
}

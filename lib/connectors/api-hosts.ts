/**
 * Vendor API hosts the background worker calls. Each connector owns its entries; the manifest's
 * host_permissions are exactly this list (plus customer hosts granted at runtime).
 */
export const API_HOST_PERMISSIONS: string[] = [];

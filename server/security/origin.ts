/** A configured origin (`PUBLIC_URL`, `ALLOWED_ORIGINS`) as browsers send it: scheme, host, port. */
export const originOf = (url: string): string => new URL(url).origin;

/**
 * Whether a socket handshake may go on. Browsers always send Origin on a WebSocket or
 * cross-origin request, so a page elsewhere cannot open a socket in a visitor's name; the app's
 * own pages come from the host they connect to, or from a configured origin (behind a proxy
 * that rewrites Host). Without an Origin header the client is no browser (tests, benchmarks,
 * scripts) and gains nothing from one, so it is let through.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (allowed.has(url.origin)) return true;
  if (!host || !/^[\w.:[\]-]+$/.test(host)) return false;
  try {
    // Normalised like the origin (case, default port), so "Example.org:80" matches "http://example.org".
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

/**
 * Where Meshport may send a user after signing in: a path on Meshport itself. The value is resolved
 * against a placeholder origin with the WHATWG URL parser, the one browsers use, and kept only if
 * it stays on that origin, so every spelling a browser would read as another site ("//evil",
 * "/\evil", "https:evil", "/\t/evil", unicode slashes…) is refused by the parser's own rules rather
 * than by a list of patterns. Control characters are refused outright: browsers strip TAB, CR and
 * LF from URLs, so "/\t/evil.example" would become "//evil.example" after this check.
 * Returns the normalised path with its query and fragment, or null.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (CONTROL.test(value)) return null;
  // Only a path: a scheme-relative, absolute or backslash-led value is not one, even when it
  // would resolve to the same origin (the caller's own origin is not known here).
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.username || url.password) return null;
  // A path whose decoded form starts with "//", holds a backslash, a control or a unicode slash
  // ("/%2F%2Fevil", "/%09/evil", "/\uFF0F/evil") is harmless to the browser but may be decoded or
  // normalised once more by a proxy or a router before it redirects: refuse it too. Meshport's own
  // paths are slugs and ids, printable ASCII once decoded; queries may hold anything.
  const decoded = safeDecode(url.pathname);
  if (decoded === null || !/^[\x21-\x7e]*$/.test(decoded) || decoded.startsWith("//") || decoded.includes("\\")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's `redirect` callback: the same rule for an absolute URL next-auth builds from the
 * return path (same origin as `baseUrl` only); anything else falls back to the catalog.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const fallback = `${baseUrl}/catalog`;
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return fallback;
  }
  let path: string | null = safeReturnPath(url);
  if (path === null && !CONTROL.test(url)) {
    try {
      const absolute = new URL(url);
      if (absolute.origin === base.origin && !absolute.username && !absolute.password) {
        path = safeReturnPath(`${absolute.pathname}${absolute.search}${absolute.hash}`);
      }
    } catch {
      path = null;
    }
  }
  return path === null ? fallback : `${base.origin}${path}`;
}

const PLACEHOLDER_ORIGIN = "https://meshport.invalid";
// C0 controls, DEL and C1 controls: never part of a link a user followed.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

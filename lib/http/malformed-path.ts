/**
 * Whether every segment of a URL path percent-decodes to text: "/products/%FF" does not (0xFF
 * alone is no UTF-8), nor does "%ED%A0%80" (a lone surrogate). Next answers such paths with a
 * 500 when it decodes a dynamic segment; no route can have such a name, so they are not found.
 */
export function isWellFormedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

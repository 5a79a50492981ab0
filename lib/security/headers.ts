// The portal's security headers, defined once: next.config.ts sends the static ones with every
// response (pages, API, assets); proxy.ts adds the per-request Content Security Policy and HSTS.
// See docs/decisions/0031.

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors in the CSP says the same to current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export type CspOptions = {
  nonce: string;
  /** `next dev`: React needs eval for its debugging aids (never in production). */
  dev?: boolean;
  /** Served over HTTPS: upgrade any http: sub-resource. */
  https?: boolean;
  /** Origins a form may post to besides Meshport (the OIDC provider, reached by a redirect). */
  formActionOrigins?: string[];
};

/**
 * A strict, nonce-based policy: scripts run only with this response's nonce (Next puts it on its
 * own scripts, read from this header) or when loaded by such a script ('strict-dynamic'). Styles
 * allow inline: React's style attributes and the toast library's injected sheet need it, and a
 * style cannot run code.
 */
export function contentSecurityPolicy({ nonce, dev = false, https = false, formActionOrigins = [] }: CspOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formActionOrigins],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** One year, subdomains included: only ever sent over HTTPS, where the browser honours it. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Whether the request reached Meshport over HTTPS: its own URL, or the load balancer's word. */
export function servedOverHttps(url: URL, forwardedProto: string | null): boolean {
  return url.protocol === "https:" || forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // kafkajs and pg are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["kafkajs", "pg", "pg-boss"],
  poweredByHeader: false,
  // Meshport runs behind a load balancer, which compresses; gzip in Node costs every request
  // CPU on the event loop (about 2 ms for a search answer). MESHPORT_COMPRESS=true turns it on
  // for an instance that serves browsers directly (docs/decisions/0016).
  compress: process.env.MESHPORT_COMPRESS === "true",
  // Tests build into their own folder so a running demo's build is left alone.
  distDir: process.env.MESHPORT_DIST_DIR || ".next",
};

export default nextConfig;

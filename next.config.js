// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // kafkajs and pg are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["kafkajs", "pg", "pg-boss"],
  poweredByHeader: false,
  // Tests build into their own folder so a running demo's build is left alone.
  distDir: process.env.MESHPORT_DIST_DIR || ".next",
};

export default nextConfig;

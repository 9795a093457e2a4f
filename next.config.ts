import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // No telemetry, no font or image downloads: this app runs on networks with no internet.
  poweredByHeader: false,
  images: { unoptimized: true },
  serverExternalPackages: ["@node-rs/argon2", "pg", "chinese-days"],
  // `npm test` type-checks the whole project with tsc first; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers a signed-in person a page is not for with a 403 page in place, which a
  // form posted without JavaScript can land on (a redirect would repeat the POST elsewhere).
  experimental: { authInterrupts: true },
};

export default nextConfig;

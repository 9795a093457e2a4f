import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // No telemetry, no font or image downloads: this app runs on networks with no internet.
  poweredByHeader: false,
  images: { unoptimized: true },
  serverExternalPackages: ["@node-rs/argon2", "pg"],
};

export default nextConfig;

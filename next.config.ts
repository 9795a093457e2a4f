import type { NextConfig } from "next";
import { contentSecurityPolicy, HSTS_HEADER, SECURITY_HEADERS } from "./lib/security";

// proxy.ts does not run for the build's static files and the public JSON API (its matcher skips
// them to keep them fast): they get the policy here, without a nonce. Keep this list and proxy.ts's
// matcher in step.
const UNPROXIED = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/api/v1/:path*"];

const nextConfig: NextConfig = {
  // No telemetry, no font or image downloads: this app runs on networks with no internet.
  poweredByHeader: false,
  images: { unoptimized: true },
  serverExternalPackages: ["@node-rs/argon2", "pg", "chinese-days", "prom-client"],
  // `npm test` type-checks the whole project with tsc first; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers a signed-in person a page is not for with a 403 page in place, which a
  // form posted without JavaScript can land on (a redirect would repeat the POST elsewhere).
  // inlineCss: the stylesheet goes into each page as a <style> (allowed by its hash, lib/inline-styles.ts), not as a
  // render-blocking request that shares a slow phone's first round trips with the scripts (issue 24
  // item 6). Client-side navigations (the staff's links) still fetch it as a file.
  experimental: { authInterrupts: true, inlineCss: true },
  // Every answer, static files included; the policy with a nonce comes from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // https is terminated in front of the app, which says so in x-forwarded-proto.
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS_HEADER] },
      ...UNPROXIED.map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy(null) }],
      })),
    ];
  },
};

export default nextConfig;

import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { LARGE_TEXT_COOKIE } from "@/lib/preferences";
import { siteIdentity } from "@/lib/towns/queries";
import "./globals.css";

// Every page reads live data (slots, bookings): render on request, never at build time.
export const dynamic = "force-dynamic";

// The site's name is its town's (one town) or the district's (several): from the towns' rows.
export async function generateMetadata(): Promise<Metadata> {
  const site = await siteIdentity();
  return { title: { default: site.title, template: `%s · ${site.title}` }, description: site.description };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [largeText, site] = await Promise.all([
    cookies().then((jar) => jar.get(LARGE_TEXT_COOKIE)?.value === "on"),
    siteIdentity(),
  ]);
  return (
    <html lang="zh-CN" data-large-text={largeText ? "on" : "off"}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-gray-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:text-brand-800"
        >
          跳到主要内容
        </a>
        <SiteHeader title={site.title} largeText={largeText} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter host={site.host} />
      </body>
    </html>
  );
}

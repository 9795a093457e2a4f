import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { LARGE_TEXT_COOKIE } from "@/lib/preferences";
import "./globals.css";

// Every page reads live data (slots, bookings): render on request, never at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "睦洲镇公共法律服务预约", template: "%s · 睦洲镇公共法律服务预约" },
  description: "睦洲镇公共法律服务工作站和十五个村（社区）公共法律服务工作室的免费法律咨询预约。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const largeText = (await cookies()).get(LARGE_TEXT_COOKIE)?.value === "on";
  return (
    <html lang="zh-CN" data-large-text={largeText ? "on" : "off"}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-gray-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:text-brand-800"
        >
          跳到主要内容
        </a>
        <SiteHeader largeText={largeText} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

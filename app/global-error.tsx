"use client";

import "./globals.css";
import { useEffect } from "react";

/**
 * The last resort, when the root layout itself failed: it replaces the whole document, so it has
 * its own <html lang="zh-CN"> and leans on nothing the layout provides (no header, no cookies, no
 * data: so it names no town, only the service). Styled by the site's own stylesheet only, which
 * the Content-Security-Policy allows; without it the page still reads plainly. A full page load
 * home, in case the client is broken too.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="zh-CN">
      <body className="bg-white font-sans text-gray-900">
        <title>页面暂时打不开 · 公共法律服务预约</title>
        <main className="mx-auto max-w-3xl space-y-4 px-4 py-8 text-lg">
          <p className="font-bold text-brand-800">公共法律服务预约</p>
          <h1 className="text-2xl font-bold">页面暂时打不开</h1>
          <p>服务器暂时出了问题，这不是您操作错了。如果刚才提交了内容，可能没有保存。请稍后再试。</p>
          <p>
            有急事，请拨打免费的公共法律服务热线{" "}
            <a href="tel:12348" className="inline-flex min-h-11 items-center font-bold text-brand-800 underline">
              12348
            </a>
            （普通话、粤语、客家话、潮汕话）。
          </p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <button
              type="button"
              onClick={() => retry()}
              className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-bold text-white"
            >
              再试一次
            </button>
            {/* A plain link: a full page load, not the client router that may be what failed. */}
            <a
              href="/"
              className="inline-flex min-h-12 items-center justify-center rounded-lg border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800"
            >
              回到首页
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}

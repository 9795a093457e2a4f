import Link from "next/link";

/** The site's header: name, home link and the 长辈模式 switch (a plain link, so it works without JavaScript). */
export function SiteHeader({ largeText }: { largeText: boolean }) {
  return (
    <header className="no-print border-b-4 border-brand-700 bg-brand-50">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center text-xl font-bold text-brand-800 underline-offset-4 hover:underline"
        >
          睦洲镇公共法律服务预约
        </Link>
        <a
          href={`/preferences/large-text?on=${largeText ? "0" : "1"}`}
          className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 bg-white px-4 font-semibold text-brand-800 hover:bg-brand-100"
        >
          {largeText ? "恢复标准字号" : "大字（长辈模式）"}
        </a>
      </div>
    </header>
  );
}

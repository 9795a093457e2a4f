/**
 * The site's footer: the free 12348 hotline (Mandarin, Cantonese, Hakka, Teochew) and who runs the
 * service (`host`: the town's government and office, or the district's bureau).
 */
export function SiteFooter({ host }: { host: string }) {
  return (
    <footer className="no-print mt-8 border-t border-gray-300 bg-gray-50">
      <div className="mx-auto max-w-3xl space-y-2 px-4 py-6">
        <p>
          不方便上网？请拨打公共法律服务热线{" "}
          <a href="tel:12348" className="inline-flex min-h-11 items-center font-bold text-brand-800 underline">
            12348
          </a>
          （普通话、粤语、客家话、潮汕话）。
        </p>
        <p className="text-gray-700">主办：{host}。法律咨询免费。</p>
      </div>
    </footer>
  );
}

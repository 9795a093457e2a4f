import Link from "next/link";

/**
 * Shown to staff on the pages that print or send the site's address (the home, venues, posters,
 * cards, messages) while it is not one villagers can reach (lib/site/queries.ts publicAddressWarning): until
 * then every QR code and link points at this machine. Never printed; no live-region role, so the
 * page's own messages keep theirs.
 */
export function PublicAddressWarning({ address, canSet }: { address: string | null; canSet: boolean }) {
  if (address === null) return null;
  return (
    <div className="no-print rounded-lg border-2 border-red-700 bg-red-50 p-3">
      <p className="font-bold">
        网站的公开地址还没有设置：二维码、海报、通讯卡和短信里的链接现在是 <span className="break-all">{address}</span>
        ，村民打不开。
      </p>
      <p>
        请先不要打印海报和通讯卡。
        {canSet ? (
          <>
            请在
            <Link href="/staff/settings" className="font-semibold text-brand-800 underline">
              网站设置
            </Link>
            里填写村民能打开的网址（例如 https://fw.example.gov.cn），保存后这条提示会消失。
          </>
        ) : (
          "请管理员在“网站设置”里填写村民能打开的网址（例如 https://fw.example.gov.cn），保存后这条提示会消失。"
        )}
      </p>
    </div>
  );
}

/**
 * Shown to staff on the pages that print or send the site's address (the home, venues, posters,
 * cards, messages) while it is not one villagers can reach (lib/env.ts publicAddressWarning): until
 * then every QR code and link points at this machine. Never printed; no live-region role, so the
 * page's own messages keep theirs.
 */
export function PublicAddressWarning({ address }: { address: string | null }) {
  if (address === null) return null;
  return (
    <div className="no-print rounded-lg border-2 border-red-700 bg-red-50 p-3">
      <p className="font-bold">
        网站的公开地址还没有设置：二维码、海报、通讯卡和短信里的链接现在是 <span className="break-all">{address}</span>
        ，村民打不开。
      </p>
      <p>
        请先不要打印海报和通讯卡。请系统管理员按 docs/operations.md 设置 PUBLIC_BASE_URL（例如
        https://fw.example.gov.cn），重新启动后这条提示会消失。
      </p>
    </div>
  );
}

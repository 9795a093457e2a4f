"use client";

import { useEffect, useRef } from "react";
import { primaryButton, secondaryButton, textLink } from "@/components/form/styles";

/**
 * What a page shows when it failed unexpectedly (the database out of reach, a bug): inside the
 * site's layout, in plain Chinese, with a way to try again, the way home and the 12348 hotline.
 * Nothing about the error itself, which stays in the server log; its digest lets staff find it there.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    console.error(error);
    heading.current?.focus();
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <div className="space-y-4 text-lg">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold">
        页面暂时打不开
      </h1>
      <p>服务器暂时出了问题，这不是您操作错了。如果刚才提交了内容，可能没有保存。请稍后再试。</p>
      <p>
        有急事，请拨打免费的公共法律服务热线{" "}
        <a href="tel:12348" className={textLink}>
          12348
        </a>
        （普通话、粤语、客家话、潮汕话）。
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="button" onClick={() => retry()} className={primaryButton}>
          再试一次
        </button>
        <a href="/" className={secondaryButton}>
          回到首页
        </a>
      </div>
      {digest && <p className="text-base text-gray-700">问题编号：{digest}（告诉工作人员，可以帮助查找原因）</p>}
    </div>
  );
}

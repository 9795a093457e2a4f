import type { Metadata } from "next";
import { primaryButton, textLink } from "@/components/form/styles";

export const metadata: Metadata = { title: "找不到这个页面" };

/** An address no page answers, or a venue or booking that does not exist: status 404, inside the site's layout. */
export default function NotFound() {
  return (
    <div className="space-y-4 text-lg">
      <h1 className="text-2xl font-bold">找不到这个页面</h1>
      <p>这个网址没有对应的页面：可能是网址输错了，或者这个地点、这个预约已经不在了。请回到首页重新选择。</p>
      <p>
        要查预约，请用
        <a href="/bookings/lookup" className={textLink}>
          查看我的预约
        </a>
        ，输入预约号和手机号码。
      </p>
      <p>
        如果是从别的页面点进来的，请稍后再试。需要帮助，请拨打免费的公共法律服务热线{" "}
        <a href="tel:12348" className={textLink}>
          12348
        </a>
        。
      </p>
      <p>
        <a href="/" className={primaryButton}>
          回到首页
        </a>
      </p>
    </div>
  );
}

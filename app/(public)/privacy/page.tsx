import type { Metadata } from "next";
import type { ReactNode } from "react";
import { textLink } from "@/components/form/styles";
import { getRetentionSettings } from "@/lib/privacy/queries";
import { siteIdentity } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "个人信息告知" };

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const hotline = (
  <a href="tel:12348" className={textLink}>
    12348
  </a>
);

/** "36 个月（3 年）", "6 个月". */
const period = (months: number) => (months % 12 === 0 ? `${months / 12} 年` : `${months} 个月`);

// The notice the booking form links to (PIPL arts. 13–14, 17, 19, 28–29, 47), in plain words. The
// periods are read from the settings the retention job follows, so the notice stays true; who
// processes the data is the town (one town) or the district's bureau (several), from the data.
export default async function PrivacyPage() {
  const [retention, site] = await Promise.all([getRetentionSettings(), siteIdentity()]);
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-bold leading-snug">个人信息告知</h1>
      <p>您在本网站预约免费法律咨询时，我们会收集和使用您的一些个人信息。下面用简单的话说明我们怎样处理这些信息。</p>

      <Part id="who" title="一、谁处理您的信息">
        <p>
          {site.controller}。{site.town && `地址：${site.town.officeAddress}。`}电话：请拨打 {hotline} 或到{site.station}。
        </p>
      </Part>

      <Part id="why" title="二、为什么要收集">
        <ul className="list-disc space-y-1 pl-6">
          <li>安排这次免费法律咨询：确认时间、安排律师、需要时打电话联系您、帮您改期或取消。</li>
          <li>律师按规定记录工作台账和工作日志。</li>
          <li>统计每年的服务人次。统计数字不含姓名和电话。</li>
        </ul>
        <p>不会用于推销、广告或其他用途。</p>
      </Part>

      <Part id="what" title="三、收集哪些信息">
        <ul className="list-disc space-y-1 pl-6">
          <li>必填：姓名、手机号码、想咨询的事项。</li>
          <li>选填：住在哪个村（社区）、备注、代为预约的人的姓名和关系、需要照顾的情况。</li>
          <li>咨询后，律师记录的服务结果（例如解答咨询、代写文书）。</li>
        </ul>
        <p>我们不收集身份证号码，去咨询时也不必带身份证件。</p>
      </Part>

      <Part id="sensitive" title="四、备注中的敏感个人信息">
        <p>
          您在备注里写的内容可能涉及健康、婚姻家庭、纠纷或案件等情况，属于敏感个人信息。只有您另外勾选同意，我们才接收备注；备注只给
          {site.office}工作人员和接待您的律师看，只为这次咨询使用。不填备注不影响预约。
        </p>
      </Part>

      <Part id="who-sees" title="五、谁能看到">
        <p>
          {site.office}
          的工作人员和接待您的律师。我们不会把您的信息提供给其他单位或个人，法律、行政法规另有规定的除外。需要转介法律援助或人民调解时，会先征得您的同意。
        </p>
      </Part>

      <Part id="how-long" title="六、保存多久">
        <ul className="list-disc space-y-1 pl-6">
          <li>预约和现场咨询：咨询时间过后保存 {period(retention.consultationMonths)}。</li>
          <li>请我们回电的登记：登记后保存 {period(retention.callbackMonths)}。</li>
        </ul>
        <p>
          到期后，系统每天自动删除姓名、手机号码、备注、代约人等个人信息，只留下不含姓名和电话的统计数字（地点、事项、时间、服务结果）。您撤回同意或要求删除时，我们会及时删除，法律、行政法规规定必须保存的除外。
        </p>
      </Part>

      <Part id="rights" title="七、您的权利，以及怎样撤回同意、删除信息">
        <ul className="list-disc space-y-1 pl-6">
          <li>
            查看、改期或取消：在
            <a href="/bookings/lookup" className={textLink}>
              查询预约
            </a>
            页面输入预约号和手机号码。
          </li>
          <li>
            自己删除：咨询结束或预约取消以后，打开这个预约的页面（输入预约号和手机号码），点“删除我的个人信息”，确认后马上删除，不能恢复。还没到的预约请先取消再删除。
          </li>
          <li>
            查阅、复制、更正或删除您的信息，或撤回同意：致电{site.station}、拨打 {hotline}，或到{site.office}
            办理。自己在网上操作有困难的，也可以请他们帮忙删除。核实是您本人后，我们会及时办理。
          </li>
          <li>撤回同意不影响撤回之前已经进行的处理。撤回后我们无法再为您保留预约。</li>
        </ul>
      </Part>

      <Part id="device" title="八、在您手机上保存的内容">
        <p>
          预约或查询成功后，为了让您不用再次输入，我们会在这部手机的浏览器里保存一个小记录（cookie），内容是您的手机号码，只在打开这个预约的页面时使用，30
          天后自动失效。用的是别人的手机时，可以在预约页面点“在这部手机上隐藏预约信息”立即删除。
        </p>
      </Part>

      <Part id="safety" title="九、我们怎样保护您的信息">
        <p>
          信息保存在{site.town?.name ?? site.host}
          自己管理的系统中。查看预约需要预约号和手机号码两样都对；工作人员查看个人信息会留下记录。
        </p>
      </Part>

      <Part id="contact" title="十、有疑问或投诉">
        <p>
          请拨打 {hotline}（普通话、粤语、客家话、潮汕话），或到{site.office}当面反映。
        </p>
      </Part>
    </article>
  );
}

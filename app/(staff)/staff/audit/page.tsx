import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { FilterForm } from "@/components/staff/filter-form";
import { listAuditActors, listAuditEntries } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, AUDIT_KINDS, auditSearchInput, auditSearchParams } from "@/lib/audit/schema";
import { type Role, requireTownScope } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/form";
import { optionsOf, ROLE_NAMES } from "@/lib/labels";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "操作记录" };

/** Who changed what and when. Read only: the table refuses updates and deletes, and there is no edit here. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const scope = await requireTownScope("/staff/audit");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditSearchInput.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const [actors, result] = await Promise.all([
    listAuditActors(scope),
    parsed.success ? listAuditEntries(scope, parsed.data) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">操作记录</h1>
      <p>
        谁在什么时候改了什么：本镇账号的操作，以及关于本镇服务地点、预约、律师和账号的操作（包括区司法局代本镇的操作）。记录只能查看，不能修改或删除。时间为北京时间。
      </p>
      <FilterForm
        label="筛选操作记录"
        idPrefix="audit"
        values={raw}
        errors={errors}
        selects={[
          { name: "actor", label: "操作人", options: actors.map((a) => ({ value: a.id, label: a.name })) },
          { name: "kind", label: "类别", options: optionsOf(AUDIT_KINDS) },
        ]}
        submit="筛选"
        reset={{ href: "/staff/audit", label: "清除筛选" }}
      />
      {!result || !parsed.success ? (
        <p role="alert">筛选条件有误，请按提示更正后再筛选。</p>
      ) : (
        <Section
          id="audit-results"
          title={`共 ${result.total} 条，第 ${result.page} / ${result.pageCount} 页`}
          className="space-y-3"
        >
          {result.entries.length === 0 ? (
            <p>没有符合条件的记录。</p>
          ) : (
            <ol className="space-y-2">
              {result.entries.map((e) => (
                <li key={e.id} className="space-y-1 rounded-lg border-2 border-gray-300 p-3">
                  <p className="font-semibold">
                    <time dateTime={e.at.toISOString()}>
                      {formatDate(toDateString(e.at))} {formatTime(e.at)}
                    </time>{" "}
                    · {e.actorName}（{ROLE_NAMES[e.actorRole as Role] ?? e.actorRole}）
                  </p>
                  <p>
                    {AUDIT_KINDS[e.kind] ?? e.kind} · {AUDIT_ACTIONS[e.action] ?? e.action}
                  </p>
                  <p className="break-words">{e.summary}</p>
                </li>
              ))}
            </ol>
          )}
          <nav aria-label="翻页" className="flex flex-wrap gap-6">
            {result.page > 1 && (
              <Link href={`/staff/audit${auditSearchParams(parsed.data, result.page - 1)}`} className={textLink}>
                上一页
              </Link>
            )}
            {result.page < result.pageCount && (
              <Link href={`/staff/audit${auditSearchParams(parsed.data, result.page + 1)}`} className={textLink}>
                下一页
              </Link>
            )}
          </nav>
        </Section>
      )}
    </div>
  );
}

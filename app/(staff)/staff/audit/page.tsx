import type { Metadata } from "next";
import Link from "next/link";
import { FieldError, inputClass, primaryButton } from "@/components/consultations/form-parts";
import { ROLE_NAMES } from "@/lib/accounts/rules";
import { listAuditActors, listAuditEntries } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, AUDIT_KINDS, auditSearchInput, auditSearchParams } from "@/lib/audit/schema";
import { type Role, requireRole } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/booking/schema";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "操作记录" };

const linkClass = "inline-flex min-h-11 items-center font-semibold text-brand-800 underline";

/** Who changed what and when. Read only: the table refuses updates and deletes, and there is no edit here. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireRole("/staff/audit", "STAFF", "ADMIN");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditSearchInput.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const [actors, result] = await Promise.all([
    listAuditActors(),
    parsed.success ? listAuditEntries(parsed.data) : Promise.resolve(null),
  ]);
  const value = (key: string) => (typeof raw[key] === "string" ? raw[key] : "");
  const described = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `audit-${key}-error` } : {});
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">操作记录</h1>
      <p>谁在什么时候改了什么。记录只能查看，不能修改或删除。时间为北京时间。</p>
      <form method="get" className="space-y-4 rounded-xl border-2 border-gray-300 p-4" noValidate>
        <div className="space-y-1">
          <label htmlFor="audit-actor" className="block font-semibold">
            操作人
          </label>
          <FieldError id="audit-actor-error" error={errors.actor} />
          <select id="audit-actor" name="actor" defaultValue={value("actor")} className={inputClass} {...described("actor")}>
            <option value="">全部</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-kind" className="block font-semibold">
            类别
          </label>
          <FieldError id="audit-kind-error" error={errors.kind} />
          <select id="audit-kind" name="kind" defaultValue={value("kind")} className={inputClass} {...described("kind")}>
            <option value="">全部</option>
            {Object.entries(AUDIT_KINDS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ["from", "开始日期"],
              ["to", "结束日期"],
            ] as const
          ).map(([key, label]) => (
            <div key={key} className="space-y-1">
              <label htmlFor={`audit-${key}`} className="block font-semibold">
                {label}
              </label>
              <FieldError id={`audit-${key}-error`} error={errors[key]} />
              <input
                id={`audit-${key}`}
                name={key}
                type="date"
                defaultValue={value(key)}
                className={inputClass}
                {...described(key)}
              />
            </div>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={primaryButton}>
            筛选
          </button>
          <Link href="/staff/audit" className={linkClass}>
            清除筛选
          </Link>
        </div>
      </form>
      {!result || !parsed.success ? (
        <p role="alert">筛选条件有误，请按提示更正后再筛选。</p>
      ) : (
        <section aria-labelledby="audit-results" className="space-y-3">
          <h2 id="audit-results" className="text-xl font-bold">
            共 {result.total} 条，第 {result.page} / {result.pageCount} 页
          </h2>
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
              <Link href={`/staff/audit${auditSearchParams(parsed.data, result.page - 1)}`} className={linkClass}>
                上一页
              </Link>
            )}
            {result.page < result.pageCount && (
              <Link href={`/staff/audit${auditSearchParams(parsed.data, result.page + 1)}`} className={linkClass}>
                下一页
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}

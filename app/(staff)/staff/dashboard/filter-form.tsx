import Link from "next/link";
import { FieldError, inputClass, primaryButton } from "@/components/consultations/form-parts";

type Option = { value: string; label: string };

/** The dashboard's filters: a GET form, so it works without JavaScript and the URL can be shared. */
export function FilterForm({
  values,
  errors,
  venues,
  topics,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  venues: Option[];
  topics: Option[];
}) {
  const described = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `f-${key}-error` } : {});
  const select = (name: string, label: string, options: Option[]) => (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block font-semibold">
        {label}
      </label>
      <FieldError id={`f-${name}-error`} error={errors[name]} />
      <select id={`f-${name}`} name={name} defaultValue={values[name] ?? ""} className={inputClass} {...described(name)}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      aria-label="筛选"
      className="no-print grid gap-4 rounded-xl border-2 border-gray-300 p-4 sm:grid-cols-2"
      noValidate
    >
      {(
        [
          ["from", "开始日期"],
          ["to", "结束日期"],
        ] as const
      ).map(([key, label]) => (
        <div key={key} className="space-y-1">
          <label htmlFor={`f-${key}`} className="block font-semibold">
            {label}
          </label>
          <FieldError id={`f-${key}-error`} error={errors[key]} />
          <input
            id={`f-${key}`}
            name={key}
            type="date"
            defaultValue={values[key] ?? ""}
            className={inputClass}
            {...described(key)}
          />
        </div>
      ))}
      {select("venue", "服务地点", venues)}
      {select("topic", "咨询事项", topics)}
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <button type="submit" className={primaryButton}>
          筛选
        </button>
        <Link href="/staff/dashboard" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          恢复默认（最近 12 周）
        </Link>
      </div>
    </form>
  );
}

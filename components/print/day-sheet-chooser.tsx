// Which day sheet to open: a venue and a date, sent as a plain GET (no JavaScript needed).
import { DateField, FieldScope, primaryButton, SelectField } from "@/components/form";

export function DaySheetChooser({
  action,
  venues,
  values,
  errors,
}: {
  action: string;
  venues: { slug: string; name: string }[];
  values: { venue?: string; date?: string };
  errors: Record<string, string>;
}) {
  const messages = Object.values(errors);
  return (
    <form
      method="get"
      action={action}
      aria-label="选择地点和日期"
      className="space-y-4 rounded-xl border-2 border-gray-300 p-4 print:hidden"
    >
      {messages.length > 0 && (
        <p role="alert" className="font-semibold text-red-800">
          {messages.join(" ")}
        </p>
      )}
      <FieldScope idPrefix="sheet" values={values as Record<string, string>}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="venue"
            label="服务地点"
            placeholder="请选择"
            options={venues.map((v) => ({ value: v.slug, label: v.name }))}
          />
          <DateField name="date" label="日期" />
        </div>
      </FieldScope>
      <button type="submit" className={primaryButton}>
        打开预约名单
      </button>
    </form>
  );
}

// The day sheet's page, for staff and for lawyers alike: the choice of venue and date, how to
// print, and the sheet itself (or why there is none). The pages load the data.
import type { DaySheet as Sheet } from "@/lib/print/schema";
import { DaySheet } from "./day-sheet";
import { DaySheetChooser } from "./day-sheet-chooser";
import { PrintToolbar } from "./print-toolbar";

export function DaySheetPage({
  action,
  back,
  venues,
  values,
  errors,
  sheet,
  town,
}: {
  /** The page's own path, where the choice is sent. */
  action: string;
  back: { href: string; label: string };
  venues: { slug: string; name: string }[];
  values: { venue?: string; date?: string };
  errors: Record<string, string>;
  /** Null until a venue and date are chosen, or when the venue is unknown (then `errors` says so). */
  sheet: Sheet | null;
  /** The sheet's venue's town's name (睦洲镇); null without a sheet. */
  town: string | null;
}) {
  return (
    <div className="space-y-6">
      {!sheet && <h1 className="text-2xl font-bold">打印当天预约名单</h1>}
      <PrintToolbar back={back}>
        <p>
          一个地点一天的预约，按时间先后，有姓名、完整电话、村居、咨询事项、代谁咨询和重点人群，后面留有现场来访的空行。给坐班律师或社工在接待台使用。
        </p>
        <DaySheetChooser action={action} venues={venues} values={values} errors={errors} />
      </PrintToolbar>
      {sheet && <DaySheet sheet={sheet} town={town ?? ""} />}
    </div>
  );
}

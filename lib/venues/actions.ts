"use server";

import { revalidatePath } from "next/cache";
import { formStrings } from "@/lib/accounts/schema";
import { authorise } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/booking/schema";
import { updateVenue } from "./mutations";
import { venueInput } from "./schema";

export type VenueFormState = {
  ok: boolean;
  message: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
} | null;

export async function updateVenueAction(_state: VenueFormState, form: FormData): Promise<VenueFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const values = formStrings(form);
  const parsed = venueInput.safeParse(values);
  if (!parsed.success) return { ok: false, message: "还没有保存，请按提示修改。", fields: fieldErrors(parsed.error), values };
  const result = await updateVenue(actor, values.venueId ?? "", parsed.data);
  if (!result.ok) return { ok: false, message: result.message, values };
  // The public pages show venues too.
  revalidatePath("/", "layout");
  if (result.changed.length === 0) return { ok: true, message: "没有改动，无需保存。" };
  return { ok: true, message: `已保存：${result.changed.join("、")}。` };
}

import { describe, expect, it } from "vitest";
import { formValues } from "@/lib/form-values";
import { completeBookingInput, walkInInput } from "./schema";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("completeBookingInput", () => {
  it("reads several outcome checkboxes and the minutes from a form", () => {
    const parsed = completeBookingInput.safeParse(
      formValues(
        form([
          ["outcomes", "CONSULTATION"],
          ["outcomes", "MEDIATION_REFERRAL"],
          ["minutesSpent", "30"],
          ["lawyerNote", " "],
        ]),
      ),
    );
    expect(parsed.success && parsed.data).toEqual({ outcomes: ["CONSULTATION", "MEDIATION_REFERRAL"], minutesSpent: 30 });
  });

  it("answers in Chinese beside each field", () => {
    const parsed = completeBookingInput.safeParse(formValues(form([["minutesSpent", "abc"]])));
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries((parsed.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages.outcomes).toBe("请至少选择一项服务结果。");
    expect(messages.minutesSpent).toMatch(/用时/);
  });
});

describe("walkInInput", () => {
  it("accepts an empty phone and priority group, and a landline", () => {
    const base = {
      venueId: "v",
      date: "2026-11-28",
      time: "09:30",
      name: "王某",
      topic: "marriage",
      outcomes: ["OTHER"],
      minutesSpent: "15",
    };
    const noPhone = walkInInput.safeParse({ ...base, phone: "", priorityGroup: "" });
    expect(noPhone.success && noPhone.data.phone).toBeUndefined();
    const landline = walkInInput.safeParse({ ...base, phone: "0750-6123456" });
    expect(landline.success && landline.data.phone).toBe("0750-6123456");
    expect(walkInInput.safeParse({ ...base, time: "25:00" }).success).toBe(false);
  });
});

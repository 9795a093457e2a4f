"use server";

// The waitlist's forms on our own pages: join, look up, leave; and the answers to an offer on the
// held booking's page. Each parses with its schema and goes through lib/action.ts.
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicFormAction } from "@/lib/action";
import { changeOwnBooking, phoneRemembered, rememberedPhone, rememberPhone } from "@/lib/booking/access";
import { bookingCode } from "@/lib/booking/schema";
import { failure } from "@/lib/errors";
import { limitByAddress, requestAddress } from "@/lib/rate-limit";
import { leaveWaitlistAs, lookUpWaitlistEntry } from "./access";
import { acceptOffer, declineOffer, joinWaitlist } from "./mutations";
import { joinWaitlistFormInput, waitlistEntryId, waitlistEntryInput } from "./schema";

const NO_ENTRY = "没有找到这条候补登记。请核对登记时留的手机号码。";
const waitlist = (id: string) => ({ kind: "waitlist" as const, key: id });

export const joinWaitlistAction = publicFormAction({
  schema: joinWaitlistFormInput,
  invalid: "还没有登记候补，请按提示修改后再提交。",
  run: async (input) => {
    const limited = await limitByAddress("bookingAddress", "候补登记", await requestAddress());
    if (limited) return limited;
    const result = await joinWaitlist(input);
    if (!result.ok) return result;
    await rememberPhone(waitlist(result.entry.id), input.phone);
    redirect(`/waitlist/${result.entry.id}?done=joined`);
  },
});

export const lookUpWaitlistAction = publicFormAction({
  schema: waitlistEntryInput,
  invalid: "请按提示修改后再查看。",
  run: async ({ id, phone }) => {
    const entry = await lookUpWaitlistEntry(id, { phone, address: await requestAddress() });
    if (!entry) return failure("not_found", NO_ENTRY, { phone: NO_ENTRY });
    if ("ok" in entry) return entry;
    await rememberPhone(waitlist(id), phone);
    redirect(`/waitlist/${id}`);
  },
});

export const leaveWaitlistAction = publicFormAction({
  schema: z.object({ id: waitlistEntryId }),
  invalid: NO_ENTRY,
  run: async ({ id }) => {
    const phone = await phoneRemembered(waitlist(id));
    if (!phone) return failure("not_found", NO_ENTRY);
    const result = await leaveWaitlistAs(id, { phone, address: await requestAddress() });
    if (!result.ok) return result;
    redirect(`/waitlist/${id}?done=left`);
  },
});

const offerAnswer = z.object({ code: bookingCode });

/** "确认预约" on a slot held for the villager: it becomes their booking. */
export const acceptOfferAction = publicFormAction({
  schema: offerAnswer,
  invalid: "没有收到预约号，请刷新页面后再试。",
  run: async ({ code }) => {
    const phone = await rememberedPhone(code);
    if (!phone) return failure("not_found");
    const result = await changeOwnBooking({ phone, address: await requestAddress() }, () => acceptOffer(code, phone));
    if (!result.ok) return result;
    redirect(`/bookings/${code}?done=created`);
  },
});

/** "不要这个时间": the slot goes to the next person; the villager keeps waiting for another. */
export const declineOfferAction = publicFormAction({
  schema: offerAnswer,
  invalid: "没有收到预约号，请刷新页面后再试。",
  run: async ({ code }) => {
    const phone = await rememberedPhone(code);
    if (!phone) return failure("not_found");
    const result = await changeOwnBooking({ phone, address: await requestAddress() }, () => declineOffer(code, phone));
    if (!result.ok) return result;
    redirect(`/bookings/${code}?done=declined`);
  },
});

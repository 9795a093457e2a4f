import { lookUpSubject } from "@/lib/api/caller";
import { entryIdFrom, failureResponse, json, otherMethods } from "@/lib/api/http";
import { apiRoute, bodyOf, presentWaitlistEntry } from "@/lib/api/present";
import { leaveWaitlistAs } from "@/lib/waitlist/access";
import { waitlistEntryInput } from "@/lib/waitlist/schema";

/** Leaves the waitlist; an open offer is given up with it. */
export const POST = apiRoute<{ id: string }>(async (request, caller, params) => {
  const id = await entryIdFrom(params);
  if (id instanceof Response) return id;
  const input = await bodyOf(request, waitlistEntryInput.pick({ phone: true }));
  if (input instanceof Response) return input;
  const result = await leaveWaitlistAs(id, { phone: input.phone, address: lookUpSubject(caller) });
  if (!result.ok) return failureResponse(result, { conflict: "waitlist_ended" });
  return json(presentWaitlistEntry(result.entry));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

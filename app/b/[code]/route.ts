// The short link in text messages (lib/messages: PUBLIC_BASE_URL/b/<code>): to the booking's page,
// or to the look-up form when the code is not one. The page itself still asks for the phone number.
import { bookingCode } from "@/lib/booking/schema";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = bookingCode.safeParse((await params).code);
  const target = code.success ? `/bookings/${code.data}` : "/bookings/lookup";
  return new Response(null, {
    status: 307,
    headers: { Location: new URL(target, request.url).pathname, "Cache-Control": "no-store" },
  });
}

import { describe, expect, it } from "vitest";
import { GET } from "./route";

const open = (code: string) => GET(new Request(`http://site/b/${code}`), { params: Promise.resolve({ code }) });

describe("the short link in a text message", () => {
  it("opens the booking's page, the code as typed in any case", async () => {
    const answer = await open("7yhq9h");
    expect(answer.status).toBe(307);
    expect(answer.headers.get("location")).toBe("/bookings/7YHQ9H");
  });

  it("sends a code that is not one to the look-up form", async () => {
    expect((await open("%00")).headers.get("location")).toBe("/bookings/lookup");
  });
});

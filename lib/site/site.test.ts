// The site's public address (issue 22 item 4): PUBLIC_BASE_URL wins; else what an administrator
// set in the console; else this machine's own, which staff are warned about. Texts use it.
import { afterEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { setPublicAddress } from "./mutations";
import { linkOn, loadPublicAddress, PUBLIC_ADDRESS_KEY, publicAddressWarning } from "./queries";
import { publicAddressInput } from "./schema";

const admin: CurrentUser = { id: "site-test-admin", role: "ADMIN", displayName: "测试管理员", lawyerId: null };
const staff: CurrentUser = { id: "site-test-staff", role: "STAFF", displayName: "测试工作人员", lawyerId: null };

describe("the site's public address", () => {
  const saved = process.env.PUBLIC_BASE_URL;
  afterEach(async () => {
    if (saved === undefined) delete process.env.PUBLIC_BASE_URL;
    else process.env.PUBLIC_BASE_URL = saved;
    await prisma.siteSetting.deleteMany({ where: { key: PUBLIC_ADDRESS_KEY } });
  });

  it("is set by an administrator in the console, audited, and carried by the next text", async () => {
    delete process.env.PUBLIC_BASE_URL;
    expect(await loadPublicAddress()).toEqual({ base: "http://localhost:3000", source: "default", real: false });
    expect(await publicAddressWarning()).toBe("http://localhost:3000");

    const input = publicAddressInput.parse({ address: " https://fw.example.gov.cn/muzhou/ " });
    expect(await setPublicAddress(admin, input)).toMatchObject({ ok: true });
    const address = await loadPublicAddress();
    expect(address).toEqual({ base: "https://fw.example.gov.cn/muzhou", source: "console", real: true });
    expect(linkOn(address, "/b/7YHQ9H")).toBe("https://fw.example.gov.cn/muzhou/b/7YHQ9H");
    expect(await publicAddressWarning()).toBeNull();
    expect(await prisma.auditLog.count({ where: { kind: "site", subjectId: PUBLIC_ADDRESS_KEY, actorId: admin.id } })).toBe(1);

    const f = await createVenueFixture();
    const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(3)));
    if (!made.ok) throw new Error(made.message);
    const confirmation = await prisma.notification.findFirstOrThrow({
      where: { booking: { code: made.booking.code }, kind: "CONFIRMATION" },
    });
    expect(confirmation.message).toContain(`https://fw.example.gov.cn/muzhou/b/${made.booking.code}`);
  });

  it("is refused to staff, for this machine's own name, and while PUBLIC_BASE_URL decides", async () => {
    delete process.env.PUBLIC_BASE_URL;
    const input = publicAddressInput.parse({ address: "https://fw.example.gov.cn" });
    await expect(setPublicAddress(staff, input)).rejects.toThrow("没有权限");
    expect(await setPublicAddress(admin, publicAddressInput.parse({ address: "http://127.0.0.1:3000" }))).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(publicAddressInput.safeParse({ address: "fw.example.gov.cn" }).success).toBe(false);
    expect(publicAddressInput.safeParse({ address: "https://fw.example.gov.cn/?x=1" }).success).toBe(false);

    process.env.PUBLIC_BASE_URL = "https://env.example.gov.cn";
    expect(await setPublicAddress(admin, input)).toMatchObject({ ok: false, code: "conflict" });
    expect(await loadPublicAddress()).toEqual({ base: "https://env.example.gov.cn", source: "environment", real: true });
    expect(await prisma.siteSetting.count({ where: { key: PUBLIC_ADDRESS_KEY } })).toBe(0);
  });
});

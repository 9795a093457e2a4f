// The layering check must fail on each kind of bad import and pass a tree that keeps the rules.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkStructure } from "./structure.ts";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  root = mkdtempSync(path.join(os.tmpdir(), "structure-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const good = {
  "lib/db.ts": 'import "server-only";\nexport const db = {};',
  "lib/booking/queries.ts":
    'import "server-only";\nimport { db } from "@/lib/db";\nimport { slots } from "@/lib/availability/slots";',
  "lib/booking/schema.ts": 'import { z } from "zod";',
  "lib/availability/slots.ts": "export const slots = 1;",
  "lib/availability/slots.test.ts": 'import { slots } from "./slots";',
  "components/list.tsx": 'import type { BookingView } from "@/lib/booking/schema";',
  "app/page.tsx": 'import { listBookings } from "@/lib/booking/queries";\nimport { List } from "@/components/list";',
};

describe("checkStructure", () => {
  it("passes a tree that keeps the layering", () => {
    expect(checkStructure(tree(good))).toEqual([]);
  });

  it("fails when a page imports the database client", () => {
    const problems = checkStructure(tree({ ...good, "app/page.tsx": 'import { db } from "@/lib/db";' }));
    expect(problems).toEqual([expect.stringContaining("app/page.tsx: app/ imports the database client")]);
  });

  it("fails when a component imports a query or mutation file, by alias or relative path", () => {
    const problems = checkStructure(
      tree({
        ...good,
        "components/list.tsx": 'import { listBookings } from "@/lib/booking/queries";',
        "components/staff/form.tsx": 'import { cancel } from "../../lib/booking/mutations";',
      }),
    );
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/components\/list.tsx: components\/ import lib\/booking\/queries/);
    expect(problems.join("\n")).toMatch(/components\/staff\/form.tsx: components\/ import lib\/booking\/mutations/);
  });

  it("fails when lib/ imports app/", () => {
    const problems = checkStructure(tree({ ...good, "lib/booking/schema.ts": 'import { x } from "@/app/page";' }));
    expect(problems).toEqual([expect.stringContaining("lib/booking/schema.ts: lib/ imports app/page")]);
  });

  it("fails when two domains depend on each other, directly or round a cycle", () => {
    const direct = checkStructure(tree({ ...good, "lib/availability/slots.ts": 'import { x } from "@/lib/booking/schema";' }));
    expect(direct).toEqual([
      expect.stringMatching(
        /domains depend on each other: (booking → availability → booking|availability → booking → availability)/,
      ),
    ]);
    rmSync(root, { recursive: true, force: true });
    const longer = checkStructure(
      tree({
        ...good,
        "lib/availability/slots.ts": 'import { x } from "@/lib/holidays/schema";',
        "lib/holidays/schema.ts": 'import { y } from "@/lib/booking/schema";',
      }),
    );
    expect(longer).toHaveLength(1);
    expect(longer[0]).toMatch(/domains depend on each other/);
  });

  it("fails on a domain file outside the vocabulary, unless it is pure logic with its test", () => {
    const problems = checkStructure(
      tree({
        ...good,
        "lib/booking/helpers.ts": "export const x = 1;", // no test beside it
        "lib/booking/staff-things.ts": 'import "server-only";\nexport const y = 1;', // not pure, though tested
        "lib/booking/staff-things.test.ts": "",
        "lib/booking/code.ts": "export const code = 1;", // pure and tested: fine
        "lib/booking/code.test.ts": "",
      }),
    );
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["lib/booking/helpers.ts", "lib/booking/staff-things.ts"]);
  });

  it("fails when browser code reaches zod, however far down, but not through a server action or a type", () => {
    const problems = checkStructure(
      tree({
        ...good,
        "lib/booking/rules.ts": "export const NOTE_MAX = 500;",
        "lib/booking/actions.ts": '"use server";\nimport { z } from "zod";',
        "components/form.tsx":
          '"use client";\nimport { NOTE_MAX } from "@/lib/booking/rules";\nimport { book } from "@/lib/booking/actions";\nimport type { BookingView } from "@/lib/booking/schema";\nimport { type Slot } from "@/lib/booking/schema";',
        "components/fine.tsx": '// a comment first\n"use client";\nimport { Form } from "./form";',
        "components/far.tsx": '"use client";\nimport { limit } from "./middle";',
        "components/middle.ts": 'export { NOTE_MAX as limit } from "../lib/booking/schema";',
        "components/server-page.tsx": 'import { z } from "zod";', // not browser code
      }),
    );
    expect(problems).toEqual([
      "components/far.tsx: the browser would load components/far.tsx → components/middle.ts → lib/booking/schema.ts → zod; take the constants a form needs from a zod-free rules.ts",
    ]);
  });

  it("fails on a staff or district page that does not get its scope from the session", () => {
    const problems = checkStructure(
      tree({
        ...good,
        "app/(staff)/staff/bookings/page.tsx": 'const scope = await requireTownScope("/staff/bookings");',
        "app/(staff)/staff/audit/page.tsx": 'await requireStaff("/staff/audit");',
        "app/(staff)/staff/settings/page.tsx": 'await requireStaff("/staff/settings");',
        "app/(district)/district/page.tsx": 'await requireStaff("/district");',
      }),
    );
    expect(problems.sort()).toEqual([
      expect.stringContaining("app/(district)/district/page.tsx: a district page gets its scope from requireDistrictScope"),
      expect.stringContaining("app/(staff)/staff/audit/page.tsx: a staff page gets its scope from requireTownScope"),
    ]);
  });

  it("leaves infrastructure folders (lib/auth, lib/api) to their own names", () => {
    expect(checkStructure(tree({ ...good, "lib/auth/options.ts": 'import "server-only";' }))).toEqual([]);
  });
});

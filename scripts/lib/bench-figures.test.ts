import { describe, expect, it } from "vitest";
import { lighthouseFigures, median, modernScripts, percentile, pgbenchFigures } from "./bench-figures";

describe("percentile and median", () => {
  it("pick from the sorted list, the top percentile being the largest", () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(6);
    expect(percentile(sorted, 95)).toBe(10);
    expect(percentile(sorted, 100)).toBe(10);
    expect(median([30, 10, 20])).toBe(20);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("modernScripts", () => {
  it("lists each script a modern browser loads once, skipping the noModule polyfills and inline scripts", () => {
    const html = [
      '<link rel="preload" as="script" href="/_next/static/chunks/a.js"/>',
      '<script src="/_next/static/chunks/a.js" async="" nonce="x"></script>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
      '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
      "<script>self.__next_f.push([1])</script>",
      '<script src="/_next/static/chunks/a.js" async=""></script>',
    ].join("");
    expect(modernScripts(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
  });
});

describe("pgbenchFigures", () => {
  it("reads the rate, the count and the failures from PostgreSQL 15's pgbench", () => {
    const output = `pgbench (15.18 (Debian 15.18-0+deb12u1), server 18.0)
transaction type: /tmp/bench-x/booking.sql
scaling factor: 1
query mode: extended
number of clients: 20
number of threads: 2
maximum number of tries: 1
duration: 10 s
number of transactions actually processed: 12345
number of failed transactions: 3 (0.024%)
latency average = 16.201 ms
initial connection time = 40.117 ms
tps = 1234.567890 (without initial connection time)
`;
    expect(pgbenchFigures(output)).toEqual({ tps: 1234.56789, processed: 12345, failed: 3 });
  });

  it("has no figures for a run that failed", () => {
    expect(pgbenchFigures('pgbench: error: connection to server failed: FATAL: database "x" does not exist')).toBeNull();
  });
});

describe("lighthouseFigures", () => {
  it("reads the performance score as 0–100 and LCP in milliseconds", () => {
    const report = {
      categories: { performance: { score: 0.97 } },
      audits: { "largest-contentful-paint": { numericValue: 2394.56 } },
    };
    expect(lighthouseFigures(report)).toEqual({ score: 97, lcp: 2394.56 });
  });

  it("says why a report has no figures", () => {
    const failed = { categories: { performance: { score: null } }, audits: {}, runtimeError: { message: "NO_FCP" } };
    expect(lighthouseFigures(failed)).toEqual({ error: "NO_FCP" });
    expect(lighthouseFigures({})).toEqual({ error: "no performance score in the report" });
  });
});

// Each test file runs as the server does: with zod's Chinese messages configured at start-up. And
// a deprecation warning raised by our own code (a frame of ours on its stack) fails the test it
// came in: it is the next version's error.
import { afterEach } from "vitest";
import { configureZodLocale } from "@/lib/zod-locale";

configureZodLocale();

const ours: string[] = [];
const OUR_FRAME = /\/(app|components|lib|scripts|prisma|e2e)\/[^\s]*\.tsx?:\d+/;
process.on("warning", (warning) => {
  if (warning.name !== "DeprecationWarning") return;
  const frames = (warning.stack ?? "").split("\n").filter((line) => !line.includes("node_modules"));
  if (frames.some((line) => OUR_FRAME.test(line))) ours.push(`${warning.message}\n${frames.join("\n")}`);
});

afterEach(() => {
  if (ours.length) throw new Error(`Our code raised a deprecation warning:\n${ours.splice(0).join("\n\n")}`);
});

// npm run api:client -- create --name <name> [--contact <who>] [--webhook <url>] [--origin <origin>]…
//                        [--personal-data] [--test] [--town <slug>]
// npm run api:client -- rotate <id>
// npm run api:client -- revoke <id>
// Registers an API client of the JSON API (lib/api-clients) as the district does in its console:
// district-wide, or for the town --town names. `create` and `rotate` print the key on their last
// line (and `create` the webhook signing secret on the line before): shown this once, never stored.
// Every change is in the audit log, by the operator (命令行).
// Run under the react-server condition, as package.json does: lib/api-clients/mutations.ts is server-only.
import "./lib/load-settings.ts";
import { runWithDatabase } from "./lib/database.ts";

const USAGE = `Usage:
  npm run api:client -- create --name <name> [--contact <who>] [--webhook <url>] [--origin <origin>]… [--personal-data] [--test] [--town <slug>]
  npm run api:client -- rotate <id>
  npm run api:client -- revoke <id>`;

const [command, ...rest] = process.argv.slice(2);

/** The values of a repeatable option, and the arguments that are not options. */
function optionValues(name: string): string[] {
  const values: string[] = [];
  rest.forEach((arg, i) => {
    if (arg === name && rest[i + 1] !== undefined) values.push(rest[i + 1]);
  });
  return values;
}
const flag = (name: string) => rest.includes(name);
const option = (name: string) => optionValues(name).at(-1);
const positional = rest.filter(
  (arg, i) => !arg.startsWith("--") && !(i > 0 && /^--(name|contact|webhook|origin|town)$/.test(rest[i - 1])),
);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (command !== "create" && command !== "rotate" && command !== "revoke") fail(USAGE);
if (command === "create" && !option("--name")) fail(`create needs --name <name>.\n${USAGE}`);
if (command !== "create" && positional.length !== 1) fail(`${command} needs the client's id.\n${USAGE}`);

await runWithDatabase(async ({ url }) => {
  process.env.DATABASE_URL = url;
  const { districtScope } = await import("../lib/auth/scope.ts");
  const { createApiClient, revokeApiClient, rotateApiKey } = await import("../lib/api-clients/mutations.ts");
  const { apiClientInput } = await import("../lib/api-clients/schema.ts");
  const { db } = await import("../lib/db.ts");
  // The operator, who runs the command on the server: the district's rights, named as such in the audit log.
  const scope = districtScope({ id: "command-line", role: "DISTRICT", displayName: "命令行（运维人员）", lawyerId: null });
  if (!scope) throw new Error("The operator's scope could not be made.");
  try {
    if (command === "create") {
      const townSlug = option("--town");
      const town = townSlug ? await db.town.findUnique({ where: { slug: townSlug }, select: { id: true } }) : null;
      if (townSlug && !town) throw new Error(`There is no town ${townSlug}.`);
      const parsed = apiClientInput.safeParse({
        name: option("--name"),
        contact: option("--contact") ?? "（命令行登记，未填联系人）",
        origins: optionValues("--origin"),
        webhookUrl: option("--webhook") ?? "",
        personalData: flag("--personal-data") ? "on" : undefined,
        mode: flag("--test") ? "TEST" : "LIVE",
        townId: town?.id ?? "",
      });
      if (!parsed.success)
        throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
      const result = await createApiClient(scope, parsed.data);
      if (!result.ok) throw new Error(result.message);
      console.log(`Created API client ${result.clientId} (${result.name}).`);
      console.log(`Webhook signing secret: ${result.webhookSecret}`);
      console.log(result.key);
      return;
    }
    const [id] = positional;
    if (command === "rotate") {
      const result = await rotateApiKey(scope, id);
      if (!result.ok) throw new Error(result.message);
      console.log(`New key for API client ${id} (${result.name}); the old key no longer works.`);
      console.log(result.key);
      return;
    }
    const result = await revokeApiClient(scope, id);
    if (!result.ok) throw new Error(result.message);
    console.log(`Revoked the key of API client ${id}.`);
  } finally {
    await db.$disconnect();
  }
});

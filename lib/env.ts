import { z } from "zod";

// The environment, read and validated once. Scripts/start.ts fills these in for the embedded database.
const schema = z.object({
  DATABASE_URL: z.string().startsWith("postgres", "DATABASE_URL 应为 postgresql:// 开头的连接串"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

let cached: z.infer<typeof schema> | null = null;

export function env(): z.infer<typeof schema> {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${z.prettifyError(parsed.error)}. Start the app with "npm start", or set DATABASE_URL.`,
    );
  }
  cached = parsed.data;
  return cached;
}

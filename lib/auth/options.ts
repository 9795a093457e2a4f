import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { addressOf } from "@/lib/security";
import { endSession, SESSION_HOURS, sessionUser, startSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

export const authOptions: NextAuthOptions = {
  // The cookie lives as long as the longest session; whether its session is still live is asked of
  // the database on every request (lib/auth/sessions.ts).
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: { username: { label: "账号", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const address = addressOf(new Headers(req.headers as Record<string, string> | undefined));
        const result = await signInWithPassword(credentials?.username ?? "", credentials?.password ?? "", address);
        // next-auth passes a thrown message to the client's signIn() result as `error`.
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // At sign-in only: the cookie gets the new session's id and nothing that could go stale.
      if (user) token.sid = await startSession(user.id);
      return token;
    },
    // /api/auth/session answers for a live session only: a cookie whose session was ended (signed
    // out elsewhere, revoked by staff, expired, idle) gets no name, id or session id back.
    async session({ session, token }) {
      const live = typeof token.sid === "string" ? await sessionUser(token.sid) : null;
      if (!live) return { expires: session.expires } as Session;
      return { ...session, user: { ...session.user, id: token.sub, sid: token.sid } };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
};

import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { safeRedirectUrl } from "./return-path";
import { trustHost } from "./trust-host";
import { endSession, SESSION_MAX_AGE_S, startSession } from "./sessions";
import { applyProviderGroups, groupsFromClaims } from "@/lib/sign-in/sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
    /** The server-side session this cookie refers to (lib/auth/sessions.ts). */
    sessionId?: string;
  }
}

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [];
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID) {
    // Any standards-compliant identity provider (Keycloak, Entra ID, Okta, Dex…).
    list.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_CLIENT_ID,
      clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
      // Authorization code flow with PKCE and a nonce; the ID token's claims are the profile.
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: env.AUTH_OIDC_SCOPE } },
    });
  }
  if (env.MESHPORT_DEMO_SIGNIN) {
    list.push(
      Credentials({
        id: "demo",
        name: "Demo user",
        credentials: { email: { label: "Email" } },
        // Demo sign-in trusts the picked email, so it only ever accepts users seeded as demo users.
        async authorize(raw) {
          const parsed = z.object({ email: z.string().email() }).safeParse(raw);
          if (!parsed.success) return null;
          const user = await db.user.findFirst({ where: { email: parsed.data.email, isDemo: true, disabledAt: null } });
          return user ? { id: user.id, name: user.name, email: user.email } : null;
        },
      }),
    );
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter's types target @prisma/client; our generated client is the same shape.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  // Credentials sign-in requires JWT sessions; the token carries the user id and the id of the
  // session row that makes it revocable (docs/decisions/0030).
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  secret: env.AUTH_SECRET,
  trustHost: trustHost(env),
  providers: providers(),
  pages: { signIn: "/signin" },
  callbacks: {
    // Every return path next-auth accepts (callbackUrl, redirectTo) goes through the one rule.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    // A disabled user cannot sign in with any provider. For the identity provider, `user.id` is
    // the provider's subject, not Meshport's id: the user is found by their linked account.
    async signIn({ user, account }) {
      if (account?.type === "oidc") {
        const linked = await db.account.findUnique({
          where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
          select: { user: { select: { disabledAt: true } } },
        });
        return !linked?.user.disabledAt; // no account yet: a first sign-in, the adapter creates the user next
      }
      if (!user.id) return false;
      const found = await db.user.findUnique({ where: { id: user.id }, select: { disabledAt: true } });
      return Boolean(found) && !found?.disabledAt;
    },
    async jwt({ token, user, account, profile }) {
      // Only at sign-in is `user` set (Meshport's user, created by the adapter on a first sign-in):
      // apply the sign-in rules to the provider's groups, then open the session the cookie names.
      if (user?.id) {
        token.sub = user.id;
        if (account?.type === "oidc") {
          const groups = groupsFromClaims(profile, env.AUTH_OIDC_GROUPS_CLAIM);
          await applyProviderGroups(user.id, groups);
          token.sid = await startSession(user.id, account.provider, { idToken: account.id_token ?? null, groups });
        } else {
          token.sid = await startSession(user.id, account?.provider ?? "unknown");
        }
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out ends the session on the server, not only in this browser.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sub === "string" && typeof token.sid === "string") await endSession({ userId: token.sub, sessionId: token.sid });
    },
  },
});

export const enabledSignInMethods = () => ({
  demo: env.MESHPORT_DEMO_SIGNIN,
  oidc: env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID ? { name: env.AUTH_OIDC_NAME } : null,
});

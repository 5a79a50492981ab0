// A real OpenID Connect provider for the end-to-end tests: `oidc-provider` (the certified
// implementation by panva), with the authorization code flow, PKCE required (S256), and
// RP-initiated logout, configured as a deployment would configure Keycloak, Entra ID or Okta for
// Meshport. Its login page checks a password; consent is implied for this first-party client.
//
//   npx tsx tests/support/oidc/server.ts        (Playwright starts it: playwright.config.ts)
//
// Reads MESHPORT_TEST_OIDC_PORT and MESHPORT_TEST_APP_PORT (lib/env.ts toolEnv). State is in memory.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { toolEnv } from "@/lib/env";
import { TEST_IDP_CLIENT, TEST_IDP_PASSWORD, TEST_IDP_PEOPLE, type TestIdpPerson } from "./settings";
import { loginPage, logoutPage, messagePage } from "./pages";

const port = toolEnv.MESHPORT_TEST_OIDC_PORT;
const issuer = `http://localhost:${port}`;
const app = `http://localhost:${toolEnv.MESHPORT_TEST_APP_PORT}`;

/** `ines` or `ines.whatever` → Ines; anything else is nobody. */
function personOf(login: string): (typeof TEST_IDP_PEOPLE)[TestIdpPerson] | null {
  const first = login.split(".")[0] ?? "";
  return /^[a-z0-9.-]{1,64}$/.test(login) && first in TEST_IDP_PEOPLE ? TEST_IDP_PEOPLE[first as TestIdpPerson] : null;
}

const configuration: Configuration = {
  clients: [
    {
      client_id: TEST_IDP_CLIENT.clientId,
      client_secret: TEST_IDP_CLIENT.clientSecret,
      redirect_uris: [`${app}/api/auth/callback/oidc`],
      post_logout_redirect_uris: [`${app}/signin`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { methods: ["S256"], required: () => true },
  scopes: ["openid", "profile", "email", "groups"],
  claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"], groups: ["groups"] },
  // Claims asked for by scope go into the ID token too (Meshport reads its profile from it).
  conformIdTokenClaims: false,
  async findAccount(_ctx, sub) {
    const person = personOf(sub);
    if (!person) return undefined;
    return { accountId: sub, claims: async () => ({ sub, name: person.name, email: `${sub}@idp.test`, email_verified: true, groups: [...person.groups] }) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
        ctx.body = logoutPage(form);
      },
      postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
        ctx.body = messagePage("Signed out", "You are signed out of the test identity provider.");
      },
    },
  },
  renderError: async (ctx, out) => {
    ctx.type = "html";
    ctx.body = messagePage("Error", Object.entries(out).map(([k, v]) => `${k}: ${String(v)}`).join("; "));
  },
  // SameSite=None cookies need HTTPS; this provider serves plain HTTP on localhost.
  cookies: { keys: [randomBytes(32).toString("hex")], long: { sameSite: "lax", signed: true }, short: { sameSite: "lax", signed: true } },
};

const provider = new Provider(issuer, configuration);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) throw new Error("form too large");
  }
  return new URLSearchParams(body);
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(body);
}

/** The login prompt asks for a password; the consent prompt is granted at once (a first-party client). */
async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return html(res, 400, messagePage("Error", "This sign-in has expired. Start again from Meshport."));
  if (details.prompt.name === "login") {
    if (req.method === "POST" && action === "login") {
      const form = await readForm(req);
      const login = (form.get("login") ?? "").trim().toLowerCase();
      if (!personOf(login) || form.get("password") !== TEST_IDP_PASSWORD) return html(res, 401, loginPage(uid, login, "Wrong username or password."));
      return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    return html(res, 200, loginPage(uid, "", null));
  }
  if (details.prompt.name === "consent") {
    const { params, session, grantId } = details;
    const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    if (!grant) throw new Error("grant not found");
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  return html(res, 501, messagePage("Error", `Unsupported prompt ${details.prompt.name}.`));
}

const handleOidc = provider.callback();

createServer((req, res) => {
  // Browsers ask for an icon; a 404 would be a console error in the journeys.
  if (req.url === "/favicon.ico") return void res.writeHead(204).end();
  const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(new URL(req.url ?? "/", issuer).pathname);
  if (!match) return void handleOidc(req, res);
  interaction(req, res, match[1]!, match[2]).catch((e: unknown) => {
    console.error(e);
    if (!res.headersSent) html(res, 500, messagePage("Error", "The identity provider failed; see its log."));
  });
}).listen(port, "localhost", () => console.log(`test identity provider at ${issuer} (client ${TEST_IDP_CLIENT.clientId}, returns to ${app})`));

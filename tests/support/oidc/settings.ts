// The OpenID Connect provider the end-to-end tests start (server.ts) and how Meshport is pointed at
// it (playwright.config.ts): one place for its address, its client and its people. Test-only values.

export type TestIdpSettings = { issuer: string; appOrigin: string };

export const TEST_IDP_CLIENT = { clientId: "meshport-e2e", clientSecret: "meshport-e2e-client-secret-not-for-production" } as const;

/** The name the sign-in page shows for it ("Continue with …"). */
export const TEST_IDP_NAME = "Test IdP";

export const TEST_IDP_PASSWORD = "correct horse battery staple";

/**
 * The provider's people, by the first part of their login: `ines` and `ines.anything` are Ines, so a
 * test can sign in as a person the portal has never seen (a first sign-in creates the user).
 */
export const TEST_IDP_PEOPLE = {
  ines: { name: "Ines Sauer", groups: ["meshport-sales", "all-staff"] },
  noel: { name: "Noel Quinn", groups: ["all-staff"] },
} as const;

export type TestIdpPerson = keyof typeof TEST_IDP_PEOPLE;

/** Meshport's environment for this provider (the groups claim is the default, `groups`). */
export function meshportOidcEnv({ issuer }: TestIdpSettings): Record<string, string> {
  return {
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: TEST_IDP_CLIENT.clientId,
    AUTH_OIDC_CLIENT_SECRET: TEST_IDP_CLIENT.clientSecret,
    AUTH_OIDC_NAME: TEST_IDP_NAME,
    AUTH_OIDC_SCOPE: "openid profile email groups",
  };
}

// A user's colour theme: its names and labels (docs/decisions/0066). Imported by the header's control on
// every page, so it stays free of zod (32 KiB on the wire, docs/decisions/0067); the schema and the cookie
// are in ./cookie.ts, for the server.

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

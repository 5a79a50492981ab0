import { describe, expect, it } from "vitest";
import { themeCookieValue, themeFromCookie } from "./cookie";
import { THEMES } from "./preference";

describe("theme cookie", () => {
  it.each(THEMES)("round-trips %s for its user", (theme) => {
    expect(themeFromCookie(themeCookieValue(theme, "user-1"), "user-1")).toBe(theme);
  });

  it("is ignored for another user on the same browser", () => {
    expect(themeFromCookie(themeCookieValue("dark", "user-1"), "user-2")).toBeNull();
    expect(themeFromCookie("dark.user-10", "user-1")).toBeNull();
  });

  it.each([undefined, "", "dark", "dark.", ".user-1", "Dark.user-1", "purple.user-1", "system.user-1.extra"])("rejects %j", (value) => {
    expect(themeFromCookie(value, "user-1")).toBeNull();
  });
});

import { z } from "zod";

/**
 * A calendar day as YYYY-MM-DD that exists: zod's ISO date knows month lengths and leap years, so
 * 2027-02-30 is refused instead of becoming 2 March (what Date.parse makes of it).
 */
export const calendarDate = (message = "Choose a date that exists (YYYY-MM-DD).") => z.iso.date({ error: message });

import { z } from "zod";
import { TOPIC_PREFIX_PATTERN } from "@/lib/governance/prefixes";

// Client-safe: shared by the admin and team forms and their server actions.

const slug = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z][a-z0-9-]*$/, "Use lowercase letters, digits and dashes, starting with a letter.");
const name = z.string().trim().min(2, "Use at least 2 characters.").max(80, "Use at most 80 characters.");
const description = z.string().trim().max(2_000, "Use at most 2000 characters.");
const id = z.string().trim().min(1).max(40);
const email = z.string().trim().toLowerCase().email("Enter an e-mail address.").max(200);

/** "a@x.org, b@x.org" in a form, an array from the API; each an address. */
const emails = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((t) => t.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.string().email("Each owner needs an e-mail address.")).max(20, "At most 20 owners."))
  .transform((list) => [...new Set(list)]);

export const topicPrefix = z
  .string()
  .trim()
  .max(100, "Use at most 100 characters.")
  .regex(TOPIC_PREFIX_PATTERN, 'Lowercase letters, digits, dots and dashes, starting with a letter and ending with "." or "-" (e.g. "sales.").');

/** "sales., web-" in a form, an array from the API. */
const prefixes = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)).map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(topicPrefix).max(10, "At most 10 prefixes."))
  .transform((list) => [...new Set(list)]);

/** Kafka principals as the authorizer sees them; a bare name means a SCRAM/PLAIN user. */
export const kafkaPrincipal = z
  .string()
  .trim()
  .min(1, "Enter the team's Kafka principal.")
  .max(200)
  .transform((p) => (p.includes(":") ? p : `User:${p}`))
  .pipe(z.string().regex(/^User:[A-Za-z0-9._@=,-]+$/, 'A principal looks like "User:team-sales".'));

export const createDomainSchema = z.object({ slug, name, description, ownerEmails: emails });
export type CreateDomainInput = z.input<typeof createDomainSchema>;

export const setDomainOwnersSchema = z.object({ domainId: id, ownerEmails: emails });
export type SetDomainOwnersInput = z.input<typeof setDomainOwnersSchema>;

export const createTeamSchema = z.object({
  slug,
  name,
  description,
  domainId: id.min(1, "Choose the team's domain."),
  contactEmail: z.union([z.literal(""), email]).transform((v) => v || null),
  principal: z.union([z.literal(""), kafkaPrincipal]).transform((v) => v || null),
  prefixes,
});
export type CreateTeamInput = z.input<typeof createTeamSchema>;

export const TEAM_ROLES = ["MAINTAINER", "MEMBER"] as const;

export const addMemberSchema = z.object({ teamId: id, email, role: z.enum(TEAM_ROLES, { message: "Choose a role." }) });
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const setMemberRoleSchema = z.object({ teamId: id, userId: id, role: z.enum(TEAM_ROLES) });
export const removeMemberSchema = z.object({ teamId: id, userId: id });

export const topicPrefixSchema = z.object({ teamId: id, prefix: topicPrefix });
export type TopicPrefixInput = z.input<typeof topicPrefixSchema>;

export const linkPrincipalSchema = z.object({ teamId: id, principal: kafkaPrincipal });
export type LinkPrincipalInput = z.input<typeof linkPrincipalSchema>;
export const unlinkPrincipalSchema = z.object({ teamId: id, principalId: id });

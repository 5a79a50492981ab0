import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { conflict, invalid, notFound } from "@/lib/errors";

/** Users by e-mail, all of them or a field error naming who is missing (people sign in once before they can be named). */
export async function usersByEmail(tx: Tx, emails: string[], field: string): Promise<{ id: string; email: string | null }[]> {
  if (emails.length === 0) return [];
  const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const missing = emails.filter((e) => !users.some((u) => u.email === e));
  if (missing.length > 0) {
    const message = `No Meshport user with the e-mail ${missing.join(", ")}: they must sign in once first.`;
    throw invalid(message, { [field]: message });
  }
  return users;
}

export async function createDomain(
  viewer: Viewer,
  input: { slug: string; name: string; description: string; ownerEmails: string[] },
): Promise<{ id: string; slug: string }> {
  assertCan(viewer, { permission: "manage:organisation" });
  try {
    return await db.$transaction(async (tx) => {
      const owners = await usersByEmail(tx, input.ownerEmails, "ownerEmails");
      const domain = await tx.domain.create({
        data: { slug: input.slug, name: input.name, description: input.description, owners: { create: owners.map((u) => ({ userId: u.id })) } },
      });
      await recordAudit(tx, { actor: viewer, action: "domain.created", targetType: "domain", targetId: domain.id, after: input });
      return { id: domain.id, slug: domain.slug };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw conflict("That domain exists.", { slug: `A domain "${input.slug}" already exists.` });
    }
    throw e;
  }
}

/** Replaces a domain's owners with the given people; audited as before → after. */
export async function setDomainOwners(viewer: Viewer, input: { domainId: string; ownerEmails: string[] }): Promise<void> {
  assertCan(viewer, { permission: "manage:organisation" });
  await db.$transaction(async (tx) => {
    const domain = await tx.domain.findUnique({ where: { id: input.domainId }, include: { owners: { include: { user: { select: { email: true } } } } } });
    if (!domain) throw notFound("Domain");
    const owners = await usersByEmail(tx, input.ownerEmails, "ownerEmails");
    await tx.domainOwner.deleteMany({ where: { domainId: domain.id } });
    await tx.domainOwner.createMany({ data: owners.map((u) => ({ domainId: domain.id, userId: u.id })) });
    await recordAudit(tx, {
      actor: viewer,
      action: "domain.owners-changed",
      targetType: "domain",
      targetId: domain.id,
      before: { owners: domain.owners.map((o) => o.user.email) },
      after: { owners: input.ownerEmails },
    });
  });
}

import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import { grantPrefixes } from "./prefixes";

export type NewTeam = {
  slug: string;
  name: string;
  description: string;
  domainId: string;
  contactEmail: string | null;
  principal: string | null;
  prefixes: string[];
};

/** Creates a team with its Kafka principal and topic prefixes in one transaction (platform admins only). */
export async function createTeam(viewer: Viewer, input: NewTeam): Promise<{ id: string; slug: string }> {
  assertCan(viewer, { permission: "manage:organisation" });
  try {
    return await db.$transaction(async (tx) => {
      const domain = await tx.domain.findUnique({ where: { id: input.domainId }, select: { id: true } });
      if (!domain) throw notFound("Domain");
      const team = await tx.team.create({
        data: {
          slug: input.slug,
          name: input.name,
          description: input.description,
          contactEmail: input.contactEmail,
          domainId: domain.id,
          principals: input.principal ? { create: { principal: input.principal } } : undefined,
        },
      });
      await grantPrefixes(tx, team.id, input.prefixes, "prefixes");
      await recordAudit(tx, { actor: viewer, action: "team.created", targetType: "team", targetId: team.id, after: input });
      return { id: team.id, slug: team.slug };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const target = JSON.stringify(e.meta ?? {});
      if (target.includes("principal")) throw conflict("That principal belongs to another team.", { principal: `${input.principal} is already linked to another team.` });
      throw conflict("That team exists.", { slug: `A team "${input.slug}" already exists.` });
    }
    throw e;
  }
}

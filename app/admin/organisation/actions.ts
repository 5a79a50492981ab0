"use server";

import { revalidatePath } from "next/cache";
import { createDomain, createTeam, setDomainOwners } from "@/lib/organisation";
import { createDomainSchema, createTeamSchema, setDomainOwnersSchema } from "@/lib/organisation/schemas";
import { action } from "@/lib/server-action";

export const createDomainAction = action(createDomainSchema, async (viewer, input) => {
  const domain = await createDomain(viewer, input);
  revalidatePath("/admin/organisation");
  return domain;
});

export const setDomainOwnersAction = action(setDomainOwnersSchema, async (viewer, input) => {
  await setDomainOwners(viewer, input);
  revalidatePath("/admin/organisation");
  return { saved: true };
});

export const createTeamAction = action(createTeamSchema, async (viewer, input) => {
  const team = await createTeam(viewer, input);
  revalidatePath("/admin/organisation");
  return team;
});

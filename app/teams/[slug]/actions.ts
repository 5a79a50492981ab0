"use server";

import { revalidatePath } from "next/cache";
import { addMember, addTopicPrefix, linkPrincipal, removeMember, removeTopicPrefix, setMemberRole, unlinkPrincipal } from "@/lib/organisation";
import {
  addMemberSchema,
  linkPrincipalSchema,
  removeMemberSchema,
  setMemberRoleSchema,
  topicPrefixSchema,
  unlinkPrincipalSchema,
} from "@/lib/organisation/schemas";
import { action } from "@/lib/server-action";

const done = () => {
  revalidatePath("/teams", "layout");
  revalidatePath("/admin/organisation");
  return { saved: true };
};

export const addMemberAction = action(addMemberSchema, async (viewer, input) => (await addMember(viewer, input), done()));
export const setMemberRoleAction = action(setMemberRoleSchema, async (viewer, input) => (await setMemberRole(viewer, input), done()));
export const removeMemberAction = action(removeMemberSchema, async (viewer, input) => (await removeMember(viewer, input), done()));
export const addPrefixAction = action(topicPrefixSchema, async (viewer, input) => (await addTopicPrefix(viewer, input), done()));
export const removePrefixAction = action(topicPrefixSchema, async (viewer, input) => (await removeTopicPrefix(viewer, input), done()));
export const linkPrincipalAction = action(linkPrincipalSchema, async (viewer, input) => (await linkPrincipal(viewer, input), done()));
export const unlinkPrincipalAction = action(unlinkPrincipalSchema, async (viewer, input) => (await unlinkPrincipal(viewer, input), done()));

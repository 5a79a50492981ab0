"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { RULE_ROLE_LABELS, RULE_ROLES, signInRuleSchema, TEAM_ROLES, type RuleRole } from "@/lib/sign-in/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

type Props = {
  teams: { slug: string; name: string }[];
  add: (input: { group: string; role: RuleRole; team: string | null }) => Promise<ActionResult<{ changed: boolean }>>;
};

/** One rule more: a provider group, the role it gives, and the team for team roles. Checked with the server's own schema. */
export function SignInRuleForm({ teams, add }: Props) {
  const router = useRouter();
  const [group, setGroup] = useState("");
  const [role, setRole] = useState<RuleRole>("member");
  const [team, setTeam] = useState(teams[0]?.slug ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const forTeam = TEAM_ROLES.includes(role);
  const adding = useMutation({
    mutationFn: add,
    onSuccess: (r) => {
      if (!r.ok) {
        setFailure(r.message);
        return setErrors(r.fieldErrors ?? {});
      }
      setFailure(null);
      setErrors({});
      setGroup("");
      toast.success(r.data.changed ? "Rule added. It applies at each user's next sign-in." : "That rule is already in the set.");
      router.refresh();
    },
    onError: () => setFailure("Could not reach Meshport. Check your connection and try again."),
  });

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const input = { group, role, team: forTeam ? team : null };
        const checked = signInRuleSchema.safeParse(input);
        if (!checked.success) return setErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? "group"), i.message])));
        adding.mutate(input);
      }}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Provider group" hint="Exactly as the identity provider sends it." error={errors.group}>
          {(p) => <Input {...p} name="group" value={group} onChange={(e) => setGroup(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Gives" error={errors.role}>
          {(p) => (
            <Select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as RuleRole)}>
              {RULE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {RULE_ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {forTeam ? (
          <Field label="Team" error={errors.team}>
            {(p) => (
              <Select {...p} name="team" value={team} onChange={(e) => setTeam(e.target.value)}>
                {teams.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
      </div>
      <Button type="submit" disabled={adding.isPending}>
        {adding.isPending ? "Adding…" : "Add rule"}
      </Button>
    </form>
  );
}

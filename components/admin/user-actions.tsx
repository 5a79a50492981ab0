"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";

type Props = {
  user: { id: string; name: string; disabled: boolean; isSelf: boolean };
  setDisabled: (input: { userId: string; disabled: boolean }) => Promise<ActionResult<{ disabled: boolean; endedSessions: number }>>;
  endSessions: (input: { userId: string }) => Promise<ActionResult<{ ended: number }>>;
};

/** A platform admin's actions on one user: end every session, disable or enable the account. */
export function UserActions({ user, setDisabled, endSessions }: Props) {
  const router = useRouter();
  const done = (message: string) => {
    toast.success(message);
    router.refresh();
  };
  const disable = useMutation({
    mutationFn: () => setDisabled({ userId: user.id, disabled: !user.disabled }),
    onSuccess: (r) => (r.ok ? done(r.data.disabled ? `${user.name} is disabled; ${r.data.endedSessions} session(s) ended.` : `${user.name} can sign in again.`) : toast.error(r.message)),
  });
  const end = useMutation({
    mutationFn: () => endSessions({ userId: user.id }),
    onSuccess: (r) => (r.ok ? done(`${user.name} is signed out everywhere (${r.data.ended} session(s) ended).`) : toast.error(r.message)),
  });
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" disabled={end.isPending} onClick={() => end.mutate()} aria-label={`Sign ${user.name} out everywhere`}>
        Sign out everywhere
      </Button>
      {user.isSelf ? null : (
        <Button size="sm" variant={user.disabled ? "secondary" : "danger"} disabled={disable.isPending} onClick={() => disable.mutate()} aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.name}`}>
          {user.disabled ? "Enable" : "Disable"}
        </Button>
      )}
    </div>
  );
}

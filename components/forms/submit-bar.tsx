import { Button } from "@/components/ui/button";

/** The row under a long form: one submit button that says what is happening while it runs. */
export function SubmitBar({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <div className="flex justify-end">
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}

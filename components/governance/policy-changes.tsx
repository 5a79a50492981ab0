import type { PolicyChange } from "@/lib/governance/policy-diff";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";

/** Changed policies as before → after; used by the history and by the YAML plan. */
export function PolicyChanges({ changes, label }: { changes: PolicyChange[]; label: string }) {
  return (
    <Table label={label} columns={["Policy", "Before", "After", ""]}>
      {changes.map((c) => (
        <tr key={c.key}>
          <td>
            {c.label} <span className="font-mono text-xs text-slate-500">{c.key}</span>
          </td>
          <td className="font-mono text-xs">{c.before}</td>
          <td className="font-mono text-xs">→ {c.after}</td>
          <td>{c.tightened ? <Badge tone="amber">tighter</Badge> : null}</td>
        </tr>
      ))}
    </Table>
  );
}

import type { PolicyVersionView } from "@/lib/governance/policy-history";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PolicyChanges } from "./policy-changes";

const SOURCES: Record<string, string> = { form: "form", yaml: "YAML on this page", cli: "npm run policies", migration: "when versioning began" };

/** Every version, newest first, with who made it, when, how, and what it changed. */
export function PolicyHistory({ versions }: { versions: PolicyVersionView[] }) {
  return (
    <Card>
      <CardHeader title="History" description="Every change is a new version; the newest is in force. The latest 20 are shown." />
      <CardBody className="space-y-0 divide-y divide-slate-100 p-0">
        {versions.map((v, i) => (
          <details key={v.number} open={i < 3} className="px-5 py-3" aria-label={`Version ${v.number}`}>
            <summary className="cursor-pointer text-sm">
              <span className="font-semibold">Version {v.number}</span>
              {i === 0 ? <Badge tone="green" className="ml-2">in force</Badge> : null}
              <span className="ml-2 text-slate-600">
                {v.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC · {v.actorLabel} · {SOURCES[v.source] ?? v.source}
              </span>
            </summary>
            <div className="mt-2">
              {v.changes.length > 0 ? (
                <PolicyChanges changes={v.changes} label={`Changes in version ${v.number}`} />
              ) : (
                <p className="text-sm text-slate-500">The set in force when versioning began.</p>
              )}
            </div>
          </details>
        ))}
      </CardBody>
    </Card>
  );
}

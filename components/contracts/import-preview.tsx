import type { ImportPreview } from "@/lib/contracts/standards/import-product";
import { formatLabel } from "@/lib/contracts/model";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** The product an import will create, as Meshport will create it. */
export function ImportPreviewCard({ preview: p }: { preview: ImportPreview }) {
  return (
    <Card>
      <CardHeader title={`Preview: ${p.name}`} description={`${p.domain} domain · owned by ${p.team} · /products/${p.slug}`} />
      <CardBody className="space-y-3 text-sm">
        <div className="flex flex-wrap gap-2" data-testid="import-preview">
          <Badge tone="indigo">{p.lifecycle.toLowerCase()}</Badge>
          <Badge tone="slate">{p.classification.toLowerCase()}</Badge>
          {p.containsPii ? <Badge tone="rose">Personal data</Badge> : null}
          {p.tags.map((t) => (
            <Badge key={t} tone="slate">
              {t}
            </Badge>
          ))}
        </div>
        <p className="whitespace-pre-line text-slate-700">{p.description}</p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">Topic</dt>
          <dd className="font-mono text-xs">{p.port.topic}</dd>
          <dt className="text-slate-500">Topic settings</dt>
          <dd>
            {p.port.partitions} partitions · replication {p.port.replicationFactor} · keeps {p.port.retentionHours} hours
          </dd>
          <dt className="text-slate-500">Schema</dt>
          <dd>
            {formatLabel[p.port.format]}, {p.port.compatibility.toLowerCase()} · fields {p.port.fields.join(", ")}
          </dd>
          <dt className="text-slate-500">Quality rules</dt>
          <dd>{p.port.rules.length > 0 ? p.port.rules.join("; ") : "None"}</dd>
          <dt className="text-slate-500">Personal data</dt>
          <dd>{p.port.personalDataFields.length > 0 ? p.port.personalDataFields.join(", ") : "None marked"}</dd>
          <dt className="text-slate-500">Objectives</dt>
          <dd>
            {p.availabilityPercent !== null ? `${p.availabilityPercent} % available` : "no availability objective"}
            {p.freshnessMinutes !== null ? ` · fresh within ${p.freshnessMinutes} min` : ""}
          </dd>
          <dt className="text-slate-500">Support</dt>
          <dd>{p.supportChannel ?? "The owning team"}</dd>
          <dt className="text-slate-500">Terms of use</dt>
          <dd className="whitespace-pre-line">{p.termsOfUse || "None stated"}</dd>
        </dl>
      </CardBody>
    </Card>
  );
}

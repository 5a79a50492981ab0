import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";

type Port = { id: string; topic: string; compatibility: string; deprecatedAt: Date | null; sunsetAt: Date | null; successorPortId: string | null };

/** Subject, compatibility mode and links to the versions (and, for owners, to publishing). */
export function PortContractLine({ port, productSlug, owner }: { port: Port; productSlug: string; owner: boolean }) {
  return (
    <p className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <span>
        Subject <span className="font-mono">{port.topic}-value</span>
      </span>
      <Badge tone="indigo">{port.compatibility}</Badge>
      <Link href={`/products/${productSlug}/ports/${port.id}/versions`} className="text-indigo-700 hover:underline">
        Versions and diffs
      </Link>
      {owner && !port.successorPortId ? (
        <Link href={`/products/${productSlug}/ports/${port.id}/publish`} className="text-indigo-700 hover:underline">
          Publish a new version
        </Link>
      ) : null}
    </p>
  );
}

/** A port replaced by a newer major version: when it stops and where to move. */
export function PortDeprecation({ port, ports }: { port: Port; ports: Port[] }) {
  if (!port.deprecatedAt) return null;
  const successor = ports.find((p) => p.id === port.successorPortId);
  return (
    <Alert tone="warning" title="Deprecated output port">
      {successor ? (
        <>
          Replaced by <span className="font-mono">{successor.topic}</span>.{" "}
        </>
      ) : null}
      {port.sunsetAt ? <>It stops on {port.sunsetAt.toISOString().slice(0, 10)}; move your consumers before then.</> : null}
    </Alert>
  );
}

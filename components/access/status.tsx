import { Badge, type BadgeTone } from "@/components/ui/badge";

const tone: Record<string, BadgeTone> = {
  PENDING: "amber",
  APPROVED: "indigo",
  ACTIVE: "green",
  REJECTED: "rose",
  CANCELLED: "slate",
  EXPIRED: "slate",
  REVOKED: "rose",
};

const label: Record<string, string> = {
  PENDING: "Pending",
  APPROVED: "Approved · applying ACLs",
  ACTIVE: "Active",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
};

/** A request's status; pending ones say whose decision they wait for. */
export function RequestStatus({ status, step }: { status: string; step?: "OWNER" | "DATA_PROTECTION" }) {
  const text = status === "PENDING" && step === "DATA_PROTECTION" ? "Pending · data protection" : status === "PENDING" ? "Pending · owners" : (label[status] ?? status);
  return <Badge tone={tone[status] ?? "slate"}>{text}</Badge>;
}

/** Where Kafka stands for a grant: applied (active), removed (ended), or still on its way. */
export function ProvisioningBadge({ provisioning, error, ended = false }: { provisioning: string; error?: string | null; ended?: boolean }) {
  if (provisioning === "APPLIED") return ended ? <Badge tone="slate">ACLs removed</Badge> : <Badge tone="green">ACLs applied</Badge>;
  if (ended && provisioning === "PENDING") return <Badge tone="amber">Removing ACLs · retrying</Badge>;
  if (provisioning === "FAILED") return <Badge tone="rose">ACLs failed{error ? `: ${error}` : ""}</Badge>;
  return <Badge tone="amber">ACLs pending · retrying</Badge>;
}

export const day = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : "—");
export const when = (d: Date | string) => new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC";

import { standardDownload } from "@/lib/contracts/standards/download";

export const dynamic = "force-dynamic";

/** The product's data contract as Open Data Contract Standard v3.0.2 YAML (docs/decisions/0047). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return standardDownload((await params).slug, "odcs");
}

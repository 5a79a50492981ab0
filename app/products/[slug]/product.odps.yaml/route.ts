import { standardDownload } from "@/lib/contracts/standards/download";

export const dynamic = "force-dynamic";

/** The product as Open Data Product Standard v1.0.0 YAML (docs/decisions/0047). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return standardDownload((await params).slug, "odps");
}

import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { ownsProducts } from "@/lib/dashboards";

/** Owners land on their dashboard; everyone else on the catalog. */
export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer && (await ownsProducts(viewer)) ? "/dashboard" : "/catalog");
}

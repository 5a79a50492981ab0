import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { ownsProducts } from "@/lib/dashboards";
import { outageAware } from "@/components/layout/outage-aware";

/** Owners land on their dashboard; everyone else on the catalog. */
async function Home() {
  const viewer = await getViewer();
  redirect(viewer && (await ownsProducts(viewer)) ? "/dashboard" : "/catalog");
}
export default outageAware(Home);

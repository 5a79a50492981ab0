import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { DeprecateProductInput, RetireProductInput } from "@/lib/catalog/schemas";
import { ActionButton } from "@/components/forms/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DeprecateForm } from "./deprecate-form";
import { RetireForm } from "./retire-form";

type Actions = {
  publish: (input: { productId: string }) => Promise<ActionResult<unknown>>;
  deprecate: (input: DeprecateProductInput) => Promise<ActionResult<{ sunsetAt: string; notified: number }>>;
  retire: (input: RetireProductInput) => Promise<ActionResult<{ topics: string[]; pending: string[] }>>;
};

/** The owner's next step in the product's life: publish a draft, deprecate, retire (docs/decisions/0052). */
export function LifecycleCard({
  product,
  actions,
  impact,
}: {
  product: { id: string; name: string; lifecycle: string; sunsetAt: Date | null; activeConsumerGrants: number };
  actions: Actions;
  /** What deprecating or retiring reaches downstream (lineage). */
  impact?: ReactNode;
}) {
  if (product.lifecycle === "RETIRED") return null;
  return (
    <Card>
      <CardHeader title="Lifecycle" description="Draft → active → deprecated → retired" />
      <CardBody>
        {product.lifecycle === "DRAFT" ? (
          <div className="space-y-2 text-sm">
            <p className="text-slate-600">Only your team sees this draft. Publishing lists it in everyone&apos;s catalog.</p>
            <ActionButton action={actions.publish} input={{ productId: product.id }} label="Publish" pendingLabel="Publishing…" done="Published" />
          </div>
        ) : product.lifecycle === "ACTIVE" || !product.sunsetAt ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-slate-800">{product.lifecycle === "ACTIVE" ? "Deprecate this product" : "Set a sunset date"}</summary>
            <div className="mt-3 space-y-3">
              {impact}
              <DeprecateForm productId={product.id} submit={actions.deprecate} />
            </div>
          </details>
        ) : (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-slate-800">Retire this product</summary>
            <div className="mt-3 space-y-3">
              {impact}
              <RetireForm
                product={{ id: product.id, name: product.name, sunsetAt: product.sunsetAt?.toISOString() ?? null, activeConsumerGrants: product.activeConsumerGrants }}
                submit={actions.retire}
              />
            </div>
          </details>
        )}
      </CardBody>
    </Card>
  );
}

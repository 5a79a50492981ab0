import Link from "next/link";
import { Alert } from "@/components/ui/alert";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** What every reader of a deprecated or retired product's page must see first (docs/decisions/0052). */
export function LifecycleBanner({
  product,
}: {
  product: { lifecycle: string; sunsetAt: Date | null; retiredAt: Date | null; successor: { slug: string; name: string } | null };
}) {
  if (product.lifecycle === "DEPRECATED") {
    const passed = product.sunsetAt !== null && product.sunsetAt <= new Date();
    return (
      <Alert tone="warning" title={product.sunsetAt ? `Deprecated: sunset on ${day(product.sunsetAt)}` : "Deprecated"}>
        <p>
          {passed
            ? "The sunset has passed: the product takes no new access requests and will be retired."
            : product.sunsetAt
              ? "After the sunset the product is retired and its topics are deleted from Kafka."
              : "Its owners have not set a sunset date yet."}{" "}
          {product.successor ? (
            <>
              Move to{" "}
              <Link href={`/products/${product.successor.slug}`} className="font-medium underline">
                {product.successor.name}
              </Link>
              .
            </>
          ) : null}
        </p>
      </Alert>
    );
  }
  if (product.lifecycle === "RETIRED") {
    return (
      <Alert tone="info" title={`Retired on ${day(product.retiredAt)}`}>
        Its topics and ACLs were deleted from Kafka; this page and its audit trail stay as the record of what it was.
      </Alert>
    );
  }
  return null;
}

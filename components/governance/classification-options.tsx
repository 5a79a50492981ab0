import { CLASSIFICATIONS } from "@/lib/governance/policies";
import { title } from "@/components/catalog/labels";

/** The <option>s of a classification select, from the one list governance defines. */
export function ClassificationOptions() {
  return CLASSIFICATIONS.map((c) => (
    <option key={c} value={c}>
      {title(c)}
    </option>
  ));
}

import { COMPATIBILITY_MODES } from "@/lib/schema-registry/types";

/** The <option>s of a compatibility-mode select, from the one list the registry module defines. */
export function CompatibilityOptions() {
  return COMPATIBILITY_MODES.map((m) => (
    <option key={m} value={m}>
      {m}
    </option>
  ));
}

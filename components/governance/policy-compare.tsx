import type { PolicyChange } from "@/lib/governance/policy-diff";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { PolicyChanges } from "./policy-changes";

/** Any two versions side by side: a plain GET form, so a comparison is a link an admin can share. */
export function PolicyCompare({
  versions,
  from,
  to,
  changes,
}: {
  versions: number[];
  from?: number;
  to?: number;
  /** null when one of the two versions does not exist; undefined before anything is compared. */
  changes: PolicyChange[] | null | undefined;
}) {
  const options = versions.map((n) => (
    <option key={n} value={n}>
      Version {n}
    </option>
  ));
  return (
    <Card>
      <CardHeader title="Compare versions" description="What changed from one version to another, policy by policy." />
      <CardBody className="space-y-4">
        <form method="get" action="/admin/policies" className="flex flex-wrap items-end gap-3">
          <Field label="From version">
            {(p) => (
              <Select {...p} name="from" defaultValue={from ?? versions[1] ?? versions[0]}>
                {options}
              </Select>
            )}
          </Field>
          <Field label="To version">
            {(p) => (
              <Select {...p} name="to" defaultValue={to ?? versions[0]}>
                {options}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary">
            Compare
          </Button>
        </form>
        {changes === null ? <p className="text-sm text-rose-700">One of these versions does not exist.</p> : null}
        {changes && changes.length === 0 ? (
          <p className="text-sm text-slate-600">
            Versions {from} and {to} hold the same policies.
          </p>
        ) : null}
        {changes && changes.length > 0 ? <PolicyChanges changes={changes} label={`From version ${from} to version ${to}`} /> : null}
      </CardBody>
    </Card>
  );
}

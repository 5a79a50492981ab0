import Link from "next/link";
import type { AuditFilter } from "@/lib/audit/schemas";
import { Field, Input, Select } from "@/components/ui/field";

type Options = { actions: string[]; targetTypes: string[]; actors: { id: string; label: string }[] };

/**
 * The audit log's filters as a plain GET form: the filters live in the URL, so a filtered view is
 * a link to share, and the export reads the same parameters.
 */
export function AuditFilters({ filter, options }: { filter: AuditFilter; options: Options }) {
  return (
    <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field label="Who">
        {(p) => (
          <Select {...p} name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">Anyone</option>
            <option value="system">system (background jobs)</option>
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Action">
        {(p) => (
          <Select {...p} name="action" defaultValue={filter.action ?? ""}>
            <option value="">Any action</option>
            {options.actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Target type">
        {(p) => (
          <Select {...p} name="targetType" defaultValue={filter.targetType ?? ""}>
            <option value="">Any target</option>
            {options.targetTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Target id">
        {(p) => <Input {...p} name="target" defaultValue={filter.target ?? ""} placeholder="e.g. a product's id" />}
      </Field>
      <Field label="From (UTC)">{(p) => <Input {...p} type="date" name="from" defaultValue={filter.from ?? ""} />}</Field>
      <Field label="To (UTC, included)">{(p) => <Input {...p} type="date" name="to" defaultValue={filter.to ?? ""} />}</Field>
      <Field label="Search the changes" className="sm:col-span-2" hint="Matches the action, who, the target and the before/after values.">
        {(p) => <Input {...p} type="search" name="q" defaultValue={filter.q ?? ""} placeholder="e.g. retention, sales.orders, REJECT" />}
      </Field>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
          Apply filters
        </button>
        <Link href="/admin/audit" className="text-sm text-indigo-700 hover:underline">
          Clear
        </Link>
      </div>
    </form>
  );
}

/** The outage said plainly: what every page shows while PostgreSQL does not answer. */
export function DatabaseDownNotice() {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-6 py-8">
      <h1 className="text-lg font-semibold text-amber-950">Meshport&apos;s database is not answering</h1>
      <p className="mt-2 text-sm text-amber-900">
        Pages come back by themselves as soon as it answers again; what was saved before stays saved. Kafka keeps
        serving your topics and granted access meanwhile: only the portal is affected.
      </p>
    </div>
  );
}

/**
 * The whole page during an outage, when the root layout finds the database down (it cannot render
 * the header, whose menus read the database). A page whose own queries fail later shows the notice
 * through its error boundary instead (app/error.tsx).
 */
export function DatabaseDown() {
  return (
    <>
      <header className="border-b border-slate-200 bg-surface">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 font-semibold text-slate-900 sm:px-6 lg:px-8">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">M</span>
          Meshport
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
        <DatabaseDownNotice />
      </main>
    </>
  );
}

export default function Loading() {
  return <p className="text-sm text-slate-500">Loading your products&apos; health…</p>;
}

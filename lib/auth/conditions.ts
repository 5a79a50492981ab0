// A rule as data (in the manner of Backstage's permission conditions): leaves joined by anyOf / allOf, or a
// constant. A rule is written once as such a condition; each place that needs it (an in-memory check, a Prisma
// `where`, a SQL fragment) folds the same condition with its own reading of the leaves. Pure and client-safe.

export type Condition<Leaf> = boolean | { anyOf: Condition<Leaf>[] } | { allOf: Condition<Leaf>[] } | { leaf: Leaf };

export type ConditionFolder<Leaf, Out> = {
  constant: (value: boolean) => Out;
  anyOf: (parts: Out[]) => Out;
  allOf: (parts: Out[]) => Out;
  leaf: (leaf: Leaf) => Out;
};

export function foldCondition<Leaf, Out>(c: Condition<Leaf>, f: ConditionFolder<Leaf, Out>): Out {
  if (typeof c === "boolean") return f.constant(c);
  if ("anyOf" in c) return f.anyOf(c.anyOf.map((x) => foldCondition(x, f)));
  if ("allOf" in c) return f.allOf(c.allOf.map((x) => foldCondition(x, f)));
  return f.leaf(c.leaf);
}

/** The in-memory reading: does `resource` satisfy the condition, given what each leaf means for it. */
export function matches<Leaf, R>(c: Condition<Leaf>, resource: R, leafMatches: (leaf: Leaf, resource: R) => boolean): boolean {
  return foldCondition<Leaf, boolean>(c, {
    constant: (v) => v,
    anyOf: (parts) => parts.some(Boolean),
    allOf: (parts) => parts.every(Boolean),
    leaf: (leaf) => leafMatches(leaf, resource),
  });
}

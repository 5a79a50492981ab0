// Policies as code, for a CI pipeline (docs/decisions/0053):
//
//   npm run policies -- plan FILE     what applying FILE would change; writes nothing
//   npm run policies -- apply FILE    applies it as a new version (none when nothing changes)
//   npm run policies -- export [FILE] the set in force as YAML (stdout without FILE)
//
// Connects to DATABASE_URL (lib/env.ts; default: the local embedded PostgreSQL). Versions and audit
// events it writes name the actor "policies-cli": it runs with the database's credentials, so whoever
// may run it in CI may change the policies, and the pipeline's own log says who triggered it.
// Exit codes: 0 done, 1 invalid file or refused change, 2 wrong usage or unreachable database.
import { readFile, writeFile } from "node:fs/promises";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { applyPoliciesFile, currentPoliciesYaml, planPoliciesFile, POLICIES_CLI, type PolicyPlan } from "@/lib/governance";

const USAGE = "usage: npm run policies -- plan FILE | apply FILE | export [FILE]";

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv;
  if (command === "export") {
    const yaml = await currentPoliciesYaml();
    if (file) await writeFile(file, yaml);
    else process.stdout.write(yaml);
    return 0;
  }
  if ((command !== "plan" && command !== "apply") || !file) {
    console.error(USAGE);
    return 2;
  }
  const yaml = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    console.error(`${file}: cannot read it (${e.code ?? e.message})`);
    return null;
  });
  if (yaml === null) return 1;

  const plan = await planPoliciesFile(yaml);
  if (!plan.ok) {
    // file:line:column: message, the form editors and CI annotations link to.
    for (const p of plan.problems) console.error(`${file}:${p.line}:${p.column}: ${p.message}`);
    console.error(`${plan.problems.length} problem${plan.problems.length === 1 ? "" : "s"}: nothing was changed.`);
    return 1;
  }
  printPlan(file, plan);
  if (command === "plan") {
    console.log("Plan only: nothing was changed.");
    return 0;
  }
  if (plan.changes.length === 0) {
    console.log(`Nothing to apply: version ${plan.baseVersion} stays in force.`);
    return 0;
  }
  const result = await applyPoliciesFile(POLICIES_CLI, yaml, { source: "cli", baseVersion: plan.baseVersion });
  console.log(result.created ? `Applied as version ${result.version} by policies-cli.` : `Nothing to apply: version ${result.version} stays in force.`);
  return 0;
}

function printPlan(file: string, plan: Extract<PolicyPlan, { ok: true }>) {
  if (plan.changes.length === 0) {
    console.log(`${file} matches the policies in force (version ${plan.baseVersion}): no changes.`);
  } else {
    console.log(`${file} against version ${plan.baseVersion}: ${plan.changes.length} change${plan.changes.length === 1 ? "" : "s"}`);
    for (const c of plan.changes) console.log(`  ~ ${c.key}: ${c.before} → ${c.after}${c.tightened ? "  (tighter)" : ""}`);
  }
  const newly = plan.newlyViolating.length > 0 ? `, ${plan.newlyViolating.length} of them newly (${plan.newlyViolating.join(", ")})` : "";
  console.log(`${plan.violatingProducts} existing product${plan.violatingProducts === 1 ? "" : "s"} would violate this set${newly}. They are listed on /admin/policies/violations, never changed.`);
}

void main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof DomainError) {
      console.error(`${error.message}${error.fieldErrors ? ` ${Object.values(error.fieldErrors).join(" ")}` : ""}`);
      return 1;
    }
    console.error(error instanceof Error ? error.message : error);
    return 2;
  })
  .then(async (code) => {
    await db.$disconnect().catch(() => undefined);
    process.exit(code);
  });


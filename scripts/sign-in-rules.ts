// Sign-in rules as code, for a CI pipeline (docs/decisions/0061), like `npm run policies`:
//
//   npm run sign-in-rules -- apply FILE     replaces the rules with the file's (nothing when they match)
//   npm run sign-in-rules -- export [FILE]  the rules in force as YAML (stdout without FILE)
//
// Connects to DATABASE_URL (lib/env.ts). Its audit events name the actor "sign-in-rules-cli".
// Exit codes: 0 done, 1 invalid file, 2 wrong usage or unreachable database.
import { readFile, writeFile } from "node:fs/promises";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { applyRulesFile, loadSignInRules, rulesToYaml } from "@/lib/sign-in";

const USAGE = "usage: npm run sign-in-rules -- apply FILE | export [FILE]";

async function main([command, file]: string[]): Promise<number> {
  if (command === "export") {
    const yaml = rulesToYaml(await loadSignInRules(), env.AUTH_OIDC_GROUPS_CLAIM);
    if (file) await writeFile(file, yaml);
    else process.stdout.write(yaml);
    return 0;
  }
  if (command === "apply" && file) {
    const result = await applyRulesFile({ tool: "sign-in-rules-cli" }, await readFile(file, "utf8"), "cli");
    if (!result.ok) {
      for (const p of result.problems) console.error(`${file}:${p.line}:${p.column}: ${p.message}`);
      return 1;
    }
    console.log(result.changed ? `applied: ${result.rules} rule(s) in force` : "nothing to apply: the file matches the rules in force");
    return 0;
  }
  console.error(USAGE);
  return 2;
}

void main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  })
  .then(async (code) => {
    await db.$disconnect().catch(() => undefined);
    process.exit(code);
  });

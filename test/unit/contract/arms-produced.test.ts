import { expect } from "chai";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { OPERATION_CATEGORY } from "../../../src/flows/quotas/categories.js";

// The contract promises one oneof arm per answer an operation can give. This check fails when an
// arm of an AuthService or AdminService response has no producer in the server (docs/quotas.md,
// "Every declared arm is real"): for each RPC, the flow its handler calls and every module that flow
// reaches must name the arm's case somewhere ("codeMismatch", …). too_many_requests is produced for
// every RPC by the shared adapter (src/api/unary.ts), from the quota table.
const ROOT = resolve(import.meta.dirname, "../../..");
const SERVICES = [
  { proto: "proto/identity/v1/auth_service.proto", handlers: "src/api/auth-service.ts" },
  { proto: "proto/identity/v1/admin_service.proto", handlers: "src/api/admin-service.ts" },
];
const GENERIC = new Set(["tooManyRequests"]);

const read = (path: string) => readFileSync(resolve(ROOT, path), "utf8");
const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every proto file of the package: responses may live in another file than their service. */
const ALL_PROTO = readdirSync(resolve(ROOT, "proto/identity/v1")).map((f) => read(`proto/identity/v1/${f}`)).join("\n");

/** RPC name → the arms of its response's `oneof result`, camel-cased as the generated code has them. */
function armsByRpc(proto: string): Map<string, string[]> {
  const text = read(proto);
  const arms = new Map<string, string[]>();
  for (const [, rpc, response] of text.matchAll(/rpc (\w+)\(\w+\) returns \((\w+)\)/g)) {
    const start = ALL_PROTO.indexOf(`message ${response} {`);
    expect(start, `message ${response} is defined`).to.be.greaterThan(-1);
    const body = ALL_PROTO.slice(start);
    const oneof = body.slice(body.indexOf("oneof result {"), body.indexOf("\n  }\n"));
    arms.set(rpc!, [...oneof.matchAll(/^\s+\w+ (\w+) = \d+;/gm)].map((m) => camel(m[1]!)));
  }
  return arms;
}

/** RPC name → the module file of the flow its handler calls. */
function flowModules(handlers: string): Map<string, string> {
  const text = read(handlers);
  const imports = new Map([...text.matchAll(/import \{ ([\w, ]+) \} from "(\.\.\/flows\/[^"]+)";/g)].flatMap((m) => m[1]!.split(", ").map((name) => [name, m[2]!] as const)));
  const modules = new Map<string, string>();
  for (const [, rpc, fn] of text.matchAll(/"(\w+)", \(r\) => (\w+)\(deps/g)) {
    const from = imports.get(fn!);
    if (from) modules.set(rpc!, resolve(dirname(resolve(ROOT, handlers)), from.replace(/\.js$/, ".ts")));
  }
  return modules;
}

/**
 * Every case a module and the modules it imports (transitively, within src/) can produce: the
 * literal of a `fail("…"` call or of a `$case: "…"` property, not type annotations.
 */
function reachableStrings(entry: string, seen = new Set<string>()): Set<string> {
  const strings = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:fail\(|\$case: )"([A-Za-z]+)"/g)) strings.add(m[1]!);
    for (const m of text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
      if (!m[1]!.includes("/gen/")) pending.push(resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")));
    }
  }
  return strings;
}

describe("contract: every declared oneof arm has a producer (docs/quotas.md)", () => {
  for (const service of SERVICES) {
    const arms = armsByRpc(service.proto);
    const flows = flowModules(service.handlers);
    for (const [rpc, rpcArms] of arms) {
      it(`${rpc}: each arm of its response is produced`, () => {
        const flow = flows.get(rpc);
        expect(flow, `${rpc} has a flow behind its handler`).to.be.a("string");
        const produced = reachableStrings(flow!);
        const missing = rpcArms.filter((arm) => !GENERIC.has(arm) && !produced.has(arm));
        expect(missing, `arms of ${rpc} that nothing produces`).to.deep.equal([]);
      });
    }
  }

  it("too_many_requests: exactly the RPCs with that arm have a quota category, so the adapter can produce it", () => {
    const withArm = SERVICES.flatMap((s) => [...armsByRpc(s.proto)].filter(([, a]) => a.includes("tooManyRequests")).map(([rpc]) => rpc)).sort();
    expect(Object.keys(OPERATION_CATEGORY).sort()).to.deep.equal(withArm);
  });

  it("finds the arms it checks (a broken parser would pass every RPC)", () => {
    const signUp = armsByRpc("proto/identity/v1/auth_service.proto").get("SignUp");
    expect(signUp).to.include.members(["success", "usernameExists", "tooManyRequests", "invalidParameter"]);
    expect(reachableStrings(flowModules("src/api/auth-service.ts").get("SignUp")!)).to.include("usernameExists");
  });
});

// The verifier's cost per call with a cached JWKS: one RS256 token verified over and over (signature,
// iss, exp, token_use, client id, scope), after a warm-up. Prints one line in µs per call.
import { createPublicKey, verify } from "node:crypto";
import { TokenVerifier } from "../../src/index.js";
import { accessToken, CLIENT_ID, ISSUER, JwksServer, signingKey } from "../unit/auth-fixtures.js";

const calls = Number(process.argv[2] ?? 20_000);
const key = await signingKey();
const jwks = await new JwksServer().start();
jwks.keys = [key];
const verifier = new TokenVerifier({ issuer: ISSUER, jwksUri: jwks.url, clientIds: [CLIENT_ID], scopes: ["orders/read"] });
const token = await accessToken(key);
for (let i = 0; i < 2_000; i++) await verifier.verify(token); // warm-up (JIT, key import)
const start = process.hrtime.bigint();
for (let i = 0; i < calls; i++) await verifier.verify(token);
const perCallUs = Number(process.hrtime.bigint() - start) / 1000 / calls;
await jwks.stop();

// The floor, measured in the same run: one RS256 signature check of the same token with node:crypto.
const [h, p, s] = token.split(".") as [string, string, string];
const publicKey = createPublicKey({ key: key.publicJwk, format: "jwk" });
const signed = Buffer.from(`${h}.${p}`);
const signature = Buffer.from(s, "base64url");
const floorStart = process.hrtime.bigint();
for (let i = 0; i < calls; i++) if (!verify("sha256", signed, publicKey, signature)) throw new Error("floor: bad signature");
const floorUs = Number(process.hrtime.bigint() - floorStart) / 1000 / calls;
console.log(`verifier ts (jose RS256): ${perCallUs.toFixed(1)} µs/call over ${calls} calls, ${jwks.requests} JWKS fetch(es); floor (one RS256 verify, node:crypto) ${floorUs.toFixed(1)} µs`);

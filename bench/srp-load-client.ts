import * as grpc from "@grpc/grpc-js";
import { hkdfSync, randomBytes } from "node:crypto";
import { modPow } from "../src/crypto/modpow.js";
import { N, g, k, padHex } from "../src/crypto/srp-group.js";
import { clientComputeA, computeU, computeX, formatTimestamp, passwordClaimSignature, poolNameFromId } from "../src/crypto/srp.js";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { AuthFlow, ChallengeName } from "../src/gen/identity/v1/common.js";
import { promiseClient } from "../test/helpers/clients.js";

type Auth = ReturnType<typeof promiseClient<AuthServiceClient>>;
type ChallengeParameters = Record<string, string>;

/**
 * The client side of USER_SRP_AUTH for load generation (docs/cognito.md §4.3), as cheap as the protocol
 * allows so the load generator leaves the cores to the server: one ephemeral (a, A) per client,
 * reused (the server draws a fresh b every time, so its work is unchanged), x and k·g^x cached
 * per user and salt, exponentiations through OpenSSL. What remains per sign-in is
 * S = (B - k·g^x)^(a + u·x), one exponentiation with a ~512-bit exponent.
 */
export class SrpLoadClient {
  private readonly a = BigInt(`0x${randomBytes(32).toString("hex")}`);
  readonly A = clientComputeA(this.a);
  private readonly perUser = new Map<string, { x: bigint; kgx: bigint }>();

  constructor(private readonly poolId: string) {}

  /** ChallengeResponses for PASSWORD_VERIFIER, signed at `now`. */
  answer(challenge: ChallengeParameters, password: string, now = new Date()): Record<string, string> {
    const userId = challenge.USER_ID_FOR_SRP!;
    const timestamp = formatTimestamp(now);
    const hkdf = this.sessionKey(userId, password, challenge.SALT!, BigInt(`0x${challenge.SRP_B!}`));
    const signature = passwordClaimSignature(hkdf, poolNameFromId(this.poolId), userId, challenge.SECRET_BLOCK!, timestamp);
    return { USERNAME: userId, PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK!, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }

  private sessionKey(userId: string, password: string, salt: string, B: bigint): Buffer {
    const { x, kgx } = this.cached(userId, password, salt);
    const u = computeU(BigInt(`0x${this.A}`), B);
    if (u === undefined) throw new Error("u = 0");
    const S = modPow((((B - kgx) % N) + N) % N, this.a + u * x);
    return Buffer.from(hkdfSync("sha256", Buffer.from(padHex(S), "hex"), Buffer.from(padHex(u), "hex"), "Caldera Derived Key", 16));
  }

  private cached(userId: string, password: string, salt: string) {
    const key = `${userId}\u0000${password}\u0000${salt}`;
    let entry = this.perUser.get(key);
    if (!entry) {
      const x = computeX(poolNameFromId(this.poolId), userId, password, salt);
      entry = { x, kgx: (k * modPow(g, x)) % N };
      this.perUser.set(key, entry);
    }
    return entry;
  }
}

/** Separate connections, so the cluster's round-robin spreads them over the server processes. */
export function authClients(address: string, count: number): Auth[] {
  return Array.from({ length: count }, () => promiseClient(new AuthServiceClient(address, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 })));
}

/** InitiateAuth(USER_SRP_AUTH) → the challenge parameters; anything else is an error. */
export async function srpInitiate(auth: Auth, clientId: string, username: string, A: string): Promise<ChallengeParameters> {
  const r = await auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_SRP_AUTH, authParameters: { USERNAME: username, SRP_A: A }, clientMetadata: {} });
  if (r.result?.$case !== "challenge") throw new Error(`InitiateAuth: ${r.result?.$case}`);
  return r.result.value.challengeParameters;
}

/** RespondToAuthChallenge(PASSWORD_VERIFIER) → the result arm's name. */
export async function srpRespond(auth: Auth, clientId: string, responses: Record<string, string>): Promise<string | undefined> {
  const r = await auth.respondToAuthChallenge({ clientId, challengeName: ChallengeName.CHALLENGE_NAME_PASSWORD_VERIFIER, session: "", challengeResponses: responses, clientMetadata: {} });
  return r.result?.$case;
}

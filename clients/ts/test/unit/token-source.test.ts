import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { TokenEndpointError, TokenSource, tokenEndpointFetcher } from "../../src/index.js";

describe("TokenSource", () => {
  test("caches: many calls, one fetch", async () => {
    let n = 0;
    const source = new TokenSource({ fetchToken: async () => ({ accessToken: `t${++n}`, expiresIn: 3600 }) });
    for (let i = 0; i < 10; i++) assert.equal(await source.token(), "t1");
    assert.equal(source.fetches, 1);
  });

  test("one refresh at a time under concurrency", async () => {
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const source = new TokenSource({
      fetchToken: async () => {
        n++;
        await gate;
        return { accessToken: `t${n}`, expiresIn: 3600 };
      },
    });
    const waiting = Array.from({ length: 50 }, () => source.token());
    release();
    assert.deepEqual(new Set(await Promise.all(waiting)), new Set(["t1"]));
    assert.equal(n, 1);
  });

  test("refreshes before expiry, not after", async () => {
    let now = 1_000_000;
    let n = 0;
    const source = new TokenSource({ now: () => now, refreshBeforeSeconds: 60, fetchToken: async () => ({ accessToken: `t${++n}`, expiresIn: 3600 }) });
    assert.equal(await source.token(), "t1");
    now += (3600 - 61) * 1000;
    assert.equal(await source.token(), "t1");
    now += 2000; // 59 s before expiry: inside the refresh window
    assert.equal(await source.token(), "t2");
    assert.equal(source.fetches, 2);
  });

  test("a failed refresh keeps the still-valid token; an expired one is not served", async () => {
    let now = 0;
    let fail = false;
    const source = new TokenSource({
      now: () => now,
      fetchToken: async () => {
        if (fail) throw new Error("endpoint down");
        return { accessToken: "t1", expiresIn: 600 };
      },
    });
    await source.token();
    fail = true;
    now = 590_000;
    assert.equal(await source.token(), "t1");
    now = 601_000;
    await assert.rejects(source.token(), /endpoint down/);
  });
});

describe("tokenEndpointFetcher", () => {
  let server: Server;
  let url = "";
  let seen: { authorization: string | undefined; type: string | undefined; body: string } | undefined;
  before(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let body = "";
      request.on("data", (c) => (body += c));
      request.on("end", () => {
        seen = { authorization: request.headers.authorization, type: request.headers["content-type"], body };
        const ok = request.headers.authorization === `Basic ${Buffer.from("client1:s%2Fcret").toString("base64")}`;
        response.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
        response.end(JSON.stringify(ok ? { access_token: "abc", token_type: "Bearer", expires_in: 3600 } : { error: "invalid_client" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/us-east-1_X/oauth2/token`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("client_credentials with HTTP Basic (form-encoded id and secret) and scopes", async () => {
    const token = await tokenEndpointFetcher({ tokenEndpoint: url, clientId: "client1", clientSecret: "s/cret", scopes: ["orders/read", "orders/write"] })();
    assert.deepEqual(token, { accessToken: "abc", expiresIn: 3600 });
    assert.equal(seen?.type, "application/x-www-form-urlencoded");
    assert.equal(seen?.body, "grant_type=client_credentials&scope=orders%2Fread+orders%2Fwrite");
  });

  test("RFC 6749 §5.2 errors become TokenEndpointError", async () => {
    await assert.rejects(tokenEndpointFetcher({ tokenEndpoint: url, clientId: "client1", clientSecret: "wrong" })(), (error: unknown) => {
      assert.ok(error instanceof TokenEndpointError);
      assert.equal(error.error, "invalid_client");
      assert.equal(error.status, 401);
      return true;
    });
  });
});

// A per-call round-robin gRPC proxy for tests of several server instances: every HTTP/2 stream (one
// RPC) goes to the next backend in turn, so consecutive calls of one client — an InitiateAuth and the
// RespondToAuthChallenge that answers it — land on different server processes.
// Usage: node scripts/sdk/rr-proxy.mjs LISTEN_PORT BACKEND_HOST:PORT [BACKEND_HOST:PORT...]
// On SIGTERM it writes {"calls":[n0,n1,...]} to $RR_PROXY_STATS (if set) and exits.
import { writeFileSync } from "node:fs";
import http2 from "node:http2";

const [listenPort, ...backends] = process.argv.slice(2);
if (!listenPort || backends.length === 0) {
  console.error("usage: rr-proxy.mjs LISTEN_PORT BACKEND_HOST:PORT [...]");
  process.exit(2);
}
const calls = backends.map(() => 0);
const sessions = new Map();
let next = 0;

function session(index) {
  let s = sessions.get(index);
  if (!s || s.closed || s.destroyed) {
    s = http2.connect(`http://${backends[index]}`);
    s.on("error", () => sessions.delete(index));
    s.on("close", () => sessions.delete(index));
    sessions.set(index, s);
  }
  return s;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "http2-settings"]);
function forwardable(headers, pseudo) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (HOP_BY_HOP.has(name)) continue;
    if (name.startsWith(":") && !pseudo.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

function unavailable(stream, message) {
  if (stream.destroyed || stream.closed) return;
  if (!stream.headersSent) {
    stream.respond({ ":status": 200, "content-type": "application/grpc", "grpc-status": "14", "grpc-message": encodeURIComponent(message) }, { endStream: true });
  } else {
    stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
  }
}

const server = http2.createServer();
server.on("stream", (stream, headers) => {
  const index = next++ % backends.length;
  calls[index]++;
  let upstream;
  try {
    upstream = session(index).request(forwardable(headers, [":method", ":path", ":scheme", ":authority"]));
  } catch (error) {
    unavailable(stream, `proxy: ${error.message}`);
    return;
  }
  let trailers = {};
  stream.pipe(upstream);
  upstream.on("response", (responseHeaders, flags) => {
    const out = forwardable(responseHeaders, [":status"]);
    if (flags & http2.constants.NGHTTP2_FLAG_END_STREAM) {
      stream.respond(out, { endStream: true }); // trailers-only: a status and no message
      return;
    }
    stream.respond(out, { waitForTrailers: true });
    upstream.pipe(stream);
  });
  upstream.on("trailers", (t) => (trailers = forwardable(t, [])));
  stream.on("wantTrailers", () => stream.sendTrailers(trailers));
  upstream.on("error", (error) => unavailable(stream, `proxy: ${error.message}`));
  stream.on("error", () => upstream.close(http2.constants.NGHTTP2_CANCEL));
  stream.on("close", () => {
    if (!upstream.closed) upstream.close(http2.constants.NGHTTP2_CANCEL);
  });
});
server.listen(Number(listenPort), "127.0.0.1");

process.on("SIGTERM", () => {
  if (process.env.RR_PROXY_STATS) writeFileSync(process.env.RR_PROXY_STATS, JSON.stringify({ backends, calls }));
  for (const s of sessions.values()) s.destroy();
  server.close();
  process.exit(0);
});

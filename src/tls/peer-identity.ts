import type { PeerCertificate } from "node:tls";

/** How a configured credential names a certificate: a SAN URI (SPIFFE ID), a SAN DNS name, or the subject CN. */
export type CertificateName = { readonly uri: string } | { readonly dns: string } | { readonly cn: string };

/** The names a verified client certificate carries. */
export interface PeerIdentity {
  readonly uris: readonly string[];
  readonly dnsNames: readonly string[];
  readonly commonName: string | undefined;
}

interface AuthContextLike {
  readonly sslPeerCertificate?: PeerCertificate | undefined;
}

/**
 * The peer's certificate when the TLS layer verified it against the client CA, and it is still
 * within its validity period now (a connection can outlive its certificate). grpc-js fills
 * `sslPeerCertificate` only for sockets OpenSSL authorized (grpc-credentials.ts).
 */
export function verifiedPeerCertificate(context: AuthContextLike | undefined, now = Date.now()): PeerCertificate | undefined {
  const peer = context?.sslPeerCertificate;
  if (!peer?.raw) return undefined;
  const from = Date.parse(peer.valid_from);
  const to = Date.parse(peer.valid_to);
  if (!(from <= now && now <= to)) return undefined;
  return peer;
}

export function peerIdentity(peer: PeerCertificate): PeerIdentity {
  const entries = subjectAltNames(peer.subjectaltname ?? "");
  const cn = peer.subject?.CN as unknown;
  return {
    uris: entries.filter((e) => e.type === "URI").map((e) => e.value),
    dnsNames: entries.filter((e) => e.type === "DNS").map((e) => e.value.toLowerCase()),
    // Several CNs make the name ambiguous: then there is none to match.
    commonName: typeof cn === "string" ? cn : undefined,
  };
}

/** Whether the certificate carries `name`: URIs exactly, DNS names case-insensitively, the CN exactly. */
export function carries(identity: PeerIdentity, name: CertificateName): boolean {
  if ("uri" in name) return identity.uris.includes(name.uri);
  if ("dns" in name) return identity.dnsNames.includes(name.dns.toLowerCase());
  return identity.commonName !== undefined && identity.commonName === name.cn;
}

/** `uri:spiffe://…`, `dns:…`, `cn:…`: how logs name a certificate identity. */
export function describeName(name: CertificateName): string {
  if ("uri" in name) return `uri:${name.uri}`;
  if ("dns" in name) return `dns:${name.dns}`;
  return `cn:${name.cn}`;
}

/** The first name a certificate carries, for logging a certificate no credential names. */
export function primaryName(identity: PeerIdentity): string {
  if (identity.uris[0]) return `uri:${identity.uris[0]}`;
  if (identity.dnsNames[0]) return `dns:${identity.dnsNames[0]}`;
  return identity.commonName !== undefined ? `cn:${identity.commonName}` : "(no name)";
}

/**
 * Node's `subjectaltname` text: `DNS:a, URI:spiffe://x, IP Address:127.0.0.1`; a value holding a
 * comma, quote or other special character is written as a JSON string (`URI:"a,b"`).
 */
export function subjectAltNames(text: string): { type: string; value: string }[] {
  const entries: { type: string; value: string }[] = [];
  const pattern = /(?:^|, )([A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)/g;
  for (const match of text.matchAll(pattern)) {
    const [, type, raw] = match;
    if (!type || raw === undefined) continue;
    let value = raw;
    if (raw.startsWith('"')) {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        continue;
      }
    }
    entries.push({ type, value });
  }
  return entries;
}

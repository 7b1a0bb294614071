/** A host and port to listen on; port 0 picks a free one. */
export interface Address {
  readonly host: string;
  readonly port: number;
}

export function parseAddress(text: string, name: string): Address {
  const match = /^(.*):(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new Error(`${name} must be host:port, not ${JSON.stringify(text)}`);
  return { host: match[1] || "0.0.0.0", port };
}

export function formatAddress(address: Address): string {
  return address.host.includes(":") ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

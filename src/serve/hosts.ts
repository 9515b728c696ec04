import { isIP } from 'node:net';

/** What `serve` binds to without `--host`: this machine only. */
export const DEFAULT_HOST = 'localhost';

/** The port `serve` listens on without `--port`, or the next free one after it. */
export const DEFAULT_PORT = 8080;

/** `::1` for `[::1]`, lower case: the form `listen()` takes. */
export function bindAddress(host: string): string {
  const name = host.trim().toLowerCase();
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}

/** True for names and addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const address = bindAddress(host);
  return address === 'localhost' || address === '::1' || /^127(?:\.\d{1,3}){3}$/.test(address) || /^::ffff:127(?:\.\d{1,3}){3}$/.test(address);
}

/** True for the addresses that mean "every network interface". */
export function isWildcard(host: string): boolean {
  const address = bindAddress(host);
  return address === '0.0.0.0' || address === '::' || address === '';
}

/** A host as it appears in a URL and in a `Host` header: IPv6 literals in brackets. */
function authorityName(host: string): string {
  const address = bindAddress(host);
  return isIP(address) === 6 ? `[${address}]` : address;
}

/** The address to open in a browser on this machine. */
export function previewUrl(host: string, port: number): string {
  return `http://${isWildcard(host) ? 'localhost' : authorityName(host)}:${port}/`;
}

/**
 * The `Host` header values (lower case) the server answers to: the loopback
 * names, the `--host` value, and for a wildcard bind every address of the
 * machine and its name. Anything else is a name the browser resolved to us
 * without our say (DNS rebinding) and is refused.
 */
export function allowedHosts(host: string, port: number, machine: { addresses: readonly string[]; hostname: string }): Set<string> {
  const names = ['localhost', '127.0.0.1', '::1', host];
  if (isWildcard(host)) names.push(machine.hostname, ...machine.addresses);
  const allowed = new Set<string>();
  for (const name of names) {
    // Link-local IPv6 addresses carry a zone (fe80::1%eth0) no Host header spells the same way.
    if (isWildcard(name) || name.includes('%')) continue;
    const authority = authorityName(name);
    allowed.add(`${authority}:${port}`);
    // Browsers leave the default port out of Host.
    if (port === 80) allowed.add(authority);
  }
  return allowed;
}

/** The warning `serve --host` prints when the preview can be reached from other machines; none for loopback. */
export function exposureWarning(host: string): string | undefined {
  if (isLoopback(host)) return undefined;
  const where = isWildcard(host) ? 'every network address of this machine' : bindAddress(host);
  return (
    `⚠ --host ${host}: the preview is reachable from the network on ${where}. ` +
    'Anyone who can reach it can read every page it serves, drafts and scheduled stories included when --drafts or --future is on. ' +
    'Without --host, serve answers this machine only.'
  );
}

// Two "hosts" on one machine: network namespaces joined to a bridge in the test's own namespace by veth pairs.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server } from 'node:net';

/** Why namespaces cannot be made here, or undefined when they can (root with CAP_NET_ADMIN and iproute2). */
export function netnsUnavailable(): string | undefined {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces need root (CAP_NET_ADMIN); run the test as root';
  const probe = `bl-probe-${randomBytes(3).toString('hex')}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'pipe' });
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `\`ip netns add\` failed (no CAP_NET_ADMIN, or iproute2 missing): ${(error as Error).message.split('\n')[0]}`;
  }
}

/** A bridge `10.213.N.1/24` in this namespace and one namespace per host at `.2`, `.3`, … */
export interface Hosts {
  /** The bridge address: services the hosts reach listen here. */
  readonly gateway: string;
  readonly names: readonly string[];
  readonly addresses: readonly string[];
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

export function createHosts(count: number): Hosts {
  const tag = randomBytes(2).toString('hex');
  const subnet = `10.213.${1 + (parseInt(tag, 16) % 250)}`;
  const bridge = `blbr${tag}`;
  const names = Array.from({ length: count }, (_, index) => `bl-host${index}-${tag}`);
  const created: (() => void)[] = [];
  const hosts: Hosts = {
    gateway: `${subnet}.1`,
    names,
    addresses: names.map((_, index) => `${subnet}.${index + 2}`),
    remove() {
      for (const undo of created.reverse()) {
        try {
          undo();
        } catch {
          // Already gone (a namespace's veth end goes with it).
        }
      }
    },
  };
  try {
    ip('link', 'add', bridge, 'type', 'bridge');
    created.push(() => ip('link', 'del', bridge));
    ip('addr', 'add', `${hosts.gateway}/24`, 'dev', bridge);
    ip('link', 'set', bridge, 'up');
    names.forEach((name, index) => {
      const outer = `blv${tag}${index}`;
      const inner = `blp${tag}${index}`;
      ip('netns', 'add', name);
      created.push(() => ip('netns', 'del', name));
      ip('link', 'add', outer, 'type', 'veth', 'peer', 'name', inner);
      created.push(() => ip('link', 'del', outer));
      ip('link', 'set', outer, 'master', bridge);
      ip('link', 'set', outer, 'up');
      ip('link', 'set', inner, 'netns', name);
      ip('-n', name, 'addr', 'add', `${hosts.addresses[index]}/24`, 'dev', inner);
      ip('-n', name, 'link', 'set', inner, 'up');
      ip('-n', name, 'link', 'set', 'lo', 'up');
    });
  } catch (error) {
    hosts.remove();
    throw error;
  }
  return hosts;
}

/**
 * Listens on `host:port` and pipes every connection to `target` (PostgreSQL and Redis here listen on loopback
 * only; this is the hosts' route to them, as a database host's address would be).
 */
export async function forwardPort(host: string, target: { host: string; port: number }): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((socket) => {
    const upstream = connect(target.port, target.host);
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

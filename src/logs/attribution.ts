// Which OpenClaw instance wrote a log line. Upstream's /tmp/openclaw/openclaw-*.log is shared by
// every OpenClaw process on the host (every profile, every port), so a line there is this install's
// business only when nothing it carries points elsewhere: the gateway's port (the `host=` field of
// a refused connect is the Host header the client used, i.e. the gateway's host:port; `port` fields;
// "listening on ws://…"), a state dir or config path, `--profile NAME`, the writer's pid, and the
// host name upstream puts in `_meta.hostname` (a container sharing /tmp).
import path from 'node:path';

/** What identifies this install. */
export interface InstanceIdentity {
  /** Ports this install's gateway uses: the configured one, and the running gateway's if it differs. */
  ports: number[];
  configPath: string;
  stateDir: string;
  profile?: string;
  /** The running gateway's pid (from its lock), positive evidence only: a restart changes it. */
  pid?: number;
  hostname?: string;
}

/** What one line says about its writer. */
export interface InstanceMarks {
  ports: number[];
  /** Absolute state-dir roots (`…/.openclaw`, `…/.openclaw-work`) and config files named in the line. */
  paths: string[];
  profile?: string;
  pid?: number;
  hostname?: string;
}

// `remotePort=` is the client's port, not the gateway's: `port` must start the word, in lower case.
const PORT_FIELD = /(?:\bhost=\[?[\w.:-]*?\]?:|"host":"\[?[\w.:-]*?\]?:|"port":\s*|\bport[=:]\s*|--port[= ]|listening on wss?:\/\/(?:\[[^\]]+\]|[\w.-]+):)(\d{2,5})\b/g;
// A path starts after a space, quote, `=` or `(`: one start per path keeps a line of slashes linear.
const STATE_PATH = /(?<=^|[\s"'`=(])(\/[^\s"'`()<>:]*?\/\.openclaw(?:-[\w-]+)?)(?=\/|[\s"'`),:]|$)(\/[^\s"'`()<>:]*)?/g;
const PROFILE_FLAG = /--profile[= ]([\w-]{1,64})/;
const WRITER_PID = /(?:^|\s)[\w.-]+\[(\d+)\]:|\(PID (\d+)\)/;

/** What identifies a writer sits in a line's first few KiB; a longer line is not searched further. */
const MARKS_WINDOW = 4096;

export function instanceMarks(full: string, hostname?: string): InstanceMarks {
  const text = full.slice(0, MARKS_WINDOW);
  const ports = [...text.matchAll(PORT_FIELD)].map((m) => Number(m[1])).filter((p) => p > 0 && p < 65536);
  const paths = [...text.matchAll(STATE_PATH)].map((m) => (m[2]?.endsWith('.json') ? m[1] + m[2] : m[1]));
  const pid = WRITER_PID.exec(text);
  return {
    ports: [...new Set(ports)],
    paths: [...new Set(paths)],
    profile: PROFILE_FLAG.exec(text)?.[1],
    pid: pid ? Number(pid[1] ?? pid[2]) : undefined,
    hostname,
  };
}

const stateRoot = (p: string) => p.replace(/\/openclaw\.json5?$/, '');

/**
 * undefined when the line is this install's or cannot be told apart (benefit of the doubt), else
 * the other instance in words ("port 18801", "state dir /home/x/.openclaw-work", "host box2").
 */
export function otherInstance(marks: InstanceMarks, self: InstanceIdentity): string | undefined {
  if (marks.pid !== undefined && marks.pid === self.pid) return undefined;
  const ownRoots = new Set([path.resolve(self.stateDir), path.dirname(path.resolve(self.configPath))]);
  const ours =
    marks.ports.some((p) => self.ports.includes(p)) ||
    marks.paths.some((p) => ownRoots.has(stateRoot(p)) || p === path.resolve(self.configPath)) ||
    (marks.profile !== undefined && marks.profile === self.profile);
  if (ours) return undefined;
  if (marks.hostname && self.hostname && marks.hostname !== self.hostname) return `host ${marks.hostname}`;
  const port = marks.ports[0];
  if (port !== undefined) return `port ${port}`;
  const other = marks.paths[0];
  if (other !== undefined) return `state dir ${stateRoot(other)}`;
  if (marks.profile !== undefined) return `profile ${marks.profile}`;
  return undefined;
}

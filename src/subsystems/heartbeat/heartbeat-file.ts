// Reading HEARTBEAT.md. A file with only blank lines and markdown headers is "empty" (upstream skips
// the model call). An optional `tasks:` block lists periodic tasks; a heartbeat with a block but
// nothing due is skipped as `no-tasks-due`. The block is YAML, starting at a line `tasks:` and
// running until a blank line followed by unindented text, a header or a ``` fence:
//
//   tasks:
//     - name: inbox
//       every: 2h
//     - name: weekly review
//       every: 7d
import { lazyRequire } from '../../lazy-require.js';
import { parseDuration } from '../../system/duration.js';

// yaml costs ~80 ms to load; only a HEARTBEAT.md with a tasks: block needs it, so the gateway and the
// doctor load it on first use (synchronously: the parse runs inside a synchronous evaluation).
const yaml = lazyRequire<typeof import('yaml')>('yaml');
const parseYaml = (text: string): unknown => yaml().parse(text);

export interface HeartbeatTask {
  name: string;
  everyMs: number;
}

export interface HeartbeatFile {
  /** Only blank lines, headers (and a tasks block, which is not content for the model). */
  empty: boolean;
  tasks?: HeartbeatTask[];
  /** Problems with the tasks block (a task without name or with a bad interval is ignored). */
  problems: string[];
}

const HEADER = /^\s{0,3}#{1,6}(\s|$)/;

export function parseHeartbeatFile(text: string): HeartbeatFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: string[] = [];
  const start = lines.findIndex((l) => /^tasks:\s*$/.test(l));
  let tasks: HeartbeatTask[] | undefined;
  let blockEnd = start;
  if (start >= 0) {
    blockEnd = start + 1;
    while (blockEnd < lines.length) {
      const l = lines[blockEnd];
      if (HEADER.test(l) || l.startsWith('```')) break;
      if (l.trim() !== '' && !/^\s/.test(l) && !l.startsWith('-')) break;
      blockEnd++;
    }
    tasks = [];
    let doc: unknown;
    try {
      doc = parseYaml(lines.slice(start, blockEnd).join('\n'));
    } catch (err) {
      problems.push(`tasks block is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    }
    const items = (doc as { tasks?: unknown } | undefined)?.tasks;
    for (const [i, item] of (Array.isArray(items) ? items : []).entries()) {
      const t = item as { name?: unknown; every?: unknown };
      if (typeof t?.name !== 'string' || (typeof t.every !== 'string' && typeof t.every !== 'number')) {
        problems.push(`tasks[${i}]: needs name and every`);
        continue;
      }
      try {
        tasks.push({ name: t.name, everyMs: parseDuration(t.every) });
      } catch (err) {
        problems.push(`tasks[${i}] (${t.name}): ${(err as Error).message}`);
      }
    }
  }
  const content = lines.filter((l, i) => !(start >= 0 && i >= start && i < blockEnd)).filter((l) => l.trim() !== '' && !HEADER.test(l) && !/^```\w*\s*$/.test(l));
  return { empty: content.length === 0 && !tasks?.length, tasks, problems };
}

/** The tasks whose interval has passed since they last ran (never run counts as due). */
export function dueTasks(tasks: HeartbeatTask[], lastRuns: Record<string, number>, nowMs: number): HeartbeatTask[] {
  return tasks.filter((t) => lastRuns[t.name] === undefined || nowMs - lastRuns[t.name] >= t.everyMs);
}

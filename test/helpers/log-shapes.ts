// The same message in the shapes real logs and pastes give it (issue 15 item 5): the catalog test
// runs every signature example through these, the corpus test every upstream example.

const TIME = '2026-11-22T02:18:55.120Z';

/** One-line shapes: the message whole, inside a prefix, a JSON document or colours. */
export function shapes(message: string): Record<string, string> {
  return {
    plain: message,
    upstreamJson: JSON.stringify({ '0': message, _meta: { logLevelName: 'ERROR', date: TIME, name: '{"subsystem":"gateway"}' }, time: TIME }),
    upstreamJsonSecondPart: JSON.stringify({ '0': '{"subsystem":"gateway"}', '1': message, _meta: { logLevelName: 'WARN' }, time: TIME }),
    // The console logger: a time, the level and the subsystem before the message.
    console: `02:18:55 [gateway] ${message}`,
    dockerTimestamps: `2026-11-22T02:18:55.123456789Z ${message}`,
    dockerCompose: `openclaw-gateway-1  | ${message}`,
    podmanCompose: `[openclaw-gateway] | ${message}`,
    dockerJsonFile: JSON.stringify({ log: `${message}\n`, stream: 'stderr', time: TIME }),
    journald: `Nov 22 02:18:55 box openclaw-gateway[4121]: ${message}`,
    // A Windows Scheduled Task's wrapper appends the gateway's output to gateway.log with CRLF ends.
    windowsTask: `${message}\r`,
    quotedInJsonError: JSON.stringify({ ok: false, error: { code: 'UNAVAILABLE', message } }),
    plainThenJson: `gateway call failed: ${JSON.stringify({ error: { message } })}`,
    // A terminal's colours, kept when output is piped into a file or pasted.
    ansiColours: `\u001b[31m${message}\u001b[39m`,
    ansiLevelPrefix: `\u001b[90m02:18:55\u001b[39m \u001b[31mERROR\u001b[39m ${message}`,
    // The CLI's clack prompts frame their lines with box characters.
    clackBar: `│  ${message}`,
    clackStep: `◇  ${message}`,
    clackError: `■  ${message}`,
    clackBoxRight: `│  ${message}  │`,
    // The desktop app's wrapper prefixes what the gateway writes to stderr.
    desktopWrapper: `[OpenClaw stderr] ${message}`,
  };
}

/** Multi-line pastes: the message among unrelated lines, and inside a clack note box (◇ title ─╮ … ├─╯). */
export function pastes(message: string): Record<string, string> {
  return {
    pastedBlock: ['Last login: Sun Nov 22 02:18:50 2026 from 10.0.0.7', '$ openclaw gateway', message, '$ echo $?', '1'].join('\n'),
    clackNote: ['◇  Gateway ─────────────────╮', '│                           │', `│  ${message}  │`, '│                           │', '├───────────────────────────╯'].join('\n'),
  };
}

/** A file-log JSON line cut mid-way (a full disk, a truncated copy): the message kept, the rest lost. */
export function cutJsonLine(message: string): string {
  const line = JSON.stringify({ '0': message, _meta: { logLevelName: 'ERROR', date: TIME, name: '{"subsystem":"gateway"}' }, time: TIME });
  return line.slice(0, line.indexOf('_meta') + 12);
}

// One message in the shapes real logs give it: the catalog tests run every example through each.

const TIME = '2026-11-22T02:18:55.120Z';

/** The same message in the shapes real logs have. */
export function shapes(message: string): Record<string, string> {
  return {
    plain: message,
    upstreamJson: JSON.stringify({ '0': message, _meta: { logLevelName: 'ERROR', date: TIME, name: '{"subsystem":"gateway"}' }, time: TIME }),
    upstreamJsonSecondPart: JSON.stringify({ '0': '{"subsystem":"gateway"}', '1': message, _meta: { logLevelName: 'WARN' }, time: TIME }),
    dockerTimestamps: `2026-11-22T02:18:55.123456789Z ${message}`,
    dockerCompose: `openclaw-gateway-1  | ${message}`,
    dockerJsonFile: JSON.stringify({ log: `${message}\n`, stream: 'stderr', time: TIME }),
    journald: `Nov 22 02:18:55 box openclaw-gateway[4121]: ${message}`,
    quotedInJsonError: JSON.stringify({ ok: false, error: { code: 'UNAVAILABLE', message } }),
    plainThenJson: `gateway call failed: ${JSON.stringify({ error: { message } })}`,
    // A terminal's colours, kept when output is piped into a file or pasted.
    ansiColours: `\u001b[31m${message}\u001b[39m`,
    ansiLevelPrefix: `\u001b[90m02:18:55\u001b[39m \u001b[31mERROR\u001b[39m ${message}`,
    // The CLI's clack prompts frame their lines with box characters.
    clackBar: `│  ${message}`,
    clackStep: `◇  ${message}`,
    clackError: `■  ${message}`,
    // The desktop app's wrapper prefixes what the gateway writes to stderr.
    desktopWrapper: `[OpenClaw stderr] ${message}`,
  };
}

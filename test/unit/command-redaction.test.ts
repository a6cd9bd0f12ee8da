// One redaction for every command line and environment the toolkit shows.
import { describe, expect, it } from 'vitest';
import { redactArgv, redactCommandLine, redactEnvironment } from '../../src/config/redact.js';
import { showCommand } from '../../src/system/process-identity.js';

describe('command-line redaction', () => {
  it.each([
    [['openclaw', 'gateway', 'run', '--token', 'S3cr3t-value'], 'openclaw gateway run --token ***'],
    [['openclaw', 'gateway', '--token=S3cr3t-value', '--port', '18789'], 'openclaw gateway --token=*** --port 18789'],
    [['openclaw', 'gateway', '--password', 'hunter2'], 'openclaw gateway --password ***'],
    [['openclaw', 'gateway', '--password=hunter2'], 'openclaw gateway --password=***'],
    [['env', 'OPENCLAW_GATEWAY_TOKEN=abc123', 'OPENAI_API_KEY=sk-1', 'AWS_SECRET=x', 'DB_PASSWORD=y', 'openclaw'], 'env OPENCLAW_GATEWAY_TOKEN=*** OPENAI_API_KEY=*** AWS_SECRET=*** DB_PASSWORD=*** openclaw'],
    [['node', 'main.js', 'gateway', '--port', '18789', '--verbose'], 'node main.js gateway --port 18789 --verbose'],
    [['sleep', '300'], 'sleep 300'],
  ])('%j', (argv, shown) => {
    expect(redactArgv(argv).join(' ')).toBe(shown);
    expect(redactCommandLine(argv.join(' '))).toBe(shown);
  });

  it('a trailing --token with no value is kept (there is nothing to hide)', () => {
    expect(redactArgv(['openclaw', '--token'])).toEqual(['openclaw', '--token']);
  });

  it('keys that only look alike are kept: a monkey is not a KEY', () => {
    expect(redactArgv(['MONKEY=1', 'KEYBOARD=us', 'TOKENS=5'])).toEqual(['MONKEY=1', 'KEYBOARD=us', 'TOKENS=5']);
  });

  it('showCommand also escapes control characters a process title could carry', () => {
    expect(showCommand(['evil\u001b]52;c;cHduZWQ=\u0007', '--token', 'S'])).toBe('evil\\x1b]52;c;cHduZWQ=\\x07 --token ***');
  });

  it('environments: secret-named values hidden, paths kept', () => {
    expect(redactEnvironment({ OPENCLAW_STATE_DIR: '/srv/oc', OPENCLAW_GATEWAY_TOKEN: 't', GITHUB_KEY: 'k', HOME: '/root', password: 'p' })).toEqual({ OPENCLAW_STATE_DIR: '/srv/oc', OPENCLAW_GATEWAY_TOKEN: '***', GITHUB_KEY: '***', HOME: '/root', password: '***' });
  });
});

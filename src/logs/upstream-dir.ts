// Where a real OpenClaw gateway writes its daily logs: /tmp/openclaw/openclaw-YYYY-MM-DD.log, fixed
// (it ignores TMPDIR; only its `logging.file` setting moves the file). OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR
// points the doctor and `logs scan` elsewhere: a container's /tmp mounted on the host, logs copied
// from a server, or an empty folder for tests that must not read this machine's real logs.
import os from 'node:os';
import path from 'node:path';

export function upstreamLogDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR || path.join(process.platform === 'win32' ? os.tmpdir() : '/tmp', 'openclaw');
}

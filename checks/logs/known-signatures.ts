// Recent log lines the signature catalog recognises: one finding per signature, with its cause,
// the last line that matched as evidence, the catalog's fix, and when it was first and last seen.
// Evidence is scoped (lines another OpenClaw instance wrote into the shared log are not this
// install's problem) and dated (lines from before the window of src/facts/log-window.ts are history),
// and a live fact outranks a log line.
import { VERSION } from '../../src/version.js';
import { bindsWithoutAuth, fact, get, logEvidence, parsedConfig, passwordMissing } from '../../src/engine/check-helpers.js';
import { en, type MessageRef } from '../../src/i18n/index.js';
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
import type { SignatureMatch } from '../../src/facts/logs.js';
import { causeRef } from '../../src/signatures/cause-text.js';
import type { Facts } from '../../src/facts/types.js';

const CHECK_ID = 'logs/known-signatures';

// This doctor's probes introduce themselves as client "cli", mode "probe", our version, and a
// gateway logs a refused one like any other client (the first two forms are what a real 2026.9.6
// writes, the third is our gateway's quoted peer value). Those lines are not evidence: the live probe
// of this run says how things are now, and without this a drift fixed an hour ago stayed an error
// until the day's log rotated.
// i18n-ignore: log text to match
const OWN_PROBE = [`client=cli probe v${VERSION} `, `"client":"cli","mode":"probe","version":"${VERSION}"`, `client="cli probe v${VERSION}"`];
const fromOwnProbe = (text: string) => OWN_PROBE.some((s) => text.includes(s));

// Causes that say the gateway could not start or could not be reached. Once it answers (handshake
// and health), such lines are history: a setup run that found no gateway an hour ago, a start that
// lost the port race. They stay visible as info; a gateway that keeps failing is the business of
// gateway/* and service/restart-loop, which look at it now.
const OVER_WHEN_IT_ANSWERS = new Set([
  'mode-unset',
  'bind-without-auth',
  'auth-password-missing',
  'port-conflict',
  'stale-lock',
  'restart-health-timeout',
  'gateway-unreachable',
  'gateway-starting',
  'gateway-restarting',
  'gateway-start-failed',
  'restart-failed',
  'gateway-closed-abnormal',
]);
const AUTH_CAUSES = new Set(['token-mismatch', 'token-missing']);

// Start guards the config alone decides. An old line naming one is live only while the config still
// trips it: after the user fixed the file, a gateway that is merely not running yet is
// gateway/not-running's business, not "password auth without a password" from an hour ago. (An
// unparseable file trips mode-unset: the real gateway then reports gateway.mode as missing.)
const CONFIG_DECIDES: Record<string, (facts: Facts) => boolean> = {
  'mode-unset': (facts) => {
    const config = fact(facts, 'config');
    return !config || !config.exists || Boolean(config.error) || get(config.resolved, 'gateway.mode') !== 'local';
  },
  'auth-password-missing': (facts) => passwordMissing(parsedConfig(facts)?.config),
  'bind-without-auth': (facts) => bindsWithoutAuth(parsedConfig(facts)?.config),
};

/** `2026-12-06 14:46 UTC`: the same on every machine, and a reader can compare it with the log. */
export function shortTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const timeOf = (m: SignatureMatch) => (m.at ? Date.parse(m.at) : undefined);

/** First/last seen (lines with a time of their own) and the count, for the finding's details. */
function seen(ms: SignatureMatch[]): { details: Record<string, string>; last?: number } {
  const times = ms.filter((m) => !m.atUpperBound).flatMap((m) => timeOf(m) ?? []);
  const details: Record<string, string> = { count: String(new Set(ms.map((m) => `${m.line.file}\u0000${m.line.line ?? m.line.text}`)).size) };
  if (!times.length) return { details };
  const first = Math.min(...times);
  const last = Math.max(...times);
  return { details: { ...details, firstSeen: new Date(first).toISOString(), lastSeen: new Date(last).toISOString() }, last };
}

/** "3 lines, first 09:12, last 09:40", as a message of its own inside a finding's. */
function seenText(details: Record<string, string>): MessageRef {
  const [first, last] = [details.firstSeen, details.lastSeen].map((t) => (t ? shortTime(Date.parse(t)) : null));
  return { id: 'logs/known-signatures.seen', params: { count: Number(details.count), first, last, same: first === last } };
}

/** The cause's text (one per cause, in the reader's language), narrowed by the signature's detail when it has one. */
function causeText(m: SignatureMatch): MessageRef {
  const cause = m.cause ?? '';
  const params = { title: causeRef(cause, 'title', m.title), detail: (m.detail && m.detailRef) || m.detail || null, explanation: causeRef(cause, 'explanation', m.explanation.trim()) };
  return { id: 'logs/known-signatures.cause', params };
}

/** What can set the log window (src/facts/log-window.ts): each a catalog message `logs.window.<why>`. */
const WINDOW_WHYS = ['since-flag', 'gateway-started', 'config-written', 'doctor-repair', 'recorded', 'last-24h'];

/** What set the log window, as the catalog message whose English it is, so it reads in the reader's language. */
function windowWhy(reason: string): MessageRef | string {
  const why = WINDOW_WHYS.find((w) => en(`logs.window.${w}`) === reason);
  return why ? { id: `logs.window.${why}` } : reason;
}

/** Does a live fact of this run still show the problem an old line names? */
function stillLive(cause: string | undefined, facts: Facts): boolean {
  const probe = fact(facts, 'gateway');
  const decide = cause ? CONFIG_DECIDES[cause] : undefined;
  if (decide && fact(facts, 'config')) return decide(facts) && !(probe?.ok && probe.connect.rpcOk);
  if (cause === 'config-invalid') {
    const config = fact(facts, 'config');
    return Boolean(config?.error || config?.issues.length);
  }
  if (cause && AUTH_CAUSES.has(cause)) return probe?.connect.error?.kind === 'auth' || Boolean(probe?.connect.sharedAuthRejected);
  // A lock line is about a lock file: the lock fact says whether one is still there.
  const lock = fact(facts, 'lock');
  if (cause === 'stale-lock' && lock) return lock.state === 'held' || lock.state === 'stale';
  if (cause && OVER_WHEN_IT_ANSWERS.has(cause)) return probe !== undefined && !(probe.ok && probe.connect.rpcOk);
  return false;
}

// Who sent the refused credentials: our gateway quotes the peer's value, upstream writes
// `client=<id> <mode> v<version>`, structured lines carry "client"/"mode"/"version".
const CLIENT = /\bclient=("(?:[^"\\]|\\.)*"|\S+(?: \S+ v\S+)?)/;
const JSON_FIELD = (name: string) => new RegExp(`"${name}":"([^"]{1,80})"`);
const REMOTE = /\bremote=([\w.:[\]-]+)|"remote(?:Ip|Addr)?":"([^"]{1,80})"/;

function clientOf(text: string): string | undefined {
  const c = CLIENT.exec(text);
  if (c) return c[1].replace(/^"|"$/g, '');
  const [id, mode, version] = ['client', 'mode', 'version'].map((k) => JSON_FIELD(k).exec(text)?.[1]);
  return id && [id, mode, version && `v${version}`].filter(Boolean).join(' ');
}

/** "webchat ui v1.2 from 10.0.0.5", one entry per client (a refusal is often logged twice, with and without the address). */
function senders(ms: SignatureMatch[]): string[] {
  const remotes = new Map<string, Set<string>>();
  for (const m of ms) {
    const text = m.line.text.slice(0, 4096); // the fields sit up front; a hostile long line is not searched further
    const r = REMOTE.exec(text);
    const remote = r?.[1] ?? r?.[2];
    const client = clientOf(text) ?? en('logs/known-signatures.unnamed-client');
    const set = remotes.get(client) ?? new Set();
    if (remote && remote !== '?') set.add(remote);
    remotes.set(client, set);
  }
  // "webchat webchat" (a line without the version) is the same client as "webchat webchat v1.0.0".
  for (const [client, from] of remotes) {
    const fuller = [...remotes.keys()].find((k) => k !== client && k.startsWith(`${client} `));
    if (fuller) {
      for (const r of from) remotes.get(fuller)!.add(r);
      remotes.delete(client);
    }
  }
  return [...remotes].map(([client, from]) => (from.size ? en('logs/known-signatures.client-from', { client, from: [...from].join(', ') }) : client));
}

/** The gateway lets this install's token in: the refused token was a client's, not a drift here. */
function wrongTokenClients(ms: SignatureMatch[], url: string): Finding {
  const who = senders(ms);
  const { details } = seen(ms);
  const last = ms.at(-1)!;
  return {
    checkId: CHECK_ID,
    severity: 'warning',
    ...say('logs/known-signatures.client-sent-wrong', { details: seenText(details), clients: who.slice(0, 3).join('; '), more: Math.max(0, who.length - 3), url }),
    cause: 'token-mismatch',
    evidence: [logEvidence(last.line)],
    details: { ...details, signatureId: [...new Set(ms.map((m) => m.signatureId))].join(','), clients: who.join('; ') },
    data: { signatureId: last.signatureId },
  };
}

/** At most one info per other instance: they are not this install's problem, but a reader may wonder. */
function otherInstances(ms: SignatureMatch[]): Finding[] {
  const byInstance = new Map<string, SignatureMatch[]>();
  for (const m of ms) byInstance.set(m.line.otherInstance!, [...(byInstance.get(m.line.otherInstance!) ?? []), m]);
  return [...byInstance.entries()].map(([instance, group]) => {
    const { details } = seen(group);
    const last = group.at(-1)!;
    return {
      checkId: CHECK_ID,
      severity: 'info',
      ...say('logs/known-signatures.another-openclaw-instance', { instance, signatures: [...new Set(group.map((m) => m.signatureId))].join(', '), details: seenText(details) }),
      evidence: [logEvidence(last.line)],
      details: { ...details, instance },
      data: { signatureId: last.signatureId },
    };
  });
}

export default defineCheck({
  meta: {
    id: CHECK_ID,
    area: 'logs',
    severity: 'warning',
    facts: ['logSignatures', 'gateway', 'config', 'lock'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › `openclaw logs --follow`',
  },
  detect(facts) {
    const logs = fact(facts, 'logSignatures');
    const skipped = (logs?.skipped ?? []).map(
      (s): Finding => ({
        checkId: CHECK_ID,
        severity: 'info',
        ...say('logs/known-signatures.skipped-regular-log', { path: s.path, kind: s.kind }),
        evidence: [{ kind: 'file', source: s.path, value: s.kind }],
      }),
    );
    if (!logs?.matches.length) return skipped;
    const probe = fact(facts, 'gateway');
    const answersNow = probe?.ok === true && probe.connect.rpcOk;
    const since = logs.window ? Date.parse(logs.window.since) : undefined;
    const isHistory = (m: SignatureMatch) => since !== undefined && (timeOf(m) ?? Infinity) < since;

    const mine = logs.matches.filter((m) => !fromOwnProbe(m.line.text) && !m.line.otherInstance);
    const found = otherInstances(logs.matches.filter((m) => m.line.otherInstance && !fromOwnProbe(m.line.text)));

    // A live fact outranks a log line: the probe got in with this install's token.
    const tokenWorks = answersNow && !probe!.connect.sharedAuthRejected;
    const wrongToken = new Set(tokenWorks ? mine.filter((m) => m.cause === 'token-mismatch' && !isHistory(m)) : []);
    if (wrongToken.size) found.push(wrongTokenClients([...wrongToken], probe!.url));

    const bySignature = new Map<string, SignatureMatch[]>();
    for (const m of mine) if (!wrongToken.has(m)) bySignature.set(m.signatureId, [...(bySignature.get(m.signatureId) ?? []), m]);
    for (const [id, ms] of bySignature) {
      const last = ms.at(-1)!;
      const { details, last: lastMs } = seen(ms);
      const base = { checkId: CHECK_ID, cause: last.cause, evidence: [logEvidence(last.line)], details: { ...details, signatureId: id }, data: { signatureId: id } };
      // Commands only: the same in every language.
      const fixHint = [...(last.commands ?? []), ...(last.check ? [`openclaw doctor --only ${last.check}`] : [])].join('; ') || undefined; // i18n-ignore: commands
      if (ms.every(isHistory) && !stillLive(last.cause, facts)) {
        const params = { explain: causeText(last), id, lastAt: lastMs !== undefined ? shortTime(lastMs) : null, since: shortTime(since!), count: Number(details.count), reason: logs.window!.reason, reasonRef: windowWhy(logs.window!.reason) };
        found.push({ ...base, severity: 'info', ...say('logs/known-signatures.history', params, null), fixHint });
        continue;
      }
      const over = answersNow && OVER_WHEN_IT_ANSWERS.has(last.cause ?? '');
      found.push({
        ...base,
        severity: over ? 'info' : last.severity,
        ...say('logs/known-signatures.answers-now', { explain: causeText(last), id, details: seenText(details), answersAt: over ? probe!.url : null }, null),
        fixHint,
      });
    }
    return [...found, ...skipped];
  },
});

// The triage wizard: symptom → live ladder → ranked findings → chosen fixes (plan, diff, apply,
// verify) → summary and report. Screens are plain state; every effect goes through TriageEngine.
import React, { useEffect, useRef, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import { Spinner } from '@inkjs/ui';
import type { ApplyOutcome, LogHit, PreviewOutcome, ReportFinding, StepOutcome, TriageEngine } from './engine.js';
import { whyConfirm } from './engine.js';
import { redactOperation } from '../engine/report.js';
import { writeReport } from './report.js';
import { escapeControl as esc } from '../system/untrusted-text.js';
import { SYMPTOMS, type Symptom } from './symptoms.js';
import { t } from '../i18n/index.js';

type Screen = 'start' | 'ladder' | 'findings' | 'plan' | 'applying' | 'applied' | 'finish';

export interface AppProps {
  engine: TriageEngine;
  /** False under NO_COLOR (or --no-color): meaning is carried by the markers, never by colour alone. */
  color: boolean;
  /** Where `r` may write the report, in order of preference (the cwd, then the state dir). */
  reportDirs: string[];
  symptoms?: Symptom[];
}

interface StepState {
  command: string;
  outcome?: StepOutcome;
}

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;
const SEVERITY_MARK = { error: '✗', warning: '!', info: 'i' } as const;
const TONE = { ok: 'green', warn: 'yellow', fail: 'red', error: 'red', warning: 'yellow', info: 'cyan' } as const;
const MAX_LOG_LINES = 4;
/** Rows of plans and fixes shown at once, and the text a detail may take (two lines of the box): 80×24. */
const MAX_PLAN_ROWS = 4;
const MAX_MESSAGE = 150;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const FINDINGS_WINDOW = 7;

/** Each key and what it does, as catalog ids (read when the help is shown, in the active locale). */
const HELP: [key: string, id: string][] = [
  ['tui.help.keys.move', 'tui.help.move'],
  ['enter', 'tui.help.enter'],
  ['space', 'tui.help.space'],
  ['d', 'tui.help.d'],
  ['r', 'tui.help.r'],
  ['esc', 'tui.help.esc'],
  ['q', 'tui.help.q'],
  ['?', 'tui.help.help'],
];
/** The key's name; the one with words in it comes from the catalog. */
const keyName = (key: string) => (key.startsWith('tui.') ? t(key) : key);

export function App({ engine, color, reportDirs, symptoms = SYMPTOMS }: AppProps) {
  const { exit } = useApp();
  const [screen, setScreen] = useState<Screen>('start');
  const [help, setHelp] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [symptom, setSymptom] = useState<Symptom>();
  const [steps, setSteps] = useState<StepState[]>([]);
  const [logs, setLogs] = useState<LogHit[]>([]);
  const [findings, setFindings] = useState<ReportFinding[]>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<PreviewOutcome | 'loading'>();
  const [applied, setApplied] = useState<ApplyOutcome>();
  const [fixedBefore, setFixedBefore] = useState<ReportFinding[]>([]);
  const [report, setReport] = useState<string>();
  const [error, setError] = useState<string>();
  // A run that was left with esc must not write into the next one.
  const runId = useRef(0);
  const tone = (name: keyof typeof TONE) => (color ? TONE[name] : undefined);

  useEffect(() => {
    if (screen !== 'ladder' || !symptom) return;
    const id = ++runId.current;
    const live = () => runId.current === id;
    (async () => {
      for (let i = 0; i < symptom.steps.length; i++) {
        const spec = symptom.steps[i]!;
        let outcome: StepOutcome;
        try {
          outcome = await engine.step(spec.fact);
          if (spec.fact === 'logs') {
            const n = await engine.scanLogs((hit) => live() && setLogs((l) => [...l, hit]));
            if (n) outcome = { status: 'warn', summary: t('tui.ladder.log-problems', { summary: outcome.summary, count: n }) };
          }
        } catch (err) {
          outcome = { status: 'fail', summary: t('tui.ladder.step-failed', { message: (err as Error).message }) };
        }
        if (!live()) return;
        setSteps((s) => s.map((st, j) => (j === i ? { ...st, outcome } : st)));
      }
      const found = await engine.diagnose(symptom.areas);
      if (!live()) return;
      setFindings(found);
      setChosen(new Set(found.filter((f) => f.fix?.kind === 'safe').map((f) => f.checkId)));
    })().catch((err) => live() && setError((err as Error).message));
  }, [screen, symptom, engine]);

  const start = (s: Symptom) => {
    setSymptom(s);
    setSteps(s.steps.map((st) => ({ command: st.command })));
    setLogs([]);
    setFindings(undefined);
    setApplied(undefined);
    setReport(undefined);
    setError(undefined);
    setCursor(0);
    setScreen('ladder');
  };

  const showPlan = () => {
    setPreview('loading');
    setScreen('plan');
    engine.preview([...chosen]).then(setPreview, (err) => setError((err as Error).message));
  };

  const applyChosen = () => {
    const ids = [...chosen];
    setFixedBefore((findings ?? []).filter((f) => chosen.has(f.checkId)));
    setScreen('applying');
    engine.apply(ids).then(
      (r) => {
        setApplied(r);
        setScreen('applied');
      },
      (err) => {
        setError((err as Error).message);
        setScreen('findings');
      },
    );
  };

  const writeTheReport = () => {
    try {
      setReport(writeReport(reportDirs, { symptom: symptom?.label ?? '', steps, logs, findings: findings ?? [], applied, environment: engine.environment(), secrets: engine.secrets() }));
    } catch (err) {
      setReport(t('tui.report.failed', { message: (err as Error).message }));
    }
  };

  useInput((input, key) => {
    // Ink restores the terminal (raw mode off, cursor back) when the app unmounts; the caller maps this to 130.
    if (key.ctrl && input === 'c') return exit(new Interrupted());
    if (help) {
      if (input === '?' || key.escape || input === 'q') setHelp(false);
      return;
    }
    if (input === '?') return setHelp(true);
    if (input === 'q' && screen !== 'applying') return exit();
    const listLength = screen === 'start' ? symptoms.length : screen === 'findings' ? (findings?.length ?? 0) : 0;
    // Keys typed faster than a frame arrive as one chunk ("jjk"): move once per key.
    const moves = key.downArrow ? 1 : key.upArrow ? -1 : /^[jk]+$/.test(input) ? [...input].reduce((n, ch) => n + (ch === 'j' ? 1 : -1), 0) : 0;
    if ((moves || /^[jk]+$/.test(input)) && listLength) return setCursor((c) => Math.max(0, Math.min(c + moves, listLength - 1)));
    switch (screen) {
      case 'start':
        if (key.return) start(symptoms[cursor]!);
        return;
      case 'ladder':
        if (key.escape) {
          runId.current++;
          setCursor(0);
          setScreen('start');
        } else if (key.return && findings) {
          setCursor(0);
          setScreen('findings');
        }
        return;
      case 'findings': {
        const f = findings?.[cursor];
        if (input === ' ' && f?.fix) {
          setChosen((c) => {
            const next = new Set(c);
            if (next.has(f.checkId)) next.delete(f.checkId);
            else next.add(f.checkId);
            return next;
          });
        } else if (input === 'd' && chosen.size) showPlan();
        else if (key.return) {
          if (chosen.size) applyChosen();
          else setScreen('finish');
        } else if (key.escape) {
          setCursor(0);
          setScreen('start');
        }
        return;
      }
      case 'plan':
        if (key.escape) setScreen('findings');
        else if (key.return) applyChosen();
        return;
      case 'applied':
        if (key.return) setScreen('finish');
        else if (key.escape) setScreen('findings');
        return;
      case 'finish':
        if (input === 'r') writeTheReport();
        else if (key.escape) setScreen('findings');
        return;
      default:
    }
  });

  const title = (
    <Box>
      <Text bold color={tone('info')}>
        {/* i18n-ignore: the command's name */}
        openclaw triage
      </Text>
      <Text dimColor>{symptom && screen !== 'start' ? ` · ${symptom.label}` : ''}</Text>
    </Box>
  );
  const footer = (keys: string) => <Text dimColor>{t('tui.footer', { keys })}</Text>;

  if (help) {
    return (
      <Box flexDirection="column" width={80}>
        {title}
        <Text bold>{t('tui.help.title')}</Text>
        {HELP.map(([k, what]) => (
          <Text key={k}>
            {'  '}
            {keyName(k).padEnd(12)} {t(what)}
          </Text>
        ))}
        <Text dimColor>{t('tui.help.executor')}</Text>
        {footer(t('tui.help.footer'))}
      </Box>
    );
  }

  const body = (() => {
    switch (screen) {
      case 'start':
        return (
          <Box flexDirection="column">
            <Text>{t('tui.start.question')}</Text>
            {symptoms.map((s, i) => (
              <Text key={s.id} color={i === cursor ? tone('info') : undefined} bold={i === cursor}>
                {i === cursor ? '› ' : '  '}
                {s.label}
              </Text>
            ))}
            {footer(t('tui.start.keys'))}
          </Box>
        );
      case 'ladder':
        return (
          <Box flexDirection="column">
            {steps.map((st, i) =>
              st.outcome ? (
                <Text key={i} wrap="truncate-end">
                  <Text color={tone(st.outcome.status)}>{MARK[st.outcome.status]}</Text> <Text dimColor>{st.command}:</Text> {esc(st.outcome.summary)}
                </Text>
              ) : steps.slice(0, i).every((p) => p.outcome) ? (
                <Spinner key={i} label={st.command} />
              ) : (
                <Text key={i} dimColor>
                  · {st.command}
                </Text>
              ),
            )}
            {logs.length > 0 && (
              <Box flexDirection="column" marginTop={1}>
                <Text bold>{t('tui.ladder.logs', { count: logs.length })}</Text>
                {logs.slice(-MAX_LOG_LINES).map((l, i) => (
                  <Text key={i} wrap="truncate-end">
                    <Text color={tone(l.severity === 'error' ? 'error' : 'warning')}>{l.cause}</Text> {esc(l.text)}
                  </Text>
                ))}
              </Box>
            )}
            <Box marginTop={1}>{findings ? <Text>{t('tui.ladder.done', { count: findings.length })}</Text> : steps.every((s) => s.outcome) ? <Spinner label={t('tui.ladder.running')} /> : <Text> </Text>}</Box>
            {error && <Text color={tone('error')}>✗ {error}</Text>}
            {footer(t('tui.ladder.keys'))}
          </Box>
        );
      case 'findings':
        return <Findings findings={findings ?? []} cursor={cursor} chosen={chosen} tone={tone} error={error} footer={footer(t('tui.findings.keys'))} />;
      case 'plan':
        return (
          <Box flexDirection="column">
            <Text bold>{t('tui.plan.title', { count: chosen.size })}</Text>
            {preview === 'loading' || !preview ? (
              <Spinner label={t('tui.plan.dry-run')} />
            ) : (
              <>
                {preview.operations.slice(0, MAX_PLAN_ROWS).map((p) => (
                  <Box key={p.checkId} flexDirection="column">
                    <Text wrap="truncate-end">
                      {p.checkId} <Text dimColor>({p.kind})</Text>: {p.operations.map((o) => describeOp(redactOperation(o))).join('; ')}
                    </Text>
                    {p.kind === 'confirm' && <Text color={tone('warning')} wrap="truncate-end">{`  ${t('tui.needs-confirmation', { why: whyConfirm(p.operations) })}`}</Text>}
                  </Box>
                ))}
                {preview.operations.length > MAX_PLAN_ROWS && <Text dimColor>{t('tui.plan.more', { count: preview.operations.length - MAX_PLAN_ROWS })}</Text>}
                <Text bold>{t('tui.plan.diff')}</Text>
                {preview.diff ? <Diff text={preview.diff} tone={tone} /> : <Text dimColor>{t('tui.plan.no-diff')}</Text>}
              </>
            )}
            {footer(t('tui.plan.keys'))}
          </Box>
        );
      case 'applying':
        return (
          <Box flexDirection="column">
            <Spinner label={t('tui.applying', { count: chosen.size })} />
          </Box>
        );
      case 'applied':
        return (
          <Box flexDirection="column">
            <Text bold>{t('tui.applied.before')}</Text>
            {fixedBefore.slice(0, MAX_PLAN_ROWS).map((f, i) => (
              <Text key={i} wrap="truncate-end">
                <Text color={tone(f.severity)}>{SEVERITY_MARK[f.severity]}</Text> {f.checkId}: {esc(f.text ?? f.message)}
              </Text>
            ))}
            <Text bold>{t('tui.applied.after')}</Text>
            {(applied?.fixes ?? []).slice(0, MAX_PLAN_ROWS).map((r, i) => (
              <Text key={i} wrap="truncate-end">
                <Text color={tone(r.verified ? 'ok' : 'fail')}>{r.verified ? '✓' : '✗'}</Text> {r.checkId}: {r.status}
                {r.status === 'applied' ? t(r.verified ? 'tui.applied.verified' : 'tui.applied.not-verified') : ''}
                {r.reason ? ` (${r.reason})` : ''}
              </Text>
            ))}
            {(applied?.fixes.length ?? 0) > MAX_PLAN_ROWS && <Text dimColor>{t('tui.applied.more', { count: applied!.fixes.length - MAX_PLAN_ROWS })}</Text>}
            {(applied?.after ?? []).slice(0, 3).map((f, i) => (
              <Text key={`a${i}`} wrap="truncate-end">
                {'  '}
                {t('tui.applied.still', { message: esc(f.text ?? f.message) })}
              </Text>
            ))}
            {applied?.backup && <Text wrap="truncate-end">{t('tui.applied.backup', { path: applied.backup })}</Text>}
            <Text dimColor>{t('tui.applied.undo')}</Text>
            {footer(t('tui.applied.keys'))}
          </Box>
        );
      case 'finish': {
        const fixed = applied?.fixes.filter((f) => f.verified).length ?? 0;
        const counts = (findings ?? []).reduce<Record<string, number>>((m, f) => ({ ...m, [f.severity]: (m[f.severity] ?? 0) + 1 }), {});
        return (
          <Box flexDirection="column">
            <Text bold>{t('tui.finish.summary')}</Text>
            <Text>{t('tui.finish.findings', { count: (findings ?? []).length, errors: counts.error ?? 0, warnings: counts.warning ?? 0, infos: counts.info ?? 0 })}</Text>
            <Text>{applied ? t('tui.finish.applied', { applied: applied.fixes.filter((f) => f.status === 'applied').length, verified: fixed }) : t('tui.finish.none')}</Text>
            {report && <Text wrap="wrap">{report}</Text>}
            {footer(t('tui.finish.keys'))}
          </Box>
        );
      }
    }
  })();

  return (
    <Box flexDirection="column" width={80}>
      {title}
      {body}
    </Box>
  );
}

function Findings(props: { findings: ReportFinding[]; cursor: number; chosen: Set<string>; tone: (n: keyof typeof TONE) => string | undefined; error?: string; footer: React.ReactNode }) {
  const { findings, cursor, chosen, tone } = props;
  if (!findings.length) {
    return (
      <Box flexDirection="column">
        <Text color={tone('ok')}>{t('tui.findings.none')}</Text>
        {props.footer}
      </Box>
    );
  }
  const first = Math.max(0, Math.min(cursor - Math.floor(FINDINGS_WINDOW / 2), findings.length - FINDINGS_WINDOW));
  const shown = findings.slice(first, first + FINDINGS_WINDOW);
  const f = findings[cursor];
  return (
    <Box flexDirection="column">
      <Text bold>{t('tui.findings.title', { count: findings.length, chosen: chosen.size })}</Text>
      {shown.map((x, i) => {
        const at = first + i;
        const box = x.fix ? (chosen.has(x.checkId) ? '[x]' : '[ ]') : '   ';
        return (
          <Text key={at} wrap="truncate-end" bold={at === cursor}>
            {at === cursor ? '›' : ' '}
            {box} <Text color={tone(x.severity)}>{SEVERITY_MARK[x.severity]}</Text> {x.checkId}: {esc(x.text ?? x.message)}
          </Text>
        );
      })}
      {f && (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          <Text wrap="wrap">{esc(clip(f.text ?? f.message, MAX_MESSAGE))}</Text>
          {(f.evidence ?? []).slice(0, 3).map((e, i) => (
            <Text key={i} dimColor wrap="truncate-end">
              {e.kind} {esc(e.source)}
              {e.value !== undefined ? `: ${esc(e.value)}` : ''}
            </Text>
          ))}
          {f.fixHint && <Text wrap="truncate-end">→ {esc(f.fixHintText ?? f.fixHint)}</Text>}
          {f.fix?.kind === 'confirm' && <Text color={tone('warning')} wrap="wrap">{clip(t('tui.needs-confirmation', { why: whyConfirm(f.fix.operations) }), MAX_MESSAGE)}</Text>}
          {f.fix?.kind === 'safe' && <Text dimColor>{t('tui.findings.safe')}</Text>}
        </Box>
      )}
      {props.error && <Text color={tone('error')}>✗ {props.error}</Text>}
      {props.footer}
    </Box>
  );
}

const MAX_DIFF_LINES = 12;

function Diff({ text, tone }: { text: string; tone: (n: keyof typeof TONE) => string | undefined }) {
  const lines = text.split('\n').filter((l) => l !== '');
  return (
    <Box flexDirection="column">
      {lines.slice(0, MAX_DIFF_LINES).map((l, i) => (
        <Text key={i} wrap="truncate-end" color={l.startsWith('+') && !l.startsWith('+++') ? tone('ok') : l.startsWith('-') && !l.startsWith('---') ? tone('fail') : undefined}>
          {l}
        </Text>
      ))}
      {lines.length > MAX_DIFF_LINES && <Text dimColor>{t('tui.diff.more', { count: lines.length - MAX_DIFF_LINES })}</Text>}
    </Box>
  );
}

/** Thrown through Ink's exit() on Ctrl-C so the caller can exit 130 after Ink has restored the terminal. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

function describeOp(op: { op: string; path?: string; value?: unknown; from?: string; to?: string; mode?: number }): string {
  if (op.op === 'file.chmod') return `chmod ${op.mode?.toString(8)} ${op.path}`;
  if (op.op === 'config.set') return `set ${op.path} = ${JSON.stringify(op.value)}`;
  if (op.op === 'config.unset') return `unset ${op.path}`;
  if (op.op === 'config.move') return `move ${op.from} → ${op.to}`;
  return op.op;
}

// Finds every `openclaw …` command the toolkit tells a user to run, wherever it is written, so a
// test can parse each against the real command tree. Commands in prose are written in backticks;
// structured lists (a signature's fix.commands) hold whole command lines.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface AdviceCommand {
  /** The command line as written (placeholders included). */
  text: string;
  /** Where it was found: file (and line when known). */
  where: string;
  /** Marked as a command of the full OpenClaw CLI rather than this toolkit. */
  upstream: boolean;
  /** Named in prose (may leave out its arguments), rather than a line to run. */
  reference?: boolean;
}

export interface BareMention {
  text: string;
  where: string;
}

const UPSTREAM_MARK = /^\s*(?:\(full OpenClaw CLI\)|# full OpenClaw CLI)/;

/** Backticked `openclaw …` spans in prose, and mentions of a command outside backticks. */
export function scanProse(text: string, where: string, commandWords: ReadonlySet<string>): { commands: AdviceCommand[]; bare: BareMention[] } {
  const commands: AdviceCommand[] = [];
  const bare: BareMention[] = [];
  const ticked = /`([^`\n]*?(?<![\w.@/-])openclaw(?=[\s`])[^`]*)`/g;
  let m: RegExpExecArray | null;
  const covered: [number, number][] = [];
  while ((m = ticked.exec(text))) {
    covered.push([m.index, m.index + m[0].length]);
    const after = text.slice(m.index + m[0].length);
    commands.push({ text: m[1]!, where, upstream: UPSTREAM_MARK.test(after), reference: true });
  }
  // Markdown headings name the product, not a command.
  const mention = /(?<!^#+ .*)\bopenclaw ((?:--?)?[a-z][a-z0-9-]*)/gm;
  while ((m = mention.exec(text))) {
    const at = m.index;
    if (covered.some(([a, b]) => at >= a && at < b)) continue;
    const word = m[1]!;
    if (word.startsWith('-') || commandWords.has(word)) bare.push({ text: text.slice(at, at + 60).split('\n')[0]!, where });
  }
  return { commands, bare };
}

/** Every string literal (template expressions as `X`) in a TypeScript file, with its line. */
export function stringsOf(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    } else if (ts.isTemplateExpression(node)) {
      const text = node.head.text + node.templateSpans.map((s) => `<x>${s.literal.text}`).join('');
      out.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

export function filesUnder(root: string, dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (ext.test(e.name)) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out.sort();
}

/** `openclaw …` lines of the README's shell code blocks (prompt and trailing comment removed). */
export function readmeCodeCommands(text: string, where: string): AdviceCommand[] {
  const out: AdviceCommand[] = [];
  let inShell = false;
  text.split('\n').forEach((line, i) => {
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      inShell = !inShell && ['sh', 'bash', 'shell', 'console', ''].includes(fence[1]!);
      return;
    }
    if (!inShell) return;
    const cmd = line.replace(/^\s*\$\s+/, '').trim();
    if (!cmd.startsWith('openclaw ') && cmd !== 'openclaw') return;
    const hash = cmd.search(/\s#\s/);
    out.push({ text: hash >= 0 ? cmd.slice(0, hash).trim() : cmd, where: `${where}:${i + 1}`, upstream: hash >= 0 && /full OpenClaw CLI/.test(cmd.slice(hash)) });
  });
  return out;
}

/** A --help page: its Examples lines are commands to run; the rest (but the Usage line) is prose. */
export function scanHelp(text: string, where: string, commandWords: ReadonlySet<string>): { commands: AdviceCommand[]; bare: BareMention[] } {
  const commands: AdviceCommand[] = [];
  const proseLines: string[] = [];
  let inExamples = false;
  for (const line of text.split('\n')) {
    if (/^Examples:/.test(line)) inExamples = true;
    else if (/^\S/.test(line)) inExamples = false;
    const example = /^\s+(?:\$ )?((?:npx )?openclaw\b.*?)(?:\s+#\s.*)?$/.exec(line);
    if (inExamples && example) commands.push({ text: example[1]!, where, upstream: /#\s.*full OpenClaw CLI/.test(line) });
    else if (!line.startsWith('Usage:')) proseLines.push(line);
  }
  const prose = scanProse(proseLines.join('\n'), where, commandWords);
  return { commands: [...commands, ...prose.commands], bare: prose.bare };
}

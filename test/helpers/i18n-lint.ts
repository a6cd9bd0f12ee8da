// The lint rule of the message catalog: no user-facing sentence typed inline in the code that
// speaks to users. A string literal (or a template literal's text) of two or more words is a
// sentence, unless it is what code compares log text with, a module path, a type, or carries an
// `i18n-ignore: <why>` comment on its line or the line above (`i18n-ignore-file: <why>` anywhere
// in a file: all of it is machine output).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Where the rule applies: folders (ending in /) and files, from the repository root. Extend it as
 * code moves its texts into locales/ (all of the CLI is in: commander's own words come from the catalog too).
 */
export const I18N_LINT_SCOPE: readonly string[] = [
  'checks/',
  'src/engine/reporters/',
  'src/cli/',
  'src/logs/render.ts',
  'src/tui/',
];

/** Two words of letters (any script) in a row: a sentence, not an id, a path or a flag. */
const SENTENCE = /\p{L}{2,}[ \t]+[\p{L}`'"(]{1}\p{L}/u;
/** Calls whose string arguments match text rather than say it. */
const MATCHERS = new Set(['includes', 'startsWith', 'endsWith', 'match', 'matchAll', 'test', 'indexOf', 'lastIndexOf', 'replace', 'replaceAll', 'split', 'search', 'RegExp', 'has', 'get']);

export interface LintHit {
  file: string;
  line: number;
  text: string;
}

function files(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!entry.endsWith('/')) return fs.existsSync(full) ? [full] : [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.includes('.generated.'))
    .map((f) => path.join(full, f));
}

function exempt(node: ts.Node, src: ts.SourceFile, lines: string[]): boolean {
  const line = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
  if (/i18n-ignore:/.test(lines[line] ?? '') || /i18n-ignore:/.test(lines[line - 1] ?? '')) return true;
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isCaseClause(p)) return true;
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return true;
    if (ts.isPropertyAssignment(p) && child === p.name) return true;
    // `docs:` names a section of the seed guides, in their own words.
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'docs') return true;
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && child !== p.expression) {
      const callee = p.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (MATCHERS.has(name)) return true;
    }
    if (ts.isStatement(p)) return false;
  }
  return false;
}

/** Every sentence typed inline in the files of `scope`. */
export function lintSentences(root: string, scope: readonly string[] = I18N_LINT_SCOPE): LintHit[] {
  const hits: LintHit[] = [];
  for (const file of scope.flatMap((entry) => files(root, entry))) {
    const text = fs.readFileSync(file, 'utf8');
    if (/i18n-ignore-file:/.test(text)) continue;
    const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const lines = text.split('\n');
    const visit = (node: ts.Node) => {
      const parts = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? [node.text]
        : ts.isTemplateExpression(node)
          ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)]
          : ts.isJsxText(node)
            ? [node.text]
            : [];
      // A template's text around its ${…} parts is one sentence: "Port ${port} is held by …".
      const joined = parts.join('\0');
      if (parts.length && SENTENCE.test(joined) && !exempt(node, src, lines)) {
        hits.push({ file: path.relative(root, file), line: src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1, text: joined.slice(0, 80) });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return hits;
}

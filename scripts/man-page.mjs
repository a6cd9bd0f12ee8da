// Build step: writes man/openclaw.1 from the program with every command loaded (the same
// description the completion scripts use, src/cli/command-tree.ts), so the page cannot drift;
// and the same page in every other language as man/<locale>/man1/openclaw.1 (`man -L ko openclaw`
// finds it where the package's man folder is on MANPATH).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (m) => import(pathToFileURL(path.join(ROOT, 'dist/src', m)).href);
const [{ COMMANDS }, { buildProgram, loadCommands }, { commandTree }, { manPage }, { VERSION }, { LOCALES, setLocale }] = await Promise.all(
  ['cli/command-table.js', 'cli/program.js', 'cli/command-tree.js', 'cli/man-page.js', 'cli/version.js', 'i18n/index.js'].map(load),
);
const commands = await loadCommands(COMMANDS.map((entry) => entry.name));
// SOURCE_DATE_EPOCH makes the page's date reproducible; without it, today.
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const date = new Date(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
for (const locale of LOCALES) {
  // The program's descriptions are built in the active locale, so each page builds its own.
  setLocale(locale);
  const file = path.join(ROOT, 'man', ...(locale === 'en' ? [] : [locale, 'man1']), 'openclaw.1');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, manPage(commandTree(buildProgram(commands)), { version: VERSION, date }));
}
setLocale('en');

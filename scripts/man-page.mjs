// Build step: writes man/openclaw.1 from the program with every command loaded (the same
// description the completion scripts use, src/cli/command-tree.ts), so the page cannot drift.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (m) => import(pathToFileURL(path.join(ROOT, 'dist/src/cli', m)).href);
const [{ COMMANDS }, { buildProgram, loadCommands }, { commandTree }, { manPage }, { VERSION }] = await Promise.all(
  ['command-table.js', 'program.js', 'command-tree.js', 'man-page.js', 'version.js'].map(load),
);
const program = buildProgram(await loadCommands(COMMANDS.map((entry) => entry.name)));
// SOURCE_DATE_EPOCH makes the page's date reproducible; without it, today.
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const date = new Date(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
const file = path.join(ROOT, 'man/openclaw.1');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, manPage(commandTree(program), { version: VERSION, date }));

// Child process for the crash-safety test: rewrites the config forever through the real write path,
// each time with the next generation number, until it is killed.
import fs from 'node:fs';
const [, , distDir, file] = process.argv;
const { writeConfig } = await import(`${distDir}/src/config/write.js`);

const filler = 'x'.repeat(2048);
let gen = 0;
try {
  gen = JSON.parse(fs.readFileSync(file, 'utf8')).meta.generation;
} catch {
  /* first run */
}
let announced = false;
for (;;) {
  gen++;
  // A config of ~64 KiB so a kill often lands in the middle of a write.
  const channels = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`c${i}`, { note: filler, gen }]));
  writeConfig(file, { meta: { generation: gen }, gateway: { mode: 'local', port: 18789 }, channels }, { skipValidation: true });
  if (!announced) {
    process.stdout.write('ready\n');
    announced = true;
  }
}

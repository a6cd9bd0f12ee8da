// Printing results: JSON for machines, short lines for people. Secrets are redacted by the caller's data.
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function println(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function eprintln(text = ''): void {
  process.stderr.write(`${text}\n`);
}

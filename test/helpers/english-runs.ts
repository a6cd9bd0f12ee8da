// What is left of a translated report once the parts that stay English by design are taken out:
// commands, config keys, paths, URLs, quoted values and the evidence lines (log and file excerpts).
// A run of three English words in what remains is a sentence a lower layer wrote in English.

/**
 * The report's lines without evidence: an evidence line is indented deeper than a finding and is not
 * its fix/next line. The repairs list (a heading at the margin, then its operations) is all kept.
 */
function withoutEvidence(report: string, labels: readonly string[]): string[] {
  let inRepairs = false;
  return report.split('\n').filter((line) => {
    if (line.trim() === '') inRepairs = false;
    else if (!/^[\s✖✓!ℹ▲]/u.test(line)) inRepairs = true;
    const indent = /^ */.exec(line)![0].length;
    if (indent < 6 || inRepairs) return true;
    const rest = line.trimStart();
    return labels.some((label) => rest.startsWith(label));
  });
}

/** The text with everything that stays English by design removed. */
export function stripUntranslated(text: string): string {
  return text
    .replace(/`[^`\n]*`/g, ' ') // commands and values in backticks
    .replace(/"[^"\n]*"|“[^”\n]*”|「[^」\n]*」/g, ' ') // quoted values and upstream's words
    .replace(/\b(?:openclaw|docker|apt|chmod|rm|mv|curl|chromium|systemctl|launchctl)(?: [^\s;,)，。；）、]+)+/g, ' ') // a command line
    .replace(/\b[a-z][\w+.-]*:\/\/\S+/gi, ' ') // URLs
    .replace(/(?:^|[\s(（：])(?:~|\.{0,2})\/[^\s）]*/g, ' ') // paths
    .replace(/--[\w-]+(?:[ =]\S+)?/g, ' ') // flags and their values
    .replace(/\b[\w-]+(?:, [\w-]+){2,}\b/g, ' ') // a list of allowed values (none, token, password)
    .replace(/\b[A-Za-z_][\w-]*(?:\.[\w*<>[\]"-]+)+/g, ' ') // config keys (gateway.auth.mode) and file names
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ') // environment variables and acronyms
    .replace(/\b[a-z]+[A-Z]\w*/g, ' ') // camelCase keys (cdpUrl, allowFrom)
    .replace(/\[[\w/.-]+\]/g, ' '); // a finding's check id
}

/** Runs of 3+ English words left in a report after stripping what stays English. */
export function englishRuns(report: string, labels: readonly string[]): string[] {
  const runs: string[] = [];
  for (const line of withoutEvidence(report, labels)) {
    const rest = stripUntranslated(line);
    for (const m of rest.matchAll(/[A-Za-z][A-Za-z']*(?:[ \t,;:]+[A-Za-z][A-Za-z']*){2,}/g)) runs.push(`${m[0]}  ⟵  ${line.trim()}`);
  }
  return runs;
}

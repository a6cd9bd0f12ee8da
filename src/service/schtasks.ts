// The Windows scheduled task `OpenClaw Gateway`: a Task Scheduler XML definition whose action runs
// `gateway.cmd` in the state dir (the script carries the environment, which task XML cannot).
// Both are files we write ourselves, so reading them back needs only the few elements we use.
import path from 'node:path';
import { portFromArgs, type ServiceDefinition, type ServiceSpec } from './definition.js';

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function xmlUnescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);|&#(\d+);|&#x([0-9a-fA-F]+);/g, (m, _n, dec, hex) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : XML_ENTITIES[m],
  );
}

/** A Windows command-line word: quoted when it has spaces; `%` doubled for batch files. */
function cmdWord(word: string): string {
  const w = word.replace(/%/g, '%%');
  return /[\s&|<>^"]/.test(word) || word === '' ? `"${w.replace(/"/g, '""')}"` : w;
}

export function renderTaskScript(spec: ServiceSpec): string {
  const lines = ['@echo off', 'rem Written by `openclaw gateway install`. Reinstall rather than edit: `openclaw gateway install --force`'];
  for (const [k, v] of Object.entries(spec.env)) lines.push(`set "${k}=${v.replace(/%/g, '%%')}"`);
  lines.push(`cd /d ${cmdWord(spec.workingDirectory)}`);
  const out = cmdWord(path.join(spec.logsDir, 'gateway.log'));
  const err = cmdWord(path.join(spec.logsDir, 'gateway.err.log'));
  lines.push(`${spec.programArguments.map(cmdWord).join(' ')} >> ${out} 2>> ${err}`);
  return `${lines.join('\r\n')}\r\n`;
}

export function renderTaskXml(spec: ServiceSpec, scriptPath: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>${xmlEscape(spec.description)}</Description>
    <URI>\\${xmlEscape(spec.name)}</URI>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger><Enabled>true</Enabled></LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author"><LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel></Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure><Interval>PT1M</Interval><Count>999</Count></RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>${xmlEscape(scriptPath)}</Command>
      <WorkingDirectory>${xmlEscape(spec.workingDirectory)}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
`;
}

function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? xmlUnescape(m[1].trim()) : undefined;
}

/** Splits a cmd.exe line into words ("…" quotes, "" is a literal quote) up to the first redirection. */
function cmdWords(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"]|"")*)"|([^\s"]+)/g;
  for (const m of line.matchAll(re)) {
    if (m[2] !== undefined && /^\d?>>?/.test(m[2])) break;
    words.push((m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]).replace(/%%/g, '%'));
  }
  return words;
}

export function readTaskScript(text: string): { env: Record<string, string>; programArguments: string[] } {
  const env: Record<string, string> = {};
  let programArguments: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || /^(@echo|rem\b|::|cd\b)/i.test(line)) continue;
    const set = /^set\s+"?([^=]+)=(.*?)"?$/i.exec(line);
    if (set) env[set[1]] = set[2].replace(/%%/g, '%');
    else programArguments = cmdWords(line);
  }
  return { env, programArguments };
}

/** Reads the task XML; `readScript` returns the text of the script its action runs, when it can. */
export function readTaskXml(xml: string, file: string, readScript: (p: string) => string | undefined): ServiceDefinition {
  const command = element(xml, 'Command') ?? '';
  const args = element(xml, 'Arguments');
  let programArguments = [command, ...(args ? cmdWords(args) : [])].filter(Boolean);
  let env: Record<string, string> = {};
  if (/\.(cmd|bat)$/i.test(command)) {
    const script = readScript(command);
    if (script !== undefined) ({ env, programArguments } = readTaskScript(script));
  }
  const uri = element(xml, 'URI');
  return {
    kind: 'schtasks',
    name: uri ? uri.replace(/^\\/, '') : path.basename(file, '.xml'),
    file,
    programArguments,
    env,
    envFiles: [],
    port: portFromArgs(programArguments),
    restart: /<RestartOnFailure>/.test(xml) ? 'on-failure' : 'no',
  };
}

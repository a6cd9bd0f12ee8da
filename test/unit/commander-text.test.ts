// Commander's own words from the catalog: every usage error commander 14 raises and every help
// title, produced by a real commander program. In English the bytes are commander's own (with the
// "Did you mean" line indented, as before); in another locale none of commander's English is left.
import { Command, CommanderError, Help, Option } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { commanderError, helpText } from '../../src/cli/commander-text.js';
import { setLocale, type Locale } from '../../src/i18n/index.js';

afterEach(() => {
  setLocale('en');
  delete process.env.CC_TEST_PORT;
});

/** A program with one of each kind of declaration an error can come from. */
function program(outputError: (text: string, write: (s: string) => void) => void): { cmd: Command; err: () => string } {
  let err = '';
  const cmd = new Command('prog')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: (s) => (err += s), writeOut: () => {}, outputError })
    .option('--format <f>', 'output format')
    .option('--force', 'force')
    .option('--fast', 'fast')
    .option('--fat', 'fat');
  cmd.command('set <key> <value>').action(() => {});
  cmd.command('get [key]').action(() => {});
  cmd.command('pick').addOption(new Option('--mode <m>').choices(['a', 'b'])).action(() => {});
  cmd.command('need').requiredOption('--id <id>', 'the id').action(() => {});
  cmd.command('shell <name>').addArgument(cmd.createArgument('[kind]').choices(['bash', 'zsh'])).action(() => {});
  cmd
    .command('clash')
    .addOption(new Option('--port <n>').env('CC_TEST_PORT').conflicts('dev'))
    .addOption(new Option('--dev'))
    .addOption(new Option('--level <n>').env('CC_TEST_LEVEL').choices(['1', '2']))
    .action(() => {});
  return { cmd, err: () => err };
}

/** What the program writes to stderr for `args`, and commander's error code. */
function run(args: string[], outputError: (text: string, write: (s: string) => void) => void): { stderr: string; code?: string } {
  const { cmd, err } = program(outputError);
  try {
    cmd.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return { stderr: err(), code: e.code };
    throw e;
  }
  return { stderr: err() };
}

const raw = (text: string, write: (s: string) => void) => write(text);
const ours = (text: string, write: (s: string) => void) => write(commanderError(text));
/** Before the catalog: commander's text with its suggestion as an indented next step. */
const before = (text: string) => text.replace(/\n\((Did you mean [^)\n]*)\)/g, '\n  $1');

const CASES: { args: string[]; code: string; env?: Record<string, string> }[] = [
  { args: ['--formt', 'x'], code: 'commander.unknownOption' },
  { args: ['--fas'], code: 'commander.unknownOption' }, // two suggestions
  { args: ['--zzzzzz'], code: 'commander.unknownOption' },
  { args: ['gte'], code: 'commander.unknownCommand' },
  { args: ['set', 'k'], code: 'commander.missingArgument' },
  { args: ['--format'], code: 'commander.optionMissingArgument' },
  { args: ['need'], code: 'commander.missingMandatoryOptionValue' },
  { args: ['get', 'a', 'b'], code: 'commander.excessArguments' },
  { args: ['pick', '--mode', 'c'], code: 'commander.invalidArgument' },
  { args: ['shell', 'x', 'tcsh'], code: 'commander.invalidArgument' },
  { args: ['clash', '--port', '1', '--dev'], code: 'commander.conflictingOption' },
  { args: ['clash', '--dev'], code: 'commander.conflictingOption', env: { CC_TEST_PORT: '2' } },
  { args: ['clash'], code: 'commander.invalidArgument', env: { CC_TEST_LEVEL: '9' } },
];

function withEnv<T>(env: Record<string, string> | undefined, f: () => T): T {
  const names = Object.keys(env ?? {});
  for (const n of names) process.env[n] = env![n];
  try {
    return f();
  } finally {
    for (const n of names) delete process.env[n];
  }
}

describe("commander's usage errors", () => {
  for (const c of CASES) {
    it(`${c.args.join(' ')}: English unchanged, and in ko, zh-CN and zh-TW no English of commander's left`, () => {
      const english = withEnv(c.env, () => run(c.args, raw));
      expect(english.code).toBe(c.code);
      expect(withEnv(c.env, () => run(c.args, ours))).toEqual({ stderr: before(english.stderr), code: c.code });
      for (const locale of ['ko', 'zh-CN', 'zh-TW'] as Locale[]) {
        setLocale(locale);
        const said = withEnv(c.env, () => run(c.args, ours));
        expect(said.code).toBe(c.code);
        expect(said.stderr).toMatch(locale === 'ko' ? /^오류: / : /^(错误|錯誤)：/);
        expect(said.stderr).not.toMatch(/error:|unknown|missing|Did you mean|too many|invalid|Allowed|cannot be used|argument|required/);
        // The names a user typed are kept as they are.
        for (const word of c.args.filter((a) => a.startsWith('-') || a === 'gte' || a === 'c' || a === 'tcsh')) expect(said.stderr).toContain(word);
      }
    });
  }

  it('offers one suggestion or several, as the next step', () => {
    expect(run(['--fas'], ours).stderr).toBe("error: unknown option '--fas'\n  Did you mean one of --fast, --fat?\n");
    setLocale('ko');
    expect(run(['--fas'], ours).stderr).toBe("오류: 알 수 없는 옵션 '--fas'\n  혹시 --fast, --fat 중 하나를 뜻하셨나요?\n");
    setLocale('zh-CN');
    expect(run(['--formt'], ours).stderr).toBe("错误：未知选项 '--formt'\n  你是不是想用 --format？\n");
  });

  it('shows a control character the user typed instead of sending it to the terminal', () => {
    expect(run(['--bad\u001b[2J'], ours).stderr).toBe("error: unknown option '--bad\\x1b[2J'\n");
  });

  it('says which command had too many arguments, and how many it takes', () => {
    setLocale('ko');
    expect(run(['get', 'a', 'b'], ours).stderr).toBe("오류: 인수가 너무 많습니다 ('get'). 1개를 예상했지만 2개를 받았습니다.\n");
  });

  it('an error text commander words differently is passed on as it is, never lost', () => {
    setLocale('zh-TW');
    expect(commanderError('error: something new happened\n')).toBe('error: something new happened\n');
    expect(commanderError('not an error line')).toBe('not an error line\n');
  });
});

describe("commander's help words", () => {
  function helpOf(cmd: Command): string {
    cmd.configureHelp({ ...helpText, helpWidth: 80 });
    return cmd.helpInformation();
  }
  const sample = () => {
    const cmd = new Command('prog').description('d').argument('[shell]', 'the shell', 'bash').helpOption('-h, --help', 'show help');
    cmd.addOption(new Option('--format <f>', 'output format').choices(['json', 'human']).default('human'));
    cmd.addOption(new Option('--count [n]', 'how many').preset('3').env('PROG_COUNT'));
    cmd.command('sub').description('a subcommand');
    return cmd;
  };

  it('English help is byte-identical to commander\'s own', () => {
    const plain = sample();
    plain.configureHelp({ helpWidth: 80 });
    expect(helpOf(sample())).toBe(plain.helpInformation());
  });

  it('Korean help has Korean titles and extra info; flags, argument and command names stay', () => {
    setLocale('ko');
    const text = helpOf(sample());
    for (const title of ['사용법:', '인수:', '옵션:', '명령:']) expect(text).toContain(title);
    expect(text).toContain('(선택: "json", "human", 기본값: "human")');
    expect(text).toContain('(값 생략 시: "3", 환경 변수: PROG_COUNT)');
    expect(text).toContain('(기본값: "bash")');
    for (const kept of ['--format <f>', '--count [n]', 'shell', 'sub']) expect(text).toContain(kept);
    expect(text).not.toMatch(/Usage|Options|Commands|Arguments|default:|choices:/);
  });

  it('Chinese extra info is in full-width brackets after the description', () => {
    setLocale('zh-CN');
    expect(helpText.optionDescription(new Option('--format <f>', '输出格式').choices(['json']))).toBe('输出格式（可选值："json"）');
    setLocale('zh-TW');
    expect(helpText.optionDescription(new Option('--x <n>').default(1))).toBe('（預設：1）');
  });

  it('counts CJK characters as two columns, so descriptions line up', () => {
    expect(helpText.displayWidth('옵션:')).toBe(5);
    expect(helpText.displayWidth('\u001b[1mab\u001b[0m')).toBe(2);
    expect(new Help().displayWidth('옵션:')).toBe(3); // what commander alone would count
  });
});

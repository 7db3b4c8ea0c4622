import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWhatIf, whatIf } from '../../../src/core/shift/what-if.ts';
import { parseWhatIfArgs } from '../../../src/core/shift/what-if-args.ts';

const root = join(import.meta.dirname, '../../..');
const cli = (...args: string[]) => spawnSync(join(root, 'node_modules/.bin/tsx'), ['tools/shift-erlang.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run shift:erlang', () => {
  it('prints one line of JSON with the figures and, with a target, the agents needed', () => {
    const run = cli('--calls', '200', '--minutes', '60', '--aht', '180', '--agents', '13', '--answer-within', '20', '--target', '0.8');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(run.stdout) as Record<string, number>;
    expect(Object.keys(out)).toEqual(['erlangs', 'probabilityOfWaiting', 'serviceLevel', 'asaSeconds', 'occupancy', 'agentsNeeded']);
    expect(out.erlangs).toBe(10);
    expect(out.serviceLevel).toBeCloseTo(0.796, 3);
    expect(out.asaSeconds).toBeCloseTo(17.1, 1);
    expect(out.occupancy).toBeCloseTo(0.769, 3);
    expect(out.agentsNeeded).toBe(14);
  });

  it.each([
    [['--calls', 'many', '--minutes', '60', '--aht', '180', '--agents', '13', '--answer-within', '20'], /--calls must be a number/],
    [['--calls', '200', '--speed', '3'], /unknown option --speed/],
  ])('refuses bad arguments with one clear line and exit code 2: %j', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

const check = (argv: string[]) => {
  const parsed = parseWhatIfArgs(argv);
  if (parsed.ok !== true) return parsed.ok === false ? parsed.error : 'help';
  const checked = checkWhatIf(parsed.fields);
  return checked.ok ? whatIf(checked.input) : Object.values(checked.errors).join('; ');
};

describe('the command line, read without a process', () => {
  const base = ['--calls', '200', '--minutes', '60', '--aht', '180', '--agents', '13', '--answer-within', '20'];
  it.each([
    [['--calls', '200', '--minutes', '60', '--aht', '180', '--answer-within', '20'], /--agents is required/],
    [base.map((a) => (a === '60' ? '0' : a)), /--minutes must be more than 0/],
    [[...base, '--target', '80'], /ambiguous/],
    [[...base, '--target', '100%'], /below 100%/],
    [[...base, '--agents', '9'], /--agents is given twice/],
    [['--calls'], /--calls needs a value/],
    [['200'], /unexpected argument "200"/],
  ])('%j → %s', (argv, message) => {
    expect(check(argv)).toMatch(message);
  });

  it('answers for a 250-agent team without overflowing', () => {
    const out = check(['--calls=5000', '--minutes=60', '--aht=170', '--agents=250', '--answer-within=20', '--target=90%']);
    if (typeof out === 'string') throw new Error(out);
    expect(out.erlangs).toBeCloseTo(236.11, 2);
    expect(out.serviceLevel).toBeGreaterThan(0.5);
    expect(out.serviceLevel).toBeLessThan(1);
    expect(out.agentsNeeded).toBeGreaterThan(236);
    expect(out.agentsNeeded).toBeLessThan(260);
  });

  it('takes --flag=value and --flag value alike, and a target as a share or a percentage', () => {
    const spaced = check([...base, '--target', '0.9']);
    expect(check([...base.map((a, i) => (i % 2 === 0 ? `${a}=${base[i + 1]}` : null)).filter((a): a is string => a !== null), '--target=90%'])).toEqual(spaced);
    expect(spaced).toMatchObject({ agentsNeeded: 15 });
  });
});

describe('the what-if check', () => {
  it('reports every bad field at once, keyed by field, for the browser form', () => {
    const checked = checkWhatIf({ calls: '-4', minutes: '60', aht: 'abc', agents: '2.5', answerWithin: '' });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors).sort()).toEqual(['agents', 'aht', 'answerWithin', 'calls']);
  });

  it('says when the team cannot keep up instead of printing an infinite wait', () => {
    const checked = checkWhatIf({ calls: '300', minutes: '60', aht: '180', agents: '15', answerWithin: '20', target: '80%' });
    expect(checked.ok && whatIf(checked.input)).toEqual({ erlangs: 15, probabilityOfWaiting: 1, serviceLevel: 0, asaSeconds: null, occupancy: 1, agentsNeeded: 19 });
  });
});

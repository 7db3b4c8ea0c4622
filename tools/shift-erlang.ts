/**
 * `npm run shift:erlang -- --calls N --minutes M --aht S --agents A --answer-within T [--target P]`
 * prints one line of JSON with Erlang C's figures for one interval (see docs/shift.md). Bad
 * arguments print one clear line on stderr and exit with code 2.
 */
import { checkWhatIf, whatIf } from '../src/core/shift/what-if.ts';
import { parseWhatIfArgs, WHAT_IF_USAGE } from '../src/core/shift/what-if-args.ts';

function main(argv: readonly string[]): number {
  const parsed = parseWhatIfArgs(argv);
  if (parsed.ok === 'help') {
    console.log(WHAT_IF_USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`shift:erlang: ${parsed.error} (see --help)`);
    return 2;
  }
  const checked = checkWhatIf(parsed.fields);
  if (!checked.ok) {
    console.error(`shift:erlang: ${Object.values(checked.errors).join('; ')}`);
    return 2;
  }
  console.log(JSON.stringify(whatIf(checked.input)));
  return 0;
}

process.exitCode = main(process.argv.slice(2));

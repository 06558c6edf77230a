import type { OptionSpec, ParsedArgs } from "../args";
import type { CliIo } from "../io";

/** One `spanwise <name>` command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis line, e.g. "spanwise stats <file.spanwise> [--json]". */
  synopsis: string;
  /** Further help lines shown by `spanwise <name> --help`. */
  help: readonly string[];
  options: readonly OptionSpec[];
  /** Runs the command; returns the exit code or throws a CliError. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: "help", short: "h", takesValue: false },
  { name: "quiet", short: "q", takesValue: false },
];

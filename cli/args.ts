import { UsageError } from "./errors";

export interface OptionSpec {
  /** Long name, without dashes: "output". */
  name: string;
  /** One-letter alias, without the dash: "o". */
  short?: string;
  /** Whether the option takes a value (`-o file`) or is a flag (`--json`). */
  takesValue: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  /** Values of options that take one (the last wins) and `true` for flags, by long name. */
  options: Map<string, string | true>;
}

/**
 * Parses a command's arguments: `--name value`, `--name=value`, `-n value`,
 * flags, and `--` to end options. Throws a {@link UsageError} naming the
 * offending argument for an unknown option or a missing value.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command?: string): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = arg.indexOf("=");
    const key = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, eq < 0 ? undefined : eq);
    const spec = long ? byLong.get(key) : byShort.get(key);
    if (!spec) throw new UsageError(`unknown option ${long ? "--" : "-"}${key}`, command);
    if (!spec.takesValue) {
      if (eq >= 0) throw new UsageError(`option --${spec.name} takes no value`, command);
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("-") && value !== "-")) throw new UsageError(`option --${spec.name} needs a value`, command);
      i++;
    }
    if (value === "") throw new UsageError(`option --${spec.name} needs a value`, command);
    options.set(spec.name, value);
  }
  return { positionals, options };
}

/** The value of an option that takes one, if given. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === "string" ? value : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

/** Exactly `names.length` positionals, or a usage error naming what is missing or extra. */
export function expectPositionals<const Names extends readonly string[]>(args: ParsedArgs, names: Names, command: string): { [K in keyof Names]: string } {
  if (args.positionals.length < names.length) throw new UsageError(`missing ${names.slice(args.positionals.length).map((n) => `<${n}>`).join(" and ")}`, command);
  if (args.positionals.length > names.length) throw new UsageError(`unexpected argument "${args.positionals[names.length]}"`, command);
  return args.positionals as { [K in keyof Names]: string };
}

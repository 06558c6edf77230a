import { parseArgs } from "./args";
import type { Command } from "./commands/command";
import { exportCommand } from "./commands/export";
import { mergeCommand } from "./commands/merge";
import { statsCommand } from "./commands/stats";
import { validateCommand } from "./commands/validate";
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./errors";
import type { CliIo } from "./io";
import { APP_VERSION } from "./version";

export const COMMANDS: readonly Command[] = [exportCommand, mergeCommand, validateCommand, statsCommand];

export function usage(): string {
  return [
    "Usage: spanwise <command> [options]",
    "",
    "Work with Spanwise project files (.spanwise): export datasets, merge colleagues'",
    "work, check files. Nothing leaves your machine.",
    "",
    "Commands:",
    ...COMMANDS.flatMap((c) => [`  ${c.synopsis.replace(/^spanwise /, "")}`, `      ${c.summary}`]),
    "",
    "Options:",
    "  -h, --help      Show this help, or a command's (spanwise <command> --help)",
    "  -V, --version   Show the version",
    "  -q, --quiet     No progress messages on standard error",
    "",
    "Offsets in files and exports are Unicode code points, half-open [start, end),",
    'as Python counts them: text[start:end] == span["text"].',
    "Exit status: 0 success, 1 failure (e.g. an invalid file), 2 wrong usage.",
    "",
  ].join("\n");
}

export function commandUsage(command: Command): string {
  return [`Usage: ${command.synopsis}`, "", command.summary, "", ...command.help, ""].join("\n");
}

/**
 * Runs `spanwise` with `argv` (the arguments after the program name) and
 * returns the exit code. Every failure becomes one line on standard error,
 * `spanwise: <reason>`, never a stack trace (set SPANWISE_DEBUG=1 in the
 * real CLI to see one).
 */
export async function runCli(argv: readonly string[], io: CliIo, options: { debug?: boolean } = {}): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      io.writeStderr(usage());
      return EXIT_USAGE;
    }
    if (name === "-h" || name === "--help" || name === "help") {
      const topic = rest[0] && COMMANDS.find((c) => c.name === rest[0]);
      await io.writeStdout(topic ? commandUsage(topic) : usage());
      return EXIT_OK;
    }
    if (name === "-V" || name === "--version" || name === "version") {
      await io.writeStdout(`spanwise ${APP_VERSION}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(name.startsWith("-") ? `unknown option ${name}` : `unknown command "${name}"`);
    const args = parseArgs(rest, command.options, command.name);
    if (args.options.get("help") === true) {
      await io.writeStdout(commandUsage(command));
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.writeStderr(`spanwise: ${error.message}\n`);
      for (const line of error.details) io.writeStderr(`${line}\n`);
      if (error instanceof UsageError) io.writeStderr(`Run "spanwise ${error.command ? `${error.command} ` : ""}--help" for usage.\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.writeStderr(`spanwise: unexpected error: ${message.split("\n")[0]}\n`);
    if (options.debug && error instanceof Error && error.stack) io.writeStderr(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}

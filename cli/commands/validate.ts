import { flag } from "../args";
import { CliError, EXIT_FAILURE, EXIT_OK, UsageError } from "../errors";
import { decodeFile } from "../load";
import { COMMON_OPTIONS, type Command } from "./command";

export const validateCommand: Command = {
  name: "validate",
  summary: "Check project files completely; exit 0 if valid, 1 with the reasons if not.",
  synopsis: "spanwise validate <file.spanwise>...",
  help: [
    "Checks everything Spanwise checks before opening a file: the zip, sizes, member",
    "paths, checksums, format version, every record, and every span's offsets and text.",
    "Prints one line per valid file on standard output and every problem of an invalid",
    "one on standard error.",
    "",
    "Options:",
    "  -q, --quiet   No progress messages",
  ],
  options: COMMON_OPTIONS,
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError("missing <file.spanwise>", "validate");
    let failed = 0;
    for (const path of args.positionals) {
      let result;
      try {
        result = await decodeFile(io, path, { quiet: flag(args, "quiet") });
      } catch (error) {
        // A file that cannot be read at all is one more invalid file; go on with the others.
        if (!(error instanceof CliError)) throw error;
        failed++;
        io.writeStderr(`spanwise: ${error.message}\n`);
        continue;
      }
      if (!result.ok) {
        failed++;
        for (const problem of result.problems) io.writeStderr(`${problem}\n`);
        continue;
      }
      const { snapshot, info } = result;
      const deleted = snapshot.spans.filter((s) => s.deleted).length;
      const annotators = new Set(snapshot.spans.map((s) => s.annotator)).size;
      await io.writeStdout(
        `${path}: valid (file format ${info.formatVersion}): ${snapshot.documents.length} documents, ${snapshot.spans.length - deleted} spans` +
          `${deleted ? ` and ${deleted} deleted` : ""} by ${annotators} annotator${annotators === 1 ? "" : "s"}\n`,
      );
    }
    return failed > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

/**
 * The `spanwise` command: bundled by scripts/build-cli.mjs into
 * dist-cli/spanwise.mjs and started by bin/spanwise.js.
 */
import { createNodeIo } from "./nodeIo";
import { runCli } from "./run";

// `spanwise export big.spanwise | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(`spanwise: cannot write to standard output: ${error.message}\n`);
  process.exit(1);
});

process.exitCode = await runCli(process.argv.slice(2), createNodeIo(), { debug: process.env.SPANWISE_DEBUG === "1" });

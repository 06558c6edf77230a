// Finds the Electron executable the way node_modules/electron/index.js does,
// but without requiring that module: requiring it starts a download when the
// binary is missing, and on machines without network access that throws.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The Electron binary, as `{ path }`, or `{ missing: reason }` with a reason
 * fit to show the user.
 * @param {{ root?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {{ path: string } | { missing: string }}
 */
export function electronBinary({ root = projectRoot, env = process.env } = {}) {
  const packageDir = path.join(root, "node_modules", "electron");
  if (!existsSync(path.join(packageDir, "package.json"))) {
    return { missing: "the electron package is not installed (run npm install)" };
  }
  const pathFile = path.join(packageDir, "path.txt");
  const executableName = existsSync(pathFile) ? readFileSync(pathFile, "utf8").trim() : undefined;

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, executableName || "electron");
    return isFile(candidate)
      ? { path: candidate }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }

  const distDir = path.join(packageDir, "dist");
  if (!existsSync(distDir)) {
    return { missing: "the Electron binary is not installed (node_modules/electron/dist is missing; this machine could not download it)" };
  }
  if (!executableName) {
    return { missing: "the Electron binary is not installed (node_modules/electron/path.txt is missing; its download did not finish)" };
  }
  const candidate = path.join(distDir, executableName);
  return isFile(candidate)
    ? { path: candidate }
    : { missing: `the Electron binary is not installed (node_modules/electron/dist/${executableName} is missing)` };
}

function isFile(filePath) {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

import path from "node:path";

export interface AppPaths {
  /** The renderer build served on app://spanwise. */
  distRoot: string;
  /** The bundled preload script. */
  preloadPath: string;
}

/**
 * Where the shell finds its files. The bundle runs from dist-electron/ (in
 * the repository and inside the packaged app alike), next to the renderer
 * build in dist/.
 */
export function appPaths(bundleDir: string = __dirname): AppPaths {
  return {
    distRoot: path.join(bundleDir, "..", "dist"),
    preloadPath: path.join(bundleDir, "preload.cjs"),
  };
}

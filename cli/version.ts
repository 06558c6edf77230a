// Replaced with package.json's version when scripts/build-cli.mjs bundles the CLI.
declare const __SPANWISE_VERSION__: string | undefined;

/** The Spanwise version, recorded in the files the CLI writes. */
export const APP_VERSION: string = typeof __SPANWISE_VERSION__ === "string" ? __SPANWISE_VERSION__ : "0.0.0-dev";

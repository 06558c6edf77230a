// Replaced with package.json's version by vite.config.ts when the app is built.
declare const __SPANWISE_VERSION__: string | undefined;

/** The Spanwise version, recorded in the project files the app writes. */
export const APP_VERSION: string = typeof __SPANWISE_VERSION__ === "string" ? __SPANWISE_VERSION__ : "0.0.0-dev";

/**
 * Event coding: label attributes, links between spans, the actor registry,
 * dates on the calendar and event records. See model.ts for the records and
 * EVENTS.md for the event export.
 */
export * from "./model";
export * from "./plover";
export * from "./names";
export * from "./actors";
export * from "./attributes";
export * from "./links";
export * from "./mentions";
export * from "./dates";
export * from "./publication";
export * from "./validate";
export * from "./events";
export * from "./eventExport";
export * from "./schemas";
export * from "./snapshot";

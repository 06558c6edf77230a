import { DOCUMENT_STATUSES, statusOf, type DocumentStatus } from "../../shared/model";
import { setDocumentStatus } from "../store/documents";
import type { Command } from "./command";
import type { AppContext } from "./context";

const hasOpenDocument = (ctx: AppContext) => ctx.doc !== null && !ctx.link.active;

/** The key that sets each status: letters the menus' mnemonics (File, Edit, View, Export, Help) do not use. */
const STATUS_KEYS: Record<DocumentStatus, string> = { new: "Alt+N", "in-progress": "Alt+P", done: "Alt+D" };

/** The open document as the coder knows it: its title, and how far they have got with it. */
export const documentCommands: Command<AppContext>[] = [
  {
    id: "document.rename",
    title: "Rename document",
    keys: ["F2"],
    menu: "edit",
    when: hasOpenDocument,
    run: (ctx) => {
      if (ctx.doc) ctx.renameDocument(ctx.doc.id);
    },
  },
  ...DOCUMENT_STATUSES.map(
    ({ id, name }): Command<AppContext> => ({
      id: `document.status.${id}`,
      title: `Mark document ${name.toLowerCase()}`,
      keys: [STATUS_KEYS[id]],
      menu: "edit",
      when: (ctx) => hasOpenDocument(ctx) && statusOf(ctx.doc!) !== id,
      run: (ctx) => {
        const doc = ctx.doc;
        if (!doc) return;
        ctx.report(setDocumentStatus(doc, id).then((written) => ctx.notify(`“${written.title}” is marked ${name.toLowerCase()}.`)));
      },
    }),
  ),
];

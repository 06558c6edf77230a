import { useCallback, useState } from "react";
import type { Notice } from "../components/Notices";
import { describeStoreError } from "../store/saveStatus";

let nextNoticeId = 1;

/** How long an information notice stays; problems stay until dismissed. */
const INFO_NOTICE_MS = 6000;

export interface Notices {
  notices: readonly Notice[];
  notify(text: string, kind?: Notice["kind"]): void;
  dismiss(id: number): void;
  /** Runs a store write from a click or key: a failure is reported, never thrown. */
  report(write: Promise<unknown>): void;
}

/** The workspace's messages to the user: a few at a time, information ones leaving by themselves. */
export function useNotices(): Notices {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (text: string, kind: Notice["kind"] = "info") => {
      const notice = { id: nextNoticeId++, kind, text };
      setNotices((n) => [...n.slice(-7), notice]);
      if (kind === "info") setTimeout(() => dismiss(notice.id), INFO_NOTICE_MS);
    },
    [dismiss],
  );
  const report = useCallback((write: Promise<unknown>) => void write.catch((err: unknown) => notify(describeStoreError(err), "problem")), [notify]);
  return { notices, notify, dismiss, report };
}

// Imported first by boot.tsx: ES modules run in import order, so the store
// opens and the reopened document is read while the rest of the app's script
// (React, ProseMirror, the views) is still being evaluated. Not on an
// insecure address: there the app shows only why it will not run, and must
// not create or open its database (App reads the first screen itself when
// it runs).
import { readFirstScreen } from "./startup";

if (window.isSecureContext) void readFirstScreen();

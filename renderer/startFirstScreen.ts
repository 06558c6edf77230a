// Imported first by main.tsx: ES modules run in import order, so the store
// opens and the reopened document is read while the rest of the app's script
// (React, ProseMirror, the views) is still being evaluated.
import { readFirstScreen } from "./startup";

void readFirstScreen();

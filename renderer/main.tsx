import "./startFirstScreen";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { config as zodConfig } from "zod";
import { App } from "./App";
import "./styles.css";

// zod probes for eval-compiled validators with Function(""); the CSP forbids
// eval, so tell zod not to try (it would only log a CSP violation).
zodConfig({ jitless: true });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

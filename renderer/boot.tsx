import "./startFirstScreen";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { platform } from "./platform";
import { SecureAddressRequired } from "./pwa/SecureAddressRequired";
import { UpdateNotice } from "./pwa/UpdateNotice";
import { registerOfflineApp } from "./pwa/updates";

// The desktop shell's own scheme is secure; a browser may have been pointed at plain http:// from another host.
const secure = platform.kind === "desktop" || window.isSecureContext;
// Only a browser keeps the app for offline use: the desktop shell loads it from disk through its own scheme.
const offlineApp = platform.kind === "browser" && secure ? registerOfflineApp() : null;

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    {secure ? <App /> : <SecureAddressRequired origin={location.origin} />}
    {offlineApp && <UpdateNotice offlineApp={offlineApp} />}
  </StrictMode>,
);

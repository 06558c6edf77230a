/**
 * Refuses every permission except the one the app needs (see security.ts),
 * and every device (HID, serial, USB): the app talks to no hardware.
 */
import type { Session } from "electron";
import { decidePermission } from "./security";

export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(permission, details.requestingUrl ?? requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

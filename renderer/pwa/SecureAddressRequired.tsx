/**
 * Shown instead of the app when the browser build is opened from an address
 * that is not a secure context (plain http:// from anything but localhost).
 * Browsers withhold there what Spanwise is built on, so rather than fail at
 * the first id it makes or the first export, it says so and touches nothing.
 */
export function SecureAddressRequired({ origin }: { origin: string }) {
  return (
    <main className="sw-fatal" role="alert">
      <h1>Spanwise needs a secure address</h1>
      <p>
        Open it over HTTPS, or from <code>localhost</code> or <code>127.0.0.1</code> on this computer. {origin} is neither, and there the browser
        withholds what Spanwise relies on: random ids for your spans, private file storage for exports and backups, and working offline.
      </p>
      <p>Nothing was read or saved at this address.</p>
    </main>
  );
}

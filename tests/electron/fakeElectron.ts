/**
 * A stand-in for the parts of Electron's main-process API the shell uses,
 * recording what it is asked to do. Electron itself cannot run here (and
 * requiring the npm package tries to download it), so the wiring test drives
 * electron/main.ts against this.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  /** What main sent to the page, in order. */
  readonly sent: [string, ...unknown[]][] = [];
  loading = false;
  destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isLoading(): boolean {
    return this.loading;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export function createFakeElectron() {
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const calls = {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as FakeBrowserWindow[],
    openedExternally: [] as string[],
    paths: new Map<string, string>(),
    menu: undefined as unknown,
    recentDocuments: [] as string[],
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    devicePermission: undefined as Listener | undefined,
    sandboxEnabled: false,
    errorBoxes: [] as string[],
    messageBoxes: [] as unknown[],
    exitCode: undefined as number | undefined,
  };

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.windows.push(this);
    }
    focused = 0;
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      // The page loads a moment later, as a real one does; messages sent meanwhile would be lost.
      this.webContents.loading = true;
      setTimeout(() => {
        this.webContents.loading = false;
        this.webContents.emit("did-finish-load");
      }, 5);
    }
    show(): void {}
    focus(): void {
      this.focused++;
    }
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return calls.windows;
    }
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return calls.windows.find((window) => window.webContents === contents) ?? null;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setName: () => undefined,
    getPath: (name: string) => calls.paths.get(name) ?? `/fake/${name}`,
    setPath: (name: string, value: string) => void calls.paths.set(name, value),
    enableSandbox: () => void (calls.sandboxEnabled = true),
    requestSingleInstanceLock: () => true,
    whenReady: () => readyPromise,
    quit: () => undefined,
    addRecentDocument: (filePath: string) => void calls.recentDocuments.push(filePath),
    clearRecentDocuments: () => void (calls.recentDocuments.length = 0),
    exit: (code: number) => void (calls.exitCode = code),
  });

  const dialog = {
    showOpenDialog: async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true }),
    showMessageBox: async (...args: unknown[]) => {
      calls.messageBoxes.push(args.at(-1));
      return { response: 0 };
    },
    showErrorBox: (title: string, content: string) => void calls.errorBoxes.push(`${title}: ${content}`),
  };

  const electron = {
    app,
    dialog,
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => void (calls.menu = menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void calls.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void calls.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => void (calls.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => void (calls.permissionCheck = handler),
        setDevicePermissionHandler: (handler: Listener) => void (calls.devicePermission = handler),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => void calls.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => void calls.ipcHandlers.delete(channel),
    },
    shell: {
      openExternal: async (url: string) => void calls.openedExternally.push(url),
    },
  };

  return { electron, calls, ready, FakeBrowserWindow };
}

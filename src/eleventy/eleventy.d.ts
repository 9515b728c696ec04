// Eleventy 3 ships no type declarations; these cover the parts Broadsheet calls.
declare module '@11ty/eleventy' {
  export interface UserConfig {
    setTemplateFormats(formats: string[]): void;
    addGlobalData(name: string, value: unknown): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setUseGitIgnore(use: boolean): void;
    setDataDeepMerge(merge: boolean): void;
    benchmarkManager: { get(group: string): { setIsVerbose(verbose: boolean): void } };
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export interface WrittenPage {
    inputPath: string;
    outputPath: string | false;
    url: string | false;
  }

  export class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    /** Resolves to [passthrough copies, written templates]. */
    write(): Promise<[unknown, WrittenPage[]]>;
    disableLogger(): void;
  }

  export const HtmlBasePlugin: unknown;
}

declare module '@11ty/eleventy-dev-server' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { Duplex } from 'node:stream';

  interface DevServerOptions {
    liveReload?: boolean;
    domDiff?: boolean;
  }
  /** The live-reload WebSocket server (ws's WebSocketServer). */
  interface ReloadSockets {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, done: (client: unknown) => void): void;
    emit(event: 'connection', client: unknown, request: IncomingMessage): boolean;
  }
  /**
   * Broadsheet never lets it listen: serve/dev-server.ts hands it checked
   * requests (onRequestHandler) and upgrades (updateServer, created by
   * setupReloadNotifier). These members are public in 2.1's server.js but
   * not documented; tests/serve/ fails if they change.
   */
  interface DevServer {
    onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void>;
    setupReloadNotifier(): void;
    updateServer: ReloadSockets;
    /** Adds the live-reload script to a page (HTML navigations only); serve/dev-server.ts adds the problem panel through it. */
    augmentContentWithNotifier(content: string, inlineContents?: boolean, options?: object): string;
    reload(event?: { files?: string[] }): void;
    close(): Promise<void>;
  }
  const EleventyDevServer: {
    getServer(name: string, dir: string, options?: DevServerOptions): DevServer;
  };
  export default EleventyDevServer;
}

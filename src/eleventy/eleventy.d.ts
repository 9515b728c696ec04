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
  interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    pathPrefix?: string;
    messageOnStart?: (info: { hosts: string[] }) => string;
  }
  interface DevServer {
    serve(port: number): Promise<void>;
    reload(event?: { files?: string[] }): void;
    close(): Promise<void>;
  }
  const EleventyDevServer: {
    getServer(name: string, dir: string, options?: DevServerOptions): DevServer;
  };
  export default EleventyDevServer;
}

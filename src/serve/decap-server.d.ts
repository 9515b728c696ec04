// decap-server and express ship no type declarations; these cover the parts Broadsheet calls.
declare module 'decap-server/dist/middlewares.js' {
  // A CommonJS module whose exports Node does not detect by name: only its default import works.
  const middlewares: {
    /** Adds Decap's local file-system backend (`POST /api/v1`) to an express app; the repository is GIT_REPO_DIRECTORY, or the working folder. */
    registerLocalFs(app: unknown, options?: { logLevel?: string }): Promise<void>;
  };
  export default middlewares;
}

declare module 'express' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface Application {
    (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void): void;
    disable(setting: string): void;
  }

  export default function express(): Application;
}

// @11ty/eleventy-img ships no type declarations; these cover the parts Broadsheet calls.
declare module '@11ty/eleventy-img' {
  export interface ImageOptions {
    widths?: (number | 'auto')[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    useCache?: boolean;
    failOnError?: boolean;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
  }

  export interface ImageFile {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename: string;
    outputPath: string;
    size: number;
  }

  interface EleventyImage {
    /** Encode `src` in every format and width; resolves to the files written, by format. */
    (src: string, options?: ImageOptions): Promise<Record<string, ImageFile[]>>;
    /** image-size: the dimensions read from a file's header. */
    ImageSize(input: Uint8Array): { width?: number; height?: number; type?: string };
  }

  const Image: EleventyImage;
  export default Image;
}

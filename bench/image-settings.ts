import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp, { type Sharp } from 'sharp';
import { ssim } from 'ssim.js';
import { IMAGE_WIDTHS } from '../src/images/picture.js';

/*
 * npm run bench:images [-- --folder public/images]
 *
 * What each encoder setting costs and gives, for every photo in a folder at
 * the lead picture's widths: CPU milliseconds per image (all widths, one
 * thread), kilobytes, and SSIM (of the red, green and blue
 * channels, averaged) against the source resized to the same width
 * without loss (1 = identical). The image settings in
 * src/images/process-images.ts were chosen from this table: the cheapest
 * setting whose files are no larger and whose SSIM is no lower than the
 * setting it replaced.
 */

const { values } = parseArgs({ options: { folder: { type: 'string', default: 'public/images' } } });
const folder = path.resolve(values.folder);
const photos = readdirSync(folder)
  .filter((name) => /\.(jpe?g|png|webp)$/i.test(name))
  .sort()
  .map((name) => path.join(folder, name));

interface Setting {
  label: string;
  encode: (image: Sharp) => Sharp;
}

const SETTINGS: Setting[] = [
  // What eleventy-img was asked for before issue 20 (sharp's defaults but AVIF effort 2).
  { label: 'avif effort 2 quality 50', encode: (image) => image.avif({ effort: 2, quality: 50 }) },
  ...[50, 52, 54].map((quality) => ({ label: `avif effort 1 quality ${quality}`, encode: (image: Sharp) => image.avif({ effort: 1, quality }) })),
  ...[55, 60].map((quality) => ({ label: `avif effort 0 quality ${quality}`, encode: (image: Sharp) => image.avif({ effort: 0, quality }) })),
  // Half the pixels of colour: smaller and faster, but SSIM shows the loss.
  { label: 'avif effort 1 quality 52 4:2:0', encode: (image) => image.avif({ effort: 1, quality: 52, chromaSubsampling: '4:2:0' }) },
  ...[4, 3, 2].map((effort) => ({ label: `webp effort ${effort} quality 80`, encode: (image: Sharp) => image.webp({ effort, quality: 80 }) })),
  { label: 'jpeg quality 80', encode: (image) => image.jpeg({ quality: 80 }) },
];

// One libvips thread: the figures are CPU per image, and a build encodes one image per core.
sharp.concurrency(1);

type Pixels = { data: Uint8ClampedArray; width: number; height: number };

/** The image's red, green and blue channels, each as a grey image, so that SSIM also sees what chroma subsampling loses. */
const channels = async (image: Sharp): Promise<Pixels[]> => {
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [0, 1, 2].map((channel) => {
    const grey = new Uint8ClampedArray(info.width * info.height * 4);
    for (let pixel = 0; pixel < info.width * info.height; pixel++) {
      const value = data[pixel * info.channels + channel]!;
      grey.set([value, value, value, 255], pixel * 4);
    }
    return { data: grey, width: info.width, height: info.height };
  });
};

/** SSIM averaged over the three channels. */
const similarityOf = (reference: Pixels[], encoded: Pixels[]) => reference.reduce((sum, channel, index) => sum + ssim(channel, encoded[index]!).mssim, 0) / 3;

// The reference for each photo and width: the resize alone, never encoded.
const references = new Map<string, Pixels[]>();
for (const photo of photos) for (const width of IMAGE_WIDTHS.lead) references.set(`${photo} ${width}`, await channels(sharp(photo).resize({ width, withoutEnlargement: true })));

console.log(`${photos.length} photos in ${path.relative(process.cwd(), folder) || '.'}, widths ${IMAGE_WIDTHS.lead.join(', ')}`);
console.log(`${'setting'.padEnd(32)} ${'CPU ms/image'.padStart(12)} ${'KB/image'.padStart(9)} ${'SSIM'.padStart(7)}`);
for (const setting of SETTINGS) {
  let cpuMs = 0;
  let bytes = 0;
  let similarity = 0;
  for (const photo of photos) {
    for (const width of IMAGE_WIDTHS.lead) {
      const started = process.cpuUsage();
      const encoded = await setting.encode(sharp(photo).resize({ width, withoutEnlargement: true })).toBuffer();
      const used = process.cpuUsage(started);
      cpuMs += (used.user + used.system) / 1000;
      bytes += encoded.length;
      similarity += similarityOf(references.get(`${photo} ${width}`)!, await channels(sharp(encoded)));
    }
  }
  const count = photos.length;
  console.log(
    `${setting.label.padEnd(32)} ${(cpuMs / count).toFixed(0).padStart(12)} ${(bytes / count / 1024).toFixed(1).padStart(9)} ${(similarity / count / IMAGE_WIDTHS.lead.length).toFixed(4).padStart(7)}`,
  );
}

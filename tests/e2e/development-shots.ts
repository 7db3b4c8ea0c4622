/**
 * Screenshots of the development screens for a person to look at: at 1000 px wide (dark, and in
 * print media), and at 200 % zoom (the same page in a 500 px CSS viewport drawn at twice the pixel density). The printed
 * portfolio is rendered to PDF and each page turned into a PNG with pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const SHOTS = 'test-results/screens';

export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1000, height: 800 };
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const wasPrint = await page.evaluate(() => window.matchMedia('print').matches);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/${name}-print.png`, fullPage: true });
  await page.emulateMedia({ media: wasPrint ? 'print' : 'screen' });
  await page.setViewportSize({ width: Math.round(size.width / 2), height: Math.round(size.height / 2) });
  await page.screenshot({ path: `${SHOTS}/${name}-zoom200.png`, fullPage: true, scale: 'device' });
  await page.screenshot({ path: `${SHOTS}/${name}-zoom200-view.png`, scale: 'device' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at 200% zoom: no sideways scrolling`).toBeLessThanOrEqual(0);
  await page.setViewportSize(size);
}

const hasPdftoppm = (): boolean => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * Prints to PDF (A4) and turns each page into a PNG to look at (pdftoppm, from poppler-utils; where
 * it is not installed the pages are only counted); returns the page count.
 */
export async function checkPdfPages(page: Page, name: string): Promise<number> {
  mkdirSync(SHOTS, { recursive: true });
  const pdf = `${SHOTS}/${name}.pdf`;
  // page.pdf() prints in whatever media is emulated: make it print, as the browser's own print does.
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const counted = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  expect(counted, 'the PDF has more than one page').toBeGreaterThan(1);
  if (!hasPdftoppm()) return counted;
  const isPage = (f: string): boolean => f.startsWith(`${name}-page`) && f.endsWith('.png');
  for (const old of readdirSync(SHOTS).filter(isPage)) rmSync(`${SHOTS}/${old}`);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, `${SHOTS}/${name}-page`]);
  const pages = readdirSync(SHOTS).filter(isPage);
  expect(pages.length, 'one PNG per PDF page').toBe(counted);
  return pages.length;
}

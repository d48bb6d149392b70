/**
 * Launching Debian's Chromium through playwright-core, shared by the e2e harness and the browser
 * benchmarks (bench/). No test framework here: benchmarks import it outside vitest.
 *
 * @example
 * const browser = await launchChromium();
 */
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's Chromium lives (override with CHROMIUM_PATH). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine's Chromium needs: no sandbox as root, no GPU, no calls home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts a headless Chromium with {@link CHROMIUM_ARGS}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

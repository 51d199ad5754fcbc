/** The Chromium binary every browser run uses. */
export declare const CHROMIUM_PATH: string;
/** Playwright launch options for it. */
export declare const CHROMIUM_LAUNCH: { executablePath: string; args: string[] };

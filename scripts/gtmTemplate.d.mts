/** The exact, versioned CDN URL of the IIFE the template injects. */
export declare const BRIDGE_URL: string;
export declare function sandboxedCode(): string;
export declare function scenarios(): { file: string; name: string; code: string }[];
export declare function permissions(): unknown[];
export declare function parameters(): Record<string, unknown>[];
export declare function info(): Record<string, unknown>;
export declare function renderTemplate(): string;

/**
 * Code one plugin lends another, by name: the webhook relay's client, which
 * the Chili Piper adapter uses when it is loaded (`chiliPiperRelay`). One
 * object per page: the plugin files reach it through the core.
 */
export const extensions: Record<string, unknown> = {};

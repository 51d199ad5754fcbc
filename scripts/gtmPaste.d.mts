/** Comments of the editable config block in the GTM paste, one per BridgeConfig key. */
export declare const PASTE_CONFIG_COMMENTS: Record<string, string>;
export declare function renderGtmPaste(pkg: { name: string; version: string; license: string }, defaults: Record<string, unknown>, bridge: string): string;

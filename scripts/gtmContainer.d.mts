export declare const variableName: (key: string) => string;
export declare const MEASUREMENT_ID_VARIABLE: string;
export declare function renderContainer(): Promise<string>;

export declare const DEFAULT_PG_PORT: number;
export declare function postgresBin(): string | undefined;
export declare function startPostgres(options?: { folder?: string; port?: number }): { url: string; stop: () => void };
export declare function stopPostgres(options?: { folder?: string }): void;
export declare function freePort(): Promise<number>;

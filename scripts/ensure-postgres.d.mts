export function postgresBin(): string | undefined;
export function requirePostgres(): string;
export function startPostgres(options?: { durable?: boolean }): Promise<{ url: string; stop: () => void }>;

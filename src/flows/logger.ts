/** The logging surface flows use (pino satisfies it). Never pass secrets: passwords, codes, tokens, keys. */
export interface Logger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

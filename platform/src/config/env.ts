import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXAMPLE_SECRET_PROBLEM, isExampleSecret } from './exampleSecrets';

/** Raised at start-up when an environment variable is missing or malformed; names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, string | undefined>;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Typed readers over an environment (process.env by default). Each reader either returns a valid
 * value or throws a ConfigError naming the variable, so a service fails fast at start.
 */
export function envReader(source: Source = process.env) {
  const raw = (name: string): string | undefined => {
    const value = source[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  function string(name: string, fallback?: string): string {
    const value = raw(name) ?? fallback;
    if (value === undefined) throw new ConfigError(name, 'is required');
    return value;
  }
  return {
    string,
    /** The names of the variables set in this environment. */
    names: (): string[] => Object.keys(source),
    optional: (name: string): string | undefined => raw(name),
    int(name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
      const value = raw(name);
      if (value === undefined) return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${value}"`);
      }
      return parsed;
    },
    bool(name: string, fallback: boolean): boolean {
      const value = raw(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(value)) return true;
      if (['0', 'false', 'no', 'off'].includes(value)) return false;
      throw new ConfigError(name, `must be true or false, got "${value}"`);
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const value = raw(name) ?? fallback;
      if (!allowed.includes(value as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
      return value as T;
    },
    url(name: string, fallback?: string): string {
      const value = string(name, fallback);
      try {
        new URL(value);
      } catch {
        throw new ConfigError(name, `must be a URL, got "${value}"`);
      }
      return value;
    },
    /**
     * A secret of at least `minLength` characters. In production it has no fallback and may not be a
     * value printed in the project's examples (anyone could read it there).
     */
    secret(name: string, fallback: string | undefined, { minLength = 32, production = false } = {}): string {
      const value = raw(name);
      if (value === undefined && (production || fallback === undefined)) throw new ConfigError(name, 'is required');
      const secret = value ?? fallback!;
      if (production && isExampleSecret(secret)) throw new ConfigError(name, EXAMPLE_SECRET_PROBLEM);
      if (secret.length < minLength) throw new ConfigError(name, `must be at least ${minLength} characters`);
      return secret;
    },
    /** A duration in seconds, written `90`, `90s`, `15m`, `12h` or `7d`. */
    duration(name: string, fallbackSeconds: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
      const value = raw(name);
      if (value === undefined) return fallbackSeconds;
      const match = /^(\d+)\s*(s|m|h|d)?$/i.exec(value);
      const seconds = match ? Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's').toLowerCase()] : NaN;
      if (!Number.isSafeInteger(seconds) || seconds < min || seconds > max) {
        throw new ConfigError(name, `must be a duration between ${min} s and ${max} s (such as 90s, 15m, 12h), got "${value}"`);
      }
      return seconds;
    },
  };
}
export type EnvReader = ReturnType<typeof envReader>;

/** Loads `.env` from the working directory, if there is one, without overriding the real environment. */
export function loadDotEnv(file = resolve(process.cwd(), '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

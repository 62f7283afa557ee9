/**
 * Every secret value printed in `.env.example`, the README or docker-compose.yml, and the development
 * defaults in code. Kept as code, not read from those files, so that the check also holds in the Docker
 * image, which ships none of them; `exampleSecrets.test.ts` keeps the list in step with the files.
 */
export const EXAMPLE_SECRETS: readonly string[] = [
  'dev-only-gateway-shared-secret-change-me!',
  'dev-only-jwt-secret-for-the-embedded-demo!!',
  'change-me',
  // The password of the example DATABASE_URL and EVENT_BUS_URL (postgres://ioc:secret@…).
  'secret',
];

/** Whether a variable holds a secret by its name: `*_SECRET`, `*_PASSWORD`, `*_TOKEN`. */
export const isSecretName = (name: string): boolean => /(^|_)(SECRET|PASSWORD|TOKEN)$/.test(name);

/** Whether a value is one of the secrets printed in the project's examples. */
export const isExampleSecret = (value: string): boolean => EXAMPLE_SECRETS.includes(value);

/** The password of a URL such as `postgres://user:password@host/db`, if it has one. */
function urlPassword(value: string): string | undefined {
  try {
    const password = new URL(value).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first variable of an environment that holds a secret copied from the examples: a secret-named
 * variable (`*_SECRET`, `*_PASSWORD`, `*_TOKEN`) or a `*_URL` whose password is one. Undefined when none.
 */
export function findExampleSecret(env: { names(): string[]; optional(name: string): string | undefined }): string | undefined {
  return env.names().find((name) => {
    const value = env.optional(name);
    if (value === undefined) return false;
    if (isSecretName(name)) return isExampleSecret(value);
    if (name.endsWith('_URL')) {
      const password = urlPassword(value);
      return password !== undefined && isExampleSecret(password);
    }
    return false;
  });
}

/** What a ConfigError says about a secret copied from the examples. */
export const EXAMPLE_SECRET_PROBLEM =
  'has the example value printed in .env.example or the README: set a secret of your own (32+ random bytes)';

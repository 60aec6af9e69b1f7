/**
 * The environment for a child process demo mode starts: this process's own plus `extra`.
 * Lives here because server/config is the one module that reads process.env.
 */
export function childEnvironment(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

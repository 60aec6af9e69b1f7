// App registrations the emulated tenant knows, with the application roles an admin consented to.
import type { AppRegistration } from './tokens.js';

export class AppRegistry {
  private readonly apps = new Map<string, AppRegistration>();

  constructor(initial: readonly AppRegistration[]) {
    for (const app of initial) this.register(app);
  }

  /** Adds or replaces a registration (tests use this to get an app with fewer roles). */
  register(app: AppRegistration): void {
    this.apps.set(app.clientId.toLowerCase(), { ...app, roles: [...app.roles] });
  }

  find(clientId: string): AppRegistration | undefined {
    return this.apps.get(clientId.toLowerCase());
  }
}

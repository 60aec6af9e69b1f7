// Which Teams apps are installed in which user's personal scope (POST /users/{id}/teamwork/installedApps).
// The emulator has no app catalog: any catalog app id (a GUID) can be installed.

export interface AppInstallation {
  /** Installation id, as Graph returns in GET …/installedApps. */
  readonly id: string;
  readonly userId: string;
  readonly teamsAppId: string;
  readonly installedAt: Date;
}

export class AppInstallationStore {
  private readonly byUser = new Map<string, Map<string, AppInstallation>>();

  /** False when the app was already installed for the user (Graph's 409). */
  install(userId: string, teamsAppId: string, at: Date): boolean {
    const user = userId.toLowerCase();
    const app = teamsAppId.toLowerCase();
    let apps = this.byUser.get(user);
    if (!apps) this.byUser.set(user, (apps = new Map()));
    if (apps.has(app)) return false;
    // Graph's installation ids are opaque base64 of user and app; this keeps them stable per pair.
    apps.set(app, { id: Buffer.from(`${user}##${app}`).toString('base64url'), userId: user, teamsAppId: app, installedAt: at });
    return true;
  }

  list(userId: string): AppInstallation[] {
    return [...(this.byUser.get(userId.toLowerCase())?.values() ?? [])];
  }

  /** Every installation, oldest first (tests and the admin route). */
  all(): AppInstallation[] {
    return [...this.byUser.values()].flatMap((apps) => [...apps.values()]).sort((a, b) => a.installedAt.getTime() - b.installedAt.getTime());
  }
}

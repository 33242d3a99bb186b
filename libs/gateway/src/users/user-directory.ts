import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { deterministicId, type Role, type User } from '@parley/contracts';
import { WORKSPACE_SETTINGS, type WorkspaceSettings } from '@parley/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { HashingSlots } from './hashing-slots';
import {
  decodePasswordHash,
  hashPassword,
  verifyAgainstNobody,
  verifyPassword,
  type PasswordHash,
} from './password-hash';

interface Account {
  readonly user: User;
  readonly password: PasswordHash;
}

interface SeedAccount {
  readonly email: string;
  /** The password in clear, hashed at boot, or a stored hash (`encodePasswordHash`'s text). */
  readonly password: { readonly clear: string } | { readonly hashed: string };
  readonly name: string;
  readonly role: Role;
}

/**
 * The injection token of the admin's stored password hash (`encodePasswordHash`'s text), used
 * when PARLEY_ADMIN_PASSWORD is empty: `npm start` generates the password at its first start
 * and keeps the hash in its data directory.
 */
export const ADMIN_PASSWORD_HASH = 'parley:AdminPasswordHash';

/**
 * The users who can sign in (U1): for now an admin and, when PARLEY_MANAGER_PASSWORD is set, a
 * manager, seeded from the config, kept in memory, passwords hashed at boot. The admin's password
 * is PARLEY_ADMIN_PASSWORD or the stored hash the process gives (ADMIN_PASSWORD_HASH); with
 * neither the gateway refuses to start. Ids are derived from workspace and email, so they stay
 * the same across restarts (they appear in events as the actor).
 */
@Injectable()
export class UserDirectory implements OnModuleInit {
  private readonly byEmail = new Map<string, Account>();
  private readonly byId = new Map<string, Account>();
  private readonly hashing: HashingSlots;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(WORKSPACE_SETTINGS) private readonly workspace: WorkspaceSettings,
    @Optional() @Inject(ADMIN_PASSWORD_HASH) private readonly adminPasswordHash?: string,
  ) {
    this.hashing = new HashingSlots(
      config.PASSWORD_HASH_CONCURRENCY,
      config.PASSWORD_HASH_QUEUE_LIMIT,
    );
  }

  async onModuleInit(): Promise<void> {
    const seeds: SeedAccount[] = [
      {
        email: this.config.PARLEY_ADMIN_EMAIL,
        password: this.adminPassword(),
        name: 'Admin',
        role: 'admin',
      },
    ];
    if (this.config.PARLEY_MANAGER_PASSWORD) {
      seeds.push({
        email: this.config.PARLEY_MANAGER_EMAIL,
        password: { clear: this.config.PARLEY_MANAGER_PASSWORD },
        name: 'Manager',
        role: 'manager',
      });
    }
    await Promise.all(seeds.map((seed) => this.add(seed)));
  }

  /**
   * The user with this email and password, or null (same answer for either being wrong). The
   * hash waits for a slot of the bounded hashing queue; a full queue rejects with HashingBusy.
   */
  async verify(email: string, password: string): Promise<User | null> {
    const account = this.byEmail.get(normaliseEmail(email));
    return this.hashing.run(async () => {
      if (!account) return verifyAgainstNobody(password).then(() => null);
      return (await verifyPassword(password, account.password)) ? account.user : null;
    });
  }

  private adminPassword(): SeedAccount['password'] {
    if (this.config.PARLEY_ADMIN_PASSWORD) return { clear: this.config.PARLEY_ADMIN_PASSWORD };
    if (this.adminPasswordHash) return { hashed: this.adminPasswordHash };
    throw new Error(
      'PARLEY_ADMIN_PASSWORD: required, no admin password is set (8 to 200 characters; ' +
        '`npm start` generates one, a gateway process needs it given)',
    );
  }

  findById(id: string): User | null {
    return this.byId.get(id)?.user ?? null;
  }

  /** The users of a workspace, by name (for pickers); no other workspace's users. */
  listWorkspace(workspaceId: string): readonly User[] {
    return [...this.byId.values()]
      .map((account) => account.user)
      .filter((user) => user.workspaceId === workspaceId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  private async add(seed: SeedAccount): Promise<void> {
    const email = normaliseEmail(seed.email);
    const workspaceId = this.workspace.defaultWorkspaceId;
    const user: User = {
      id: deterministicId('user', workspaceId, email),
      email,
      name: seed.name,
      role: seed.role,
      workspaceId,
      language: 'en',
    };
    // At boot, before any request: the two seeds hash side by side, outside the request queue.
    const password =
      'clear' in seed.password
        ? await hashPassword(seed.password.clear)
        : decodePasswordHash(seed.password.hashed);
    if (!password) throw new Error(`the stored password hash of ${email} is not one`);
    const account = { user, password };
    this.byEmail.set(email, account);
    this.byId.set(user.id, account);
  }
}

/** One account per address, whatever its case or surrounding spaces. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

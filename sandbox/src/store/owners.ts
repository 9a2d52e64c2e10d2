import { validationError } from '../errors';
import type { OwnerDef } from './types';

/** Owners (users that can own records). Three are seeded; tests can add more. */

export interface OwnerSeed {
  id?: string;
  email: string;
  firstName?: string;
  lastName?: string;
  userId?: number;
  teams?: Array<{ id: string; name: string; primary?: boolean }>;
  archived?: boolean;
}

const SEEDED_AT = Date.UTC(2021, 0, 4, 9, 0, 0);

export const SEEDED_OWNERS: readonly OwnerSeed[] = [
  {
    id: '70000001',
    userId: 9100001,
    email: 'avery.seller@example.com',
    firstName: 'Avery',
    lastName: 'Seller',
    teams: [{ id: '501', name: 'Sales', primary: true }],
  },
  {
    id: '70000002',
    userId: 9100002,
    email: 'dana.delivery@example.com',
    firstName: 'Dana',
    lastName: 'Delivery',
    teams: [{ id: '502', name: 'Delivery', primary: true }],
  },
  {
    id: '70000003',
    userId: 9100003,
    email: 'morgan.account@example.com',
    firstName: 'Morgan',
    lastName: 'Account',
    teams: [{ id: '503', name: 'Account Management', primary: true }],
  },
];

export class OwnerStore {
  private owners: OwnerDef[] = [];
  private nextId = 70000100;
  private nextUserId = 9100100;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.owners = [];
    this.nextId = 70000100;
    this.nextUserId = 9100100;
    this.seed(SEEDED_OWNERS, SEEDED_AT);
  }

  seed(seeds: readonly OwnerSeed[], now: number): OwnerDef[] {
    return seeds.map((s) => {
      if (!s.email) throw validationError('An owner needs an email.');
      const id = s.id ?? String(this.nextId++);
      const owner: OwnerDef = {
        id,
        email: s.email,
        firstName: s.firstName ?? '',
        lastName: s.lastName ?? '',
        userId: s.userId ?? this.nextUserId++,
        teams: (s.teams ?? []).map((t) => ({ id: t.id, name: t.name, primary: t.primary ?? false })),
        archived: s.archived ?? false,
        createdAt: now,
        updatedAt: now,
      };
      this.owners = [...this.owners.filter((o) => o.id !== id), owner];
      return owner;
    });
  }

  list(archived = false): OwnerDef[] {
    return this.owners.filter((o) => o.archived === archived).sort((a, b) => Number(a.id) - Number(b.id));
  }

  get(id: string): OwnerDef | undefined {
    return this.owners.find((o) => o.id === id);
  }

  byUserId(userId: number): OwnerDef | undefined {
    return this.owners.find((o) => o.userId === userId);
  }
}

import { createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (secret: string, sel: Buffer, longueur: number, options: object) => Promise<Buffer>;

// N=2^15 costs ≈ 50 ms per check: hard to brute-force from a stolen table; the cache below keeps issuance fast.
const PARAMETRES = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const LONGUEUR = 32;

export function nouveauSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function hacherSecret(secret: string): Promise<string> {
  const sel = randomBytes(16);
  const hache = await scrypt(secret, sel, LONGUEUR, PARAMETRES);
  return `scrypt$${PARAMETRES.N}$${PARAMETRES.r}$${PARAMETRES.p}$${sel.toString('base64url')}$${hache.toString('base64url')}`;
}

let verifications = 0;

/** scrypt checks made by this process: what the cache below and its coalescing spare, observable. */
export function nombreDeVerifications(): number {
  return verifications;
}

export async function verifierSecret(secret: string, stocke: string): Promise<boolean> {
  verifications++;
  const [algo, n, r, p, sel, hache] = stocke.split('$');
  if (algo !== 'scrypt' || !sel || !hache) return false;
  const attendu = Buffer.from(hache, 'base64url');
  const calcule = await scrypt(secret, Buffer.from(sel, 'base64url'), attendu.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMETRES.maxmem,
  });
  return timingSafeEqual(calcule, attendu);
}

/**
 * Verified (client, secret) pairs, remembered by a keyed digest that never leaves the process,
 * and only as long as the stored hash they were verified against is unchanged: a rotation or a
 * deactivation invalidates the entry by itself.
 */
export class CacheSecretsVerifies {
  private readonly cle = randomBytes(32);
  private readonly entrees = new Map<string, string>();

  constructor(private readonly capacite = 10_000) {}

  private empreinte(clientId: string, secret: string): string {
    return createHmac('sha256', this.cle).update(clientId).update('\0').update(secret).digest('base64url');
  }

  estConnu(clientId: string, secret: string, hachesValides: string[]): boolean {
    const hache = this.entrees.get(this.empreinte(clientId, secret));
    return hache !== undefined && hachesValides.includes(hache);
  }

  retenir(clientId: string, secret: string, hache: string): void {
    if (this.entrees.size >= this.capacite) this.entrees.delete(this.entrees.keys().next().value!);
    this.entrees.set(this.empreinte(clientId, secret), hache);
  }

  private readonly enCours = new Map<string, Promise<boolean>>();

  /**
   * Concurrent checks of one (client, secret) pair against the same stored hashes share one
   * `verifier`: fifty connections opening at once cost one scrypt, not fifty (≈ 50 ms of CPU each).
   */
  uneFois(clientId: string, secret: string, hachesValides: string[], verifier: () => Promise<boolean>): Promise<boolean> {
    const cle = [this.empreinte(clientId, secret), ...hachesValides].join('\0');
    let verification = this.enCours.get(cle);
    if (!verification) {
      verification = verifier().finally(() => this.enCours.delete(cle));
      this.enCours.set(cle, verification);
    }
    return verification;
  }
}

/** Tokens are stored as their SHA-256: a database leak does not leak usable tokens. */
export function empreinteJeton(jeton: string): string {
  return createHash('sha256').update(jeton).digest('hex');
}

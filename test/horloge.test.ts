import fs from 'node:fs';
import path from 'node:path';
import { aujourdhui, fixerAujourdhui, horodatage, maintenant } from '../src/horloge';

const JOUR_DES_TESTS = process.env.APISATION_AUJOURDHUI!;

describe('horloge des dates métier', () => {
  afterEach(() => fixerAujourdhui(JOUR_DES_TESTS));

  it('the suite runs on the pinned day, whatever the machine date', () => {
    expect(aujourdhui()).toBe(JOUR_DES_TESTS);
    expect(horodatage().slice(0, 10)).toBe(JOUR_DES_TESTS);
  });

  it('a pinned day keeps the time of day, so records and business dates agree', () => {
    fixerAujourdhui('2027-07-01');
    const avant = new Date();
    const instant = maintenant();
    expect(instant.toISOString().slice(0, 10)).toBe('2027-07-01');
    expect(
      Math.abs(instant.getUTCHours() * 3600_000 + instant.getUTCMinutes() * 60_000 - (avant.getUTCHours() * 3600_000 + avant.getUTCMinutes() * 60_000)),
    ).toBeLessThanOrEqual(60_000);
  });

  it('refuses a day that does not exist', () => {
    expect(() => fixerAujourdhui('2027-02-29')).toThrow(RangeError);
    expect(() => fixerAujourdhui('01/07/2027')).toThrow(RangeError);
    expect(aujourdhui()).toBe(JOUR_DES_TESTS);
  });
});

/** Modules that may read the machine clock: durations and technical expiries, never a business date. */
const HORLOGE_MACHINE_PERMISE = new Map([
  ['src/horloge.ts', 'the clock itself'],
  ['src/auth/clients.ts', 'overlap period of a renewed secret, in hours'],
  ['src/auth/jetons.ts', 'token issue, expiry and revocation (RFC 6749 lifetimes)'],
  ['src/auth/oauth.ts', 'token expiry'],
  ['src/auth/principal.ts', 'token cache delay'],
  ['src/http/limites.ts', 'rate-limit windows of one second, reserved in blocks'],
  ['src/http/requetes-en-cours.ts', 'expiry of in-flight request markers'],
  ['src/demarrage.ts', 'duration of the demo generation, logged'],
  ['src/demandes/lien.ts', 'expiry of a signed consultation link, like a token'],
  ['src/synthetique/generer-donnees.ts', 'progress of a generation, logged'],
  ['src/notifications/abonnements.ts', 'delivery machinery'],
  ['src/notifications/distributeur.ts', 'delivery retries and leases'],
  ['src/notifications/evenements.ts', 'delivery scheduling'],
  ['src/privacy/retention.ts', 'token purge bounded by machine time'],
]);

describe('une seule horloge', () => {
  it('no module outside the permitted ones reads the machine clock', () => {
    const racine = path.join(__dirname, '..');
    const lus: string[] = [];
    const parcourir = (dossier: string): void => {
      for (const entree of fs.readdirSync(dossier, { withFileTypes: true })) {
        const chemin = path.join(dossier, entree.name);
        if (entree.isDirectory()) parcourir(chemin);
        else if (entree.name.endsWith('.ts') && /new Date\(\)|Date\.now\(\)/.test(fs.readFileSync(chemin, 'utf8'))) lus.push(path.relative(racine, chemin));
      }
    };
    parcourir(path.join(racine, 'src'));
    expect(lus.filter((f) => !HORLOGE_MACHINE_PERMISE.has(f))).toEqual([]);
  });
});

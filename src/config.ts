import { createHmac } from 'node:crypto';

/** Typed configuration, read once from the environment. */
export interface Config {
  port: number;
  databaseUrl: string;
  production: boolean;
  /** Public base URL: the OAuth issuer and the server URL of the published contract. */
  urlPublique: string;
  /** Lifetime of an access token, in seconds (RFC 6749 §4.4: no refresh token). */
  dureeJetonSecondes: number;
  cles: {
    /** Keyed hash of persons' internal ids in the journal. */
    journal: string;
    /** Keyed hash deriving per-recipient pseudonymous ids. */
    pseudonyme: string;
    /** HMAC of the expiring links that open a habilitation request's page in a browser. */
    liens: string;
  };
  /** Secret statistique: cells below this count are masked. */
  seuilSecretStatistique: number;
  /** Requests per second allowed per habilitation (API Particulier's figure). */
  limiteParSeconde: number;
  /** Failed client authentications allowed per IP and minute before 429. */
  echecsAuthentificationParMinute: number;
  niveauLog: string;
}

export const CLES_DEMO = {
  journal: 'demo-cle-journal-ne-pas-utiliser-en-production',
  pseudonyme: 'demo-cle-pseudonyme-ne-pas-utiliser-en-production',
};

function entier(valeur: string | undefined, defaut: number, nom: string): number {
  if (valeur === undefined || valeur === '') return defaut;
  const n = Number(valeur);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${nom} doit être un entier positif`);
  return n;
}

export function chargerConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = entier(env.PORT, 3000, 'PORT');
  const production = env.NODE_ENV === 'production';
  const journal = env.CLE_JOURNAL ?? CLES_DEMO.journal;
  const cles = {
    journal,
    pseudonyme: env.CLE_PSEUDONYME ?? CLES_DEMO.pseudonyme,
    // Without its own key, derived from the journal key (mandatory in production) under a label of its own.
    liens: env.CLE_LIENS ?? createHmac('sha256', journal).update('apisation:liens-consultation').digest('base64url'),
  };
  if (production && (cles.journal === CLES_DEMO.journal || cles.pseudonyme === CLES_DEMO.pseudonyme)) {
    throw new Error('CLE_JOURNAL et CLE_PSEUDONYME sont obligatoires en production (les clés de démonstration sont refusées)');
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/apisation.sqlite',
    production,
    urlPublique: (env.URL_PUBLIQUE ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dureeJetonSecondes: entier(env.DUREE_JETON_SECONDES, 600, 'DUREE_JETON_SECONDES'),
    cles,
    seuilSecretStatistique: entier(env.SEUIL_SECRET_STATISTIQUE, 5, 'SEUIL_SECRET_STATISTIQUE'),
    limiteParSeconde: entier(env.LIMITE_REQUETES_PAR_SECONDE, 20, 'LIMITE_REQUETES_PAR_SECONDE'),
    echecsAuthentificationParMinute: entier(env.ECHECS_AUTHENTIFICATION_PAR_MINUTE, 10, 'ECHECS_AUTHENTIFICATION_PAR_MINUTE'),
    niveauLog: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}

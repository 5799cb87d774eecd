import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Db } from '../db/knex';
import { readJson } from '../db/knex';
import { journalApplicatif } from '../http/journal-applicatif';
import { Probleme } from '../http/problemes';
import { reveillerDistributeurs, surNouvelEvenement } from './evenements';

export interface OptionsDistributeur {
  /** How often due deliveries are looked for when nothing wakes the worker. */
  intervalleMs?: number;
  /** Attempts before a delivery is abandoned (an operator may replay it). */
  tentativesMax?: number;
  /** Delay after the first failure; doubled after each one, up to `delaiMaxMs`. */
  delaiInitialMs?: number;
  delaiMaxMs?: number;
  /** A receiver that has not answered by then has failed this attempt. */
  delaiReponseMs?: number;
}

export interface Distributeur {
  /** Stops polling and waits for the deliveries in flight; the server calls it on shutdown. */
  arreter(): Promise<void>;
  /** One pass over the due deliveries; returns how many were attempted. */
  traiter(): Promise<number>;
}

export interface Livraison {
  id: number;
  evenement_id: string;
  type: string;
  abonnement_id: string;
  siret: string;
  statut: 'en_attente' | 'livree' | 'abandonnee';
  tentatives: number;
  prochaine_tentative_le: string | null;
  livree_le: string | null;
  cree_le: string;
}

/** Une livraison avec chacune de ses tentatives. */
export interface LivraisonDetaillee extends Livraison {
  journal: Tentative[];
}

export interface Tentative {
  le: string;
  /** null : pas de réponse HTTP (erreur réseau ou délai dépassé). */
  statut_http: number | null;
  erreur: string | null;
  duree_ms: number;
}

const DEFAUTS: Required<OptionsDistributeur> = {
  intervalleMs: 1_000,
  tentativesMax: 10,
  delaiInitialMs: 30_000,
  delaiMaxMs: 6 * 3_600_000,
  delaiReponseMs: 10_000,
};
const LOT = 20;

const ENTETE_SIGNATURE = 'X-Signature-256';
const ENTETE_HORODATAGE = 'X-Horodatage';

/** GitHub-style `sha256=<hex>` HMAC of the exact bytes sent. */
function signer(secret: string, corps: string): string {
  return `sha256=${createHmac('sha256', secret).update(corps, 'utf8').digest('hex')}`;
}

/** Bounded exponential backoff: 30 s, 1 min, 2 min… never more than `delaiMaxMs`. */
function delaiAvantTentative(tentativesFaites: number, o: Required<OptionsDistributeur>): number {
  return Math.min(o.delaiInitialMs * 2 ** (tentativesFaites - 1), o.delaiMaxMs);
}

function envoyer(url: string, corps: string, entetes: Record<string, string>, delaiMs: number): Promise<{ statut: number | null; erreur: string | null }> {
  return new Promise((resolve) => {
    const cible = new URL(url);
    const requete = (cible.protocol === 'https:' ? https : http).request(
      cible,
      {
        method: 'POST',
        agent: false, // no pooled socket outlives the attempt
        headers: { ...entetes, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(corps), Connection: 'close' },
        timeout: delaiMs,
      },
      (reponse) => {
        reponse.resume(); // the receiver's body is never read nor logged
        reponse.on('end', () => resolve({ statut: reponse.statusCode ?? null, erreur: null }));
        reponse.on('error', () => resolve({ statut: reponse.statusCode ?? null, erreur: 'reponse_interrompue' }));
      },
    );
    requete.on('timeout', () => requete.destroy(new Error('delai_depasse')));
    requete.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ statut: null, erreur: err.message === 'delai_depasse' ? 'delai_depasse' : (err.code ?? 'erreur_reseau').slice(0, 64) }),
    );
    requete.end(corps);
  });
}

async function livrer(db: Db, livraison: Record<string, unknown>, o: Required<OptionsDistributeur>): Promise<void> {
  const debut = Date.now();
  const maintenant = new Date(debut).toISOString();
  const tentatives = Number(livraison.tentatives) + 1;
  let resultat: { statut: number | null; erreur: string | null };
  if (!livraison.actif) {
    resultat = { statut: null, erreur: 'abonnement_desactive' };
  } else {
    const horodatage = Math.floor(debut / 1000);
    // The timestamp is inside the signed body and repeated in a header: a receiver rejects stale or mismatched ones.
    const corps = JSON.stringify({
      id: livraison.evenement_id,
      type: livraison.type,
      cree_le: livraison.evenement_cree_le,
      horodatage,
      destinataire: livraison.siret,
      donnees: readJson(livraison.donnees),
    });
    resultat = await envoyer(
      livraison.url as string,
      corps,
      {
        [ENTETE_SIGNATURE]: signer(livraison.secret as string, corps),
        [ENTETE_HORODATAGE]: String(horodatage),
        'X-Evenement-Id': livraison.evenement_id as string,
        'X-Evenement-Type': livraison.type as string,
        'User-Agent': 'passerelle-apisation-notifications/1',
      },
      o.delaiReponseMs,
    );
  }
  const reussie = resultat.statut !== null && resultat.statut >= 200 && resultat.statut < 300;
  const abandon = !reussie && (tentatives >= o.tentativesMax || !livraison.actif);
  await db.transaction(async (trx) => {
    await trx('livraison_tentatives').insert({
      livraison_id: livraison.id,
      le: maintenant,
      statut_http: resultat.statut,
      erreur: resultat.erreur ?? (reussie ? null : 'statut_http'),
      duree_ms: Date.now() - debut,
    });
    await trx('livraisons')
      .where({ id: livraison.id })
      .update({
        tentatives,
        statut: reussie ? 'livree' : abandon ? 'abandonnee' : 'en_attente',
        livree_le: reussie ? new Date().toISOString() : null,
        prochaine_tentative_le: reussie || abandon ? null : new Date(Date.now() + delaiAvantTentative(tentatives, o)).toISOString(),
      });
  });
  if (!reussie) {
    journalApplicatif.warn({ livraison: livraison.id, tentatives, statutHttp: resultat.statut, erreur: resultat.erreur, abandon }, 'notification non livrée');
  }
}

/**
 * Claims due deliveries (a conditional update, so two processes never send the same one) and
 * sends them. The claim pushes the next attempt past the response timeout: a crash mid-send retries.
 */
async function traiterLot(db: Db, o: Required<OptionsDistributeur>): Promise<number> {
  const maintenant = new Date().toISOString();
  const dues = await db('livraisons as l')
    .join('evenements as e', 'e.id', 'l.evenement_id')
    .join('abonnements_notifications as a', 'a.id', 'l.abonnement_id')
    .where('l.statut', 'en_attente')
    .andWhere('l.prochaine_tentative_le', '<=', maintenant)
    .orderBy('l.prochaine_tentative_le')
    .limit(LOT)
    .select(
      'l.id',
      'l.tentatives',
      'l.prochaine_tentative_le',
      'l.evenement_id',
      'e.type',
      'e.donnees',
      'e.cree_le as evenement_cree_le',
      'e.siret',
      'a.url',
      'a.secret',
      'a.actif',
    );
  const reservees: Array<Record<string, unknown>> = [];
  for (const d of dues) {
    const bail = new Date(Date.now() + 2 * o.delaiReponseMs).toISOString();
    const prises = await db('livraisons')
      .where({ id: d.id, statut: 'en_attente', prochaine_tentative_le: d.prochaine_tentative_le })
      .update({ prochaine_tentative_le: bail });
    if (prises === 1) reservees.push({ ...d, actif: Boolean(d.actif) });
  }
  await Promise.all(reservees.map((l) => livrer(db, l, o)));
  return reservees.length;
}

/** The in-process worker: polls on an unref'd timer (it never keeps the process alive) and is woken by new events. */
export function demarrerDistributeur(db: Db, options: OptionsDistributeur = {}): Distributeur {
  const o = { ...DEFAUTS, ...options };
  let arrete = false;
  let minuterie: NodeJS.Timeout | undefined;
  let enCours: Promise<number> | undefined;
  let encore = false;

  const planifier = (delai: number) => {
    if (arrete) return;
    clearTimeout(minuterie);
    minuterie = setTimeout(tour, delai);
    minuterie.unref();
  };
  const traiter = (): Promise<number> => {
    if (enCours) {
      encore = true;
      return enCours;
    }
    enCours = (async () => {
      let total = 0;
      try {
        do {
          encore = false;
          const n = await traiterLot(db, o);
          total += n;
          if (n === LOT) encore = true;
        } while (encore && !arrete);
      } catch (err) {
        journalApplicatif.error({ erreur: (err as Error).name, codeErreur: (err as { code?: string }).code }, 'distributeur de notifications');
      } finally {
        enCours = undefined;
      }
      return total;
    })();
    return enCours;
  };
  function tour(): void {
    void traiter().finally(() => planifier(o.intervalleMs));
  }
  const desinscrire = surNouvelEvenement(() => planifier(0));
  planifier(0);

  return {
    traiter,
    async arreter() {
      arrete = true;
      desinscrire();
      clearTimeout(minuterie);
      await enCours;
    },
  };
}

function versLivraison(l: Record<string, unknown>): Livraison {
  return {
    id: Number(l.id),
    evenement_id: l.evenement_id as string,
    type: l.type as string,
    abonnement_id: l.abonnement_id as string,
    siret: l.siret as string,
    statut: l.statut as Livraison['statut'],
    tentatives: Number(l.tentatives),
    prochaine_tentative_le: (l.prochaine_tentative_le as string) ?? null,
    livree_le: (l.livree_le as string) ?? null,
    cree_le: l.cree_le as string,
  };
}

function requeteLivraisons(db: Db) {
  return db('livraisons as l')
    .join('evenements as e', 'e.id', 'l.evenement_id')
    .select(
      'l.id',
      'l.evenement_id',
      'e.type',
      'l.abonnement_id',
      'e.siret',
      'l.statut',
      'l.tentatives',
      'l.prochaine_tentative_le',
      'l.livree_le',
      'l.cree_le',
    );
}

export async function listerLivraisons(
  db: Db,
  filtre: { statut?: Livraison['statut']; siret?: string; abonnementId?: string } = {},
  limite = 100,
): Promise<Livraison[]> {
  const q = requeteLivraisons(db).orderBy('l.id', 'desc').limit(limite);
  if (filtre.statut) q.where('l.statut', filtre.statut);
  if (filtre.siret) q.where('e.siret', filtre.siret);
  if (filtre.abonnementId) q.where('l.abonnement_id', filtre.abonnementId);
  return (await q).map(versLivraison);
}

export async function trouverLivraison(db: Db, id: number): Promise<LivraisonDetaillee> {
  const ligne = await requeteLivraisons(db).where('l.id', id).first();
  if (!ligne) throw new Probleme('ressource_introuvable', 'Livraison inconnue.');
  const tentatives = await db('livraison_tentatives').where({ livraison_id: id }).orderBy('id');
  return {
    ...versLivraison(ligne),
    journal: tentatives.map((t: Record<string, unknown>) => ({
      le: t.le as string,
      statut_http: t.statut_http === null ? null : Number(t.statut_http),
      erreur: (t.erreur as string) ?? null,
      duree_ms: Number(t.duree_ms),
    })),
  };
}

/** An operator sends a delivery again, with a full retry budget; the log keeps the earlier attempts. */
export async function rejouerLivraison(db: Db, id: number): Promise<Livraison> {
  const misesAJour = await db('livraisons').where({ id }).update({
    statut: 'en_attente',
    tentatives: 0,
    livree_le: null,
    prochaine_tentative_le: new Date().toISOString(),
  });
  if (misesAJour === 0) throw new Probleme('ressource_introuvable', 'Livraison inconnue.');
  reveillerDistributeurs();
  const { journal: _journal, ...livraison } = await trouverLivraison(db, id);
  return livraison;
}

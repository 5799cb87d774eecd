import request from 'supertest';
import type { Db } from '../../../src/db/knex';
import type { AppDeTest } from '../../support/app';

/** A mairie's software: pages through a list following `Link`, applies change feeds. */

export const RENNES = '35238';
export const SAINT_MALO = '35288';
export const CHEMIN_RENNES = `/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation`;

export type Fiche = Record<string, unknown> & { id: string };

export interface ListeComplete {
  enfants: Map<string, Fiche>;
  pages: number;
  nombre_total: number;
  nombre_exclus?: number;
  jeton_synchronisation: string;
  date_reference: string;
}

export function appeler(t: AppDeTest, jeton: string, url: string): request.Test {
  return request(t.app).get(url).set('Authorization', `Bearer ${jeton}`);
}

/** Every page from `url`, following the `Link: rel="next"` header. */
export async function toutesLesPages(t: AppDeTest, jeton: string, url: string): Promise<ListeComplete> {
  const enfants = new Map<string, Fiche>();
  let suivante: string | undefined = url;
  let pages = 0;
  let derniere: Record<string, unknown> = {};
  while (suivante) {
    const rep = await appeler(t, jeton, suivante);
    if (rep.status !== 200) throw new Error(`page ${pages + 1} : ${rep.status} ${JSON.stringify(rep.body)}`);
    pages++;
    for (const e of rep.body.enfants as Fiche[]) {
      if (enfants.has(e.id)) throw new Error(`enfant en double : ${e.id}`);
      enfants.set(e.id, e);
    }
    derniere = rep.body;
    suivante = /<([^>]+)>; rel="next"/.exec(rep.headers.link ?? '')?.[1];
  }
  return {
    enfants,
    pages,
    nombre_total: derniere.nombre_total as number,
    nombre_exclus: derniere.nombre_exclus as number | undefined,
    jeton_synchronisation: derniere.jeton_synchronisation as string,
    date_reference: derniere.date_reference as string,
  };
}

/** Applies every page of the change feed since `jetonSynchro` to a copy of the list; returns the next sync token. */
export async function appliquerChangements(
  t: AppDeTest,
  jeton: string,
  chemin: string,
  copie: Map<string, Fiche>,
  jetonSynchro: string,
  limit = 1000,
): Promise<{ jeton: string; date_reference: string; retraits: Array<{ id: string; motif: string }>; modifications: number; ajouts: number }> {
  let suivante: string | undefined = `${chemin}/changements?depuis=${encodeURIComponent(jetonSynchro)}&limit=${limit}`;
  const bilan = { jeton: '', date_reference: '', retraits: [] as Array<{ id: string; motif: string }>, modifications: 0, ajouts: 0 };
  while (suivante) {
    const rep = await appeler(t, jeton, suivante);
    if (rep.status !== 200) throw new Error(`changements : ${rep.status} ${JSON.stringify(rep.body)}`);
    for (const e of rep.body.ajouts as Fiche[]) copie.set(e.id, e);
    for (const m of rep.body.modifications as Array<{ enfant: Fiche }>) copie.set(m.enfant.id, m.enfant);
    for (const r of rep.body.retraits as Array<{ id: string; motif: string }>) copie.delete(r.id);
    bilan.ajouts += rep.body.ajouts.length;
    bilan.modifications += rep.body.modifications.length;
    bilan.retraits.push(...rep.body.retraits);
    bilan.jeton = rep.body.jeton_synchronisation;
    bilan.date_reference = rep.body.date_reference;
    suivante = /<([^>]+)>; rel="next"/.exec(rep.headers.link ?? '')?.[1];
  }
  return bilan;
}

/** Independent of the API's code: the children of the commune's list as of `date`, in SQL. */
export async function compterListe(db: Db, codeCommune: string, date: string, ecolesPubliques = false): Promise<number> {
  const perimetre = ecolesPubliques
    ? `and v.mode_instruction = 'public' and exists (select 1 from etablissements e where e.uai = v.uai and e.code_commune = ? and e.statut = 'public' and e.type = 'ecole')`
    : '';
  const rep = await db.raw(
    `select count(*) as n from obligation_versions v where v.code_commune = ? and v.valide_du <= ? and (v.valide_jusqu_au is null or v.valide_jusqu_au > ?) ${perimetre}`,
    ecolesPubliques ? [codeCommune, date, date, codeCommune] : [codeCommune, date, date],
  );
  const lignes = (Array.isArray(rep) ? rep : rep.rows) as Array<{ n: number | string }>;
  return Number(lignes[0].n);
}

export async function derniereSequenceJournal(db: Db): Promise<number> {
  return Number((await db('journal').max({ s: 'sequence' }).first())?.s ?? 0);
}

export async function entreesJournalDepuis(db: Db, sequence: number): Promise<Array<Record<string, unknown>>> {
  return db('journal').where('sequence', '>', sequence).orderBy('sequence');
}

/** The whole list in one NDJSON response: the header line, then one child per line. */
export async function listeNdjson(
  t: AppDeTest,
  jeton: string,
  url: string,
  entetes: Record<string, string> = {},
): Promise<{ rep: request.Response; entete: Record<string, unknown>; enfants: Fiche[] }> {
  const rep = await appeler(t, jeton, url)
    .set(entetes)
    .buffer(true)
    .parse((res, fin) => {
      const morceaux: Buffer[] = [];
      res.on('data', (m: Buffer) => morceaux.push(m));
      res.on('end', () => fin(null, Buffer.concat(morceaux).toString('utf8')));
    });
  if (rep.status !== 200) return { rep, entete: {}, enfants: [] };
  const texte = rep.body as string;
  if (!texte.endsWith('\n')) throw new Error('NDJSON : dernière ligne non terminée');
  const [entete, ...enfants] = texte
    .slice(0, -1)
    .split('\n')
    .map((l) => JSON.parse(l) as Fiche);
  return { rep, entete, enfants };
}

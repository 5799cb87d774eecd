/**
 * The territory codes the matrix walks and, for each demo client, whether a code lies inside
 * the territory of the habilitation holding a scope. The oracle reads the registry's rules
 * (regles.json) and the official geography, never the gateway's own check.
 */
import type { Db } from '../../src/db/knex';
import regles from '../../src/registry/data/regles.json';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { lettreCleUai } from '../../src/territoire/uai';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const COMMUNES: Array<{ code: string; departement: string; region: string; type: string }> = require('@etalab/decoupage-administratif/data/communes.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const EPCI: Array<{ code: string; membres: Array<{ code: string }> }> = require('@etalab/decoupage-administratif/data/epci.json');

/** A grouping's communes: an EPCI's members in the official geography, a syndicat's as registered in the demo. */
function communesDuGroupement(d: { codeEpci?: string; communes?: string[] }): string[] {
  if (d.codeEpci) return EPCI.find((e) => e.code === d.codeEpci)?.membres.map((m) => m.code) ?? [];
  return d.communes ?? [];
}

export type Genre = 'commune' | 'departement' | 'region' | 'uai';

export interface Lieu {
  genre: Genre;
  code: string;
  code_commune?: string;
  code_departement: string;
  code_region: string;
  type_etablissement?: string;
}

/** Parameter names that designate a place, whatever the API. */
export function genreDuParametre(nom: string): Genre | undefined {
  if (/^(codeInsee|codeCommune|commune|communeResidence)$/i.test(nom)) return 'commune';
  if (/^(codes?Departements?|departement)$/i.test(nom)) return 'departement';
  if (/^(codes?Regions?)$/i.test(nom)) return 'region';
  if (/^(uai|codeEtablissement|codeUai|etablissement)$/i.test(nom)) return 'uai';
  return undefined;
}

function commune(code: string): Lieu {
  const c = COMMUNES.find((x) => x.code === code && x.type === 'commune-actuelle');
  if (!c) throw new Error(`commune inconnue : ${code}`);
  return { genre: 'commune', code, code_commune: code, code_departement: c.departement, code_region: c.region };
}

/** Demo communes (Rennes, Saint-Malo, a neighbour), Brittany outside Ille-et-Vilaine, and beyond. */
const CODES_COMMUNES = ['35238', '35288', '35047', '29019', '44109', '75056'];

export async function lieuxDeDemo(db: Db): Promise<Lieu[]> {
  const lieux: Lieu[] = CODES_COMMUNES.map(commune);
  lieux.push(
    ...[
      ['35', '53'],
      ['29', '53'],
      ['44', '52'],
    ].map(([d, r]) => ({ genre: 'departement' as const, code: d, code_departement: d, code_region: r })),
    ...['53', '52'].map((r) => ({ genre: 'region' as const, code: r, code_departement: '', code_region: r })),
  );
  // Per type: one establishment in Rennes, one in Saint-Malo, one elsewhere in the département.
  for (const type of ['ecole', 'college', 'lycee']) {
    for (const filtre of [
      (q: ReturnType<Db>) => q.where('code_commune', '35238'),
      (q: ReturnType<Db>) => q.where('code_commune', '35288'),
      (q: ReturnType<Db>) => q.whereNotIn('code_commune', ['35238', '35288']),
    ]) {
      const e = await filtre(db('etablissements').where({ type, etat: 'OUVERT' }))
        .orderBy('uai')
        .first();
      if (e)
        lieux.push({
          genre: 'uai',
          code: e.uai,
          code_commune: e.code_commune,
          code_departement: e.code_departement,
          code_region: e.code_region,
          type_etablissement: e.type,
        });
    }
  }
  // A well-formed UAI of the Finistère: absent from the demo annuaire, outside every demo territory.
  lieux.push({
    genre: 'uai',
    code: `0290001${lettreCleUai('0290001')}`,
    code_commune: '29019',
    code_departement: '29',
    code_region: '53',
    type_etablissement: 'lycee',
  });
  return lieux;
}

interface Regle {
  categorie_code: string;
  scopes: string[];
  territoire: string;
  perimetre?: { types_etablissement?: string[] };
}

/** Whether the demo client's habilitation for this scope covers the place (undefined: the client does not hold the scope). */
export function estDansTerritoire(clientId: string, scope: string, lieu: Lieu): boolean | undefined {
  const client = CLIENTS_DEMO.find((c) => c.clientId === clientId);
  if (!client || !client.habilitations.some((h) => h.scopes.includes(scope))) return undefined;
  const regle = (regles as Regle[]).find((r) => r.categorie_code === client.destinataire.categorie && r.scopes.includes(scope));
  if (!regle) return false;
  const types = regle.perimetre?.types_etablissement;
  if (types && lieu.type_etablissement !== undefined && !types.includes(lieu.type_etablissement)) return false;
  const d = client.destinataire;
  const region = d.codeRegion ?? (d.codeCommune ? commune(d.codeCommune).code_region : undefined);
  const departement = d.codeDepartement ?? (d.codeCommune ? commune(d.codeCommune).code_departement : undefined);
  switch (regle.territoire) {
    case 'national':
      return true;
    case 'region':
      return region === lieu.code_region;
    case 'departement':
      return lieu.genre !== 'region' && departement === lieu.code_departement;
    case 'commune':
      return lieu.code_commune !== undefined && d.codeCommune === lieu.code_commune;
    case 'groupement':
      return lieu.code_commune !== undefined && communesDuGroupement(d).includes(lieu.code_commune);
    default:
      return false;
  }
}

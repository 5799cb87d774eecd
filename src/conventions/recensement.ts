import type { Convention, TypeConvention } from './conventions';
import type { StatutConvention } from './termes';

/** One cell of the public census: how many conventions of a type and status an académie has. */
export interface CelluleRecensement {
  /** null : cadre national signé par l'administration centrale. @example "14" */
  academie_code: string | null;
  /** @example "Rennes" */
  academie: string;
  type: TypeConvention;
  statut: StatutConvention;
  /** @example 3 */
  nombre: number;
}

const NATIONAL = 'National';

/** Counts only: no party, no contact, nothing that names anyone (recommendation 7's census, public). */
export function agreger(conventions: Convention[]): CelluleRecensement[] {
  const cellules = new Map<string, CelluleRecensement>();
  for (const c of conventions) {
    const cle = [c.academie?.code ?? '', c.type, c.statut].join('|');
    const cellule = cellules.get(cle) ?? {
      academie_code: c.academie?.code ?? null,
      academie: c.academie?.nom ?? NATIONAL,
      type: c.type,
      statut: c.statut,
      nombre: 0,
    };
    cellule.nombre++;
    cellules.set(cle, cellule);
  }
  return [...cellules.values()].sort(
    (a, b) => (a.academie_code ?? '').localeCompare(b.academie_code ?? '') || a.type.localeCompare(b.type) || a.statut.localeCompare(b.statut),
  );
}

export const COLONNES_AGREGATS = ['Code académie', 'Académie', 'Type', 'Statut', 'Nombre'];

export function lignesAgregats(cellules: CelluleRecensement[]): Array<Array<string | number | null>> {
  return cellules.map((c) => [c.academie_code, c.academie, c.type, c.statut, c.nombre]);
}

export const COLONNES_DETAIL = [
  'Référence',
  'Type',
  'Code académie',
  'Académie',
  'Collectivité',
  'SIRET collectivité',
  'Nature collectivité',
  'Établissements (UAI)',
  'Objet',
  'Traitements',
  'API',
  'Scopes',
  'Date de signature',
  "Date d'effet",
  'Durée (mois)',
  'Reconduction tacite',
  'Préavis (mois)',
  'Date de dénonciation',
  'Statut',
  'Dernier jour en vigueur',
  'Fin de la période en cours',
  'Document',
  'SHA-256 du document',
];

export function lignesDetail(conventions: Convention[]): Array<Array<string | number | boolean | null>> {
  return conventions.map((c) => [
    c.reference,
    c.type,
    c.academie?.code ?? null,
    c.academie?.nom ?? NATIONAL,
    c.collectivite.nom,
    c.collectivite.siret,
    c.collectivite.nature,
    c.etablissements.map((e) => e.uai).join(', '),
    c.objet,
    c.perimetre.traitements.join(', '),
    c.perimetre.apis.join(', '),
    c.perimetre.scopes.join(', '),
    c.date_signature,
    c.date_effet,
    c.duree_mois,
    c.reconduction_tacite,
    c.preavis_mois,
    c.date_denonciation,
    c.statut,
    c.dernier_jour,
    c.fin_periode_en_cours,
    c.document.url,
    c.document.sha256,
  ]);
}

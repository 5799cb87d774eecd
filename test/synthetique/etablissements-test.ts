import type { EtablissementSource } from '../../src/synthetique/carte-scolaire';
import { lettreCleUai } from '../../src/territoire/uai';

/** A hand-made annuaire for a few communes of Ille-et-Vilaine: every kind of establishment, public and private. */
export const COMMUNES_TEST = ['35238', '35288', '35016'];

let numero = 359000;
function uai(): string {
  const sept = String(numero++).padStart(7, '0');
  return sept + lettreCleUai(sept);
}

function etablissement(commune: string, type: string, statut: 'public' | 'prive', options: Partial<EtablissementSource> = {}): EtablissementSource {
  return {
    uai: uai(),
    nom: `${type} ${statut} ${commune}`,
    type,
    statut,
    type_contrat_prive: statut === 'prive' ? "CONTRAT D'ASSOCIATION TOUTES CLASSES" : 'SANS OBJET',
    code_commune: commune,
    code_departement: '35',
    code_region: '53',
    etat: 'OUVERT',
    nombre_eleves: 300,
    latitude: null,
    longitude: null,
    ...options,
  };
}

export const ETABLISSEMENTS_TEST: EtablissementSource[] = [
  ...['35238', '35238', '35288', '35016'].flatMap((commune) => [
    etablissement(commune, 'ecole', 'public', { ecole_maternelle: 1, ecole_elementaire: 1 }),
    etablissement(commune, 'ecole', 'public', { ecole_maternelle: 1, ecole_elementaire: 0 }),
  ]),
  etablissement('35238', 'ecole', 'prive', { ecole_maternelle: true, ecole_elementaire: true }),
  etablissement('35288', 'ecole', 'prive', { ecole_maternelle: true, ecole_elementaire: true }),
  etablissement('35238', 'ecole', 'prive', { ecole_maternelle: 1, ecole_elementaire: 1, type_contrat_prive: 'HORS CONTRAT' }),
  etablissement('35238', 'college', 'public'),
  etablissement('35288', 'college', 'public'),
  etablissement('35238', 'college', 'prive'),
  etablissement('35238', 'lycee', 'public', { voie_generale: 1, voie_technologique: 1, voie_professionnelle: 0, hebergement: 1 }),
  etablissement('35288', 'lycee', 'public', { voie_generale: 1, voie_technologique: 0, voie_professionnelle: 1 }),
  etablissement('35238', 'lycee', 'public', { voie_generale: 0, voie_technologique: 0, voie_professionnelle: 1 }),
  etablissement('35238', 'lycee', 'prive', { voie_generale: 1, voie_technologique: 1, voie_professionnelle: 1 }),
  etablissement('35238', 'medico_social', 'prive'),
  // Neither open nor a school: never chosen.
  etablissement('35238', 'ecole', 'public', { ecole_maternelle: 1, ecole_elementaire: 1, etat: 'FERME' }),
  etablissement('35238', 'service_administratif', 'public'),
];

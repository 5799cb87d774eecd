import type { Db } from '../db/knex';
import { creerClient } from '../auth/clients';
import { creerDestinataire, type NouveauDestinataire } from '../registry/destinataires';
import { aujourdhui } from '../horloge';
import { changerStatut, soumettreHabilitation } from '../registry/habilitations';
import { ajouterMoisBorne, ajouterMoisMemeJour } from '../referentiels/calendrier';
import { denoncerConvention, enregistrerConvention, modifierConvention, type DonneesConvention, type PartieConvention } from '../conventions/conventions';
import recensementDemo from './conventions.json';

export interface ClientDemo {
  clientId: string;
  secret: string;
  destinataire: NouveauDestinataire;
  /** `convention`: reference of the demo convention it rests on (src/demo/conventions.json), one that never ends. */
  habilitations: Array<{ finalite: string; scopes: string[]; intitule: string; convention?: string }>;
}

const RENNES = '21350238800019';
/** Lets a demo recipient try requests for access itself (/demandes-habilitation). */
const DEMANDES = { finalite: 'demande_habilitation', scopes: ['habilitations:demande'], intitule: 'Demandes d’habilitation' };

/** The README's demo credentials table: a contract kept by a test. Secrets start with `demo-`, refused in production. */
export const CLIENTS_DEMO: ClientDemo[] = [
  {
    clientId: 'demo-mairie-rennes',
    secret: 'demo-secret-mairie-rennes',
    destinataire: { siret: RENNES, nom: 'Mairie de Rennes', categorie: 'commune', codeCommune: '35238' },
    habilitations: [
      { finalite: 'obligation_scolaire', scopes: ['mairie:obligation-scolaire'], intitule: 'Liste R131-3 de Rennes' },
      { finalite: 'planification_scolaire', scopes: ['ecole:effectifs', 'ecole:capacites', 'ecole:previsions'], intitule: 'Écoles de Rennes' },
      { finalite: 'pilotage_educatif', scopes: ['examens:resultats'], intitule: 'Résultats des établissements de Rennes' },
    ],
  },
  {
    clientId: 'demo-mairie-saint-malo',
    secret: 'demo-secret-mairie-saint-malo',
    destinataire: { siret: '21350288300019', nom: 'Mairie de Saint-Malo', categorie: 'commune', codeCommune: '35288' },
    habilitations: [
      { finalite: 'obligation_scolaire', scopes: ['mairie:obligation-scolaire'], intitule: 'Liste R131-3 de Saint-Malo' },
      { finalite: 'planification_scolaire', scopes: ['ecole:effectifs', 'ecole:capacites', 'ecole:previsions'], intitule: 'Écoles de Saint-Malo' },
      DEMANDES,
    ],
  },
  {
    clientId: 'demo-departement-35',
    secret: 'demo-secret-departement-35',
    destinataire: { siret: '22350001800013', nom: "Département d'Ille-et-Vilaine", categorie: 'departement', codeDepartement: '35' },
    habilitations: [
      {
        finalite: 'planification_scolaire',
        scopes: ['ecole:effectifs', 'ecole:capacites', 'ecole:previsions'],
        intitule: "Collèges d'Ille-et-Vilaine",
        convention: 'DEMO-14-DEPARTEMENT-35',
      },
      { finalite: 'pilotage_educatif', scopes: ['examens:resultats'], intitule: 'Résultats du DNB', convention: 'DEMO-14-DEPARTEMENT-35' },
      { finalite: 'sectorisation_mixite_sociale', scopes: ['ecole:eleves-anonymises'], intitule: 'Sectorisation des collèges et mixité sociale' },
      DEMANDES,
      {
        finalite: 'restauration_hebergement_secondaire',
        scopes: ['scolarite:restauration', 'scolarite:hebergement'],
        intitule: "Restauration et hébergement des collèges d'Ille-et-Vilaine",
      },
      {
        finalite: 'tarification_sociale_secondaire',
        scopes: ['scolarite:bourse-collectivite'],
        intitule: "Tarification sociale des collèges d'Ille-et-Vilaine",
      },
    ],
  },
  {
    clientId: 'demo-region-bretagne',
    secret: 'demo-secret-region-bretagne',
    destinataire: { siret: '23350001600016', nom: 'Région Bretagne', categorie: 'region', codeRegion: '53' },
    habilitations: [
      {
        finalite: 'planification_scolaire',
        scopes: ['ecole:effectifs', 'ecole:capacites', 'ecole:previsions'],
        intitule: 'Lycées de Bretagne',
        convention: 'DEMO-14-REGION-BRETAGNE',
      },
      { finalite: 'pilotage_educatif', scopes: ['examens:resultats'], intitule: 'Résultats du baccalauréat', convention: 'DEMO-14-REGION-BRETAGNE' },
      { finalite: 'bourse_merite_regionale', scopes: ['examens:laureats-bourse-merite'], intitule: 'Bourse régionale au mérite' },
      {
        finalite: 'restauration_hebergement_secondaire',
        scopes: ['scolarite:restauration', 'scolarite:hebergement'],
        intitule: 'Restauration et hébergement des lycées de Bretagne',
      },
      { finalite: 'tarification_sociale_secondaire', scopes: ['scolarite:bourse-collectivite'], intitule: 'Tarification sociale des lycées de Bretagne' },
      { finalite: 'obligation_formation', scopes: ['scolarite:obligation-formation'], intitule: 'Suivi des jeunes sortis sans diplôme (16–18 ans)' },
      { finalite: 'sectorisation_mixite_sociale', scopes: ['ecole:eleves-anonymises-echelon'], intitule: 'Mixité sociale des lycées' },
    ],
  },
  {
    clientId: 'demo-mission-locale-rennes',
    secret: 'demo-secret-mission-locale-rennes',
    // Fictitious SIRET; the ressort is the département until the registry holds a mission locale's communes.
    destinataire: { siret: '44112233500017', nom: 'Mission locale du bassin de Rennes', categorie: 'mission_locale', codeDepartement: '35' },
    habilitations: [
      {
        finalite: 'obligation_formation',
        scopes: ['scolarite:obligation-formation-contact'],
        intitule: "Contrôle de l'obligation de formation (16–18 ans)",
      },
    ],
  },
  {
    clientId: 'demo-caf-35',
    secret: 'demo-secret-caf-35',
    destinataire: { siret: '53408918800013', nom: "Caisse d'allocations familiales d'Ille-et-Vilaine", categorie: 'administration' },
    habilitations: [
      {
        finalite: 'droits_sociaux',
        scopes: ['scolarite:statut', 'scolarite:boursier', 'scolarite:echelon-bourse'],
        intitule: 'Allocation de rentrée scolaire',
      },
    ],
  },
  {
    clientId: 'demo-editeur-restauration',
    secret: 'demo-secret-editeur-restauration',
    destinataire: {
      siret: '85274196300015',
      nom: 'Restaulib (éditeur, pour la Mairie de Rennes)',
      categorie: 'editeur',
      codeCommune: '35238',
      pourCompteDeSiret: RENNES,
    },
    habilitations: [{ finalite: 'restauration_scolaire', scopes: ['mairie:restauration-scolaire'], intitule: 'Cantine des écoles publiques de Rennes' }],
  },
  {
    clientId: 'demo-rennes-metropole',
    secret: 'demo-secret-rennes-metropole',
    // Rennes Métropole's real SIREN is its EPCI code; its 43 communes come from the official geography.
    destinataire: { siret: '24350013900189', nom: 'Rennes Métropole', categorie: 'epci', codeEpci: '243500139' },
    habilitations: [
      {
        finalite: 'planification_scolaire',
        scopes: ['ecole:effectifs', 'ecole:capacites', 'ecole:previsions'],
        intitule: 'Écoles des communes de Rennes Métropole',
      },
      DEMANDES,
    ],
  },
  {
    clientId: 'demo-syndicat-scolaire',
    secret: 'demo-secret-syndicat-scolaire',
    // Fictitious SIVU (and SIRET) of three small communes of the Val d'Ille, registered with their dated adhesions.
    destinataire: {
      siret: '25350001800010',
      nom: 'SIVU de restauration scolaire Langouet – Saint-Germain-sur-Ille – Andouillé-Neuville (fictif)',
      categorie: 'syndicat_scolaire',
      nature: 'sivu',
      communes: ['35146', '35274', '35003'],
      dateEffet: '2025-09-01',
    },
    habilitations: [
      { finalite: 'restauration_scolaire', scopes: ['mairie:restauration-scolaire'], intitule: 'Restauration scolaire des écoles du syndicat' },
      DEMANDES,
    ],
  },
  {
    clientId: 'demo-operateur',
    secret: 'demo-secret-operateur',
    destinataire: { siret: '11004301500012', nom: "Ministère de l'Éducation nationale — opérateurs", categorie: 'ministere' },
    habilitations: [{ finalite: 'administration_passerelle', scopes: ['admin', 'dpo', 'conventions:lecture'], intitule: 'Opérateurs et DPO' }],
  },
];

/** Habilitations run for two years from the day the demo is seeded. */
function finDans(annees: number): string {
  return ajouterMoisMemeJour(aujourdhui(), 12 * annees);
}

/** A day of src/demo/conventions.json: absolute, or months from the seeding day ("-20 mois"). */
function jourDemo(valeur: string): string {
  const relatif = /^([+-]\d+) mois$/.exec(valeur);
  return relatif ? ajouterMoisBorne(aujourdhui(), Number(relatif[1])) : valeur;
}

type ConventionDemo = Omit<DonneesConvention, 'type' | 'collectivite_nature'> & {
  type: string;
  collectivite_nature: string;
  avenants?: Array<{ motif: string; changements: Partial<DonneesConvention> }>;
  denonciation?: { date: string; partie: string; motif: string };
};

/**
 * Seeds the fictitious census of src/demo/conventions.json once, on an empty census, outside
 * production — through the registry's own service, so every rule (parties, perimeter, dates) applies.
 */
export async function semerConventionsDemo(db: Db): Promise<boolean> {
  if (await db('conventions').first('id')) return false;
  const motif = 'Recensement de démonstration fictif (src/demo/conventions.json)';
  for (const { avenants, denonciation, ...c } of recensementDemo.conventions as ConventionDemo[]) {
    const donnees = { ...c, date_signature: jourDemo(c.date_signature), date_effet: c.date_effet ? jourDemo(c.date_effet) : undefined } as DonneesConvention;
    const { id } = await enregistrerConvention(db, donnees, 'demo', motif);
    for (const a of avenants ?? []) await modifierConvention(db, id, a.changements, 'demo', a.motif);
    if (denonciation) {
      await denoncerConvention(db, id, { date: jourDemo(denonciation.date), partie: denonciation.partie as PartieConvention }, 'demo', denonciation.motif);
    }
  }
  return true;
}

async function semerHabilitationDemo(db: Db, siret: string, h: ClientDemo['habilitations'][number]): Promise<void> {
  const convention = h.convention ? await db('conventions').where({ reference: h.convention }).first('id') : undefined;
  const soumise = await soumettreHabilitation(
    db,
    {
      siret,
      finalite: h.finalite,
      scopes: h.scopes,
      intitule: h.intitule,
      dateDebut: '2025-09-01',
      dateFin: finDans(2),
      conventionId: convention?.id,
    },
    'demo',
  );
  await changerStatut(db, soumise.id, 'validee', 'demo', 'Jeu de démonstration');
}

/**
 * Seeds the demo registry once, on an empty database, outside production; after the census, so
 * habilitations can rest on its conventions. A demo registry seeded by an earlier version gets
 * the demo habilitations added since (by title), for its clients still on their demo secret.
 */
export async function semerRegistreDemo(db: Db): Promise<boolean> {
  const existant = await db('destinataires').first();
  if (existant) {
    const demo = await db('oauth_clients').where({ demo: true }).first('client_id');
    for (const c of CLIENTS_DEMO) {
      // A demo client added since: created whole, unless its SIRET was taken by a real registration.
      if (demo && !(await db('oauth_clients').where({ client_id: c.clientId }).first('client_id'))) {
        if (!(await db('destinataires').where({ siret: c.destinataire.siret }).first('siret'))) await semerClientDemo(db, c);
        continue;
      }
      if (!(await db('oauth_clients').where({ client_id: c.clientId, demo: true }).first('client_id'))) continue;
      for (const h of c.habilitations) {
        const deja = await db('habilitations').where({ siret: c.destinataire.siret, intitule: h.intitule }).first('id');
        if (!deja) await semerHabilitationDemo(db, c.destinataire.siret, h);
      }
    }
    return false;
  }
  for (const c of CLIENTS_DEMO) await semerClientDemo(db, c);
  return true;
}

async function semerClientDemo(db: Db, c: ClientDemo): Promise<void> {
  await creerDestinataire(db, c.destinataire, 'demo');
  for (const h of c.habilitations) await semerHabilitationDemo(db, c.destinataire.siret, h);
  await creerClient(db, { siret: c.destinataire.siret, nom: c.destinataire.nom, clientId: c.clientId, secret: c.secret, demo: true });
}

/** Production must never run with a secret published in the README. */
export async function clientsDemoPresents(db: Db): Promise<string[]> {
  const lignes = await db('oauth_clients').where({ demo: true, actif: true }).select('client_id');
  return lignes.map((l: { client_id: string }) => l.client_id);
}

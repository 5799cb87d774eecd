/**
 * The published contract tells the truth: real HTTP calls to every operation of /openapi.json —
 * valid ones with the demo tokens and demo data, then the usual refusals (no token, missing scope,
 * malformed parameter or body, unknown resource, revalidation, rate limit) — and each answer
 * checked against its operation: declared status, media type and headers, body valid for the
 * declared schema. Every operation of the contract must have answered a valid call.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { aujourdhui } from '../../src/horloge';
import { publierEvenement } from '../../src/notifications/evenements';
import { ajouterJours, ajouterMoisBorne } from '../../src/referentiels/calendrier';
import { estSiretValide } from '../../src/territoire/codes';
import { lettreCleUai } from '../../src/territoire/uai';
import { demarrerAppDeTest, PERIMETRE_TEST, type AppDeTest } from '../support/app';
import { VerificateurContrat, type SpecContrat } from '../support/conformite';
import { requete as requeteScolarite, temoins } from '../apis/scolarite/aide';

const RENNES = '21350238800019';
const BRETAGNE = '23350001600016';

interface Appel {
  chemin?: Record<string, string | number>;
  requete?: Record<string, string | number | boolean | Array<string | number> | undefined>;
  /** A demo client id (its token is used) or a raw token. */
  client?: string;
  jeton?: string;
  corps?: unknown;
  formulaire?: Record<string, string>;
  basic?: [string, string];
  entetes?: Record<string, string>;
}

interface Reponse {
  statut: number;
  entetes: Headers;
  texte: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

let t: AppDeTest;
let serveur: http.Server;
let base: string;
let verificateur: VerificateurContrat;
const jetons = new Map<string, string>();
const ecarts: string[] = [];

async function demarrer(app: AppDeTest): Promise<{ serveur: http.Server; base: string }> {
  const s = http.createServer(app.app).listen(0, '127.0.0.1');
  await new Promise((ok) => s.once('listening', ok));
  return { serveur: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

/** One real HTTP call to the operation `METHODE /gabarit/{x}` of the contract; its answer is checked against that operation. */
async function appeler(operation: string, a: Appel = {}, racine = base): Promise<Reponse> {
  const [methode, gabarit] = operation.split(' ');
  const chemin = gabarit.replace(/\{([^}]+)\}/g, (_m, nom: string) => encodeURIComponent(String(a.chemin?.[nom] ?? '')));
  const qs = new URLSearchParams();
  for (const [cle, valeur] of Object.entries(a.requete ?? {})) {
    if (valeur === undefined) continue;
    for (const v of Array.isArray(valeur) ? valeur : [valeur]) qs.append(cle, String(v));
  }
  const entetes: Record<string, string> = { ...a.entetes };
  const jeton = a.jeton ?? (a.client ? jetons.get(a.client) : undefined);
  if (jeton) entetes.Authorization = `Bearer ${jeton}`;
  if (a.basic) entetes.Authorization = `Basic ${Buffer.from(`${a.basic[0]}:${a.basic[1]}`).toString('base64')}`;
  let corps: string | undefined;
  if (a.formulaire) {
    entetes['Content-Type'] = 'application/x-www-form-urlencoded';
    corps = new URLSearchParams(a.formulaire).toString();
  } else if (a.corps !== undefined) {
    entetes['Content-Type'] ??= 'application/json';
    corps = typeof a.corps === 'string' ? a.corps : JSON.stringify(a.corps);
  }
  const url = `${racine}${chemin}${qs.size > 0 ? `?${qs}` : ''}`;
  const brute = await fetch(url, { method: methode, headers: entetes, body: corps, redirect: 'manual' });
  const texte = await brute.text();
  const rep: Reponse = { statut: brute.status, entetes: brute.headers, texte, json: undefined };
  if (/^application\/(problem\+)?json/.test(brute.headers.get('content-type') ?? '') && texte !== '') rep.json = JSON.parse(texte);
  for (const e of verificateur.verifier(operation, rep)) ecarts.push(`${methode} ${url.slice(racine.length)} → ${rep.statut} : ${e}`);
  return rep;
}

/** A call the scenario relies on: it must succeed, or the rest of the scenario means nothing. */
async function reussir(operation: string, a: Appel = {}, attendu = 200): Promise<Reponse> {
  const rep = await appeler(operation, a);
  if (rep.statut !== attendu) throw new Error(`${operation} → ${rep.statut} (attendu ${attendu}) : ${rep.texte.slice(0, 300)}`);
  return rep;
}

/** A SIRET with a valid Luhn key that no demo recipient uses. */
function siretLibre(prefixe: string): string {
  for (let c = 0; c < 10; c++) if (estSiretValide(`${prefixe}${c}`)) return `${prefixe}${c}`;
  throw new Error('aucune clé');
}

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000000', ECHECS_AUTHENTIFICATION_PAR_MINUTE: '1000000' });
  ({ serveur, base } = await demarrer(t));
  verificateur = new VerificateurContrat((await (await fetch(`${base}/openapi.json`)).json()) as SpecContrat);
  for (const c of CLIENTS_DEMO) jetons.set(c.clientId, await t.jeton(c.clientId));
});
afterAll(async () => {
  if (serveur) await new Promise((ok) => serveur.close(ok));
  await t?.fermer();
});

function sansEcart(): void {
  const trouves = ecarts.splice(0);
  expect(trouves).toEqual([]);
}

describe('valid calls, with the demo tokens and the demo data', () => {
  afterEach(sansEcart);

  it('OAuth 2: token, introspection, revocation, metadata', async () => {
    const jeton = await reussir('POST /oauth/token', {
      basic: ['demo-caf-35', 'demo-secret-caf-35'],
      formulaire: { grant_type: 'client_credentials', scope: 'scolarite:statut' },
    });
    await reussir('POST /oauth/token', { formulaire: { grant_type: 'client_credentials', client_id: 'demo-caf-35', client_secret: 'demo-secret-caf-35' } });
    expect(
      (await reussir('POST /oauth/introspect', { basic: ['demo-caf-35', 'demo-secret-caf-35'], formulaire: { token: jeton.json.access_token } })).json.active,
    ).toBe(true);
    await reussir('POST /oauth/introspect', { basic: ['demo-caf-35', 'demo-secret-caf-35'], formulaire: { token: 'inconnu' } });
    await reussir('POST /oauth/revoke', { basic: ['demo-caf-35', 'demo-secret-caf-35'], formulaire: { token: jeton.json.access_token } });
    await reussir('GET /.well-known/oauth-authorization-server');
  });

  it('supervision and catalogue, in JSON, HTML and CSV', async () => {
    await reussir('GET /health');
    await reussir('GET /health/ready');
    await reussir('GET /catalogue');
    await reussir('GET /catalogue', { entetes: { Accept: 'text/html' } });
    await reussir('GET /catalogue/conventions');
    await reussir('GET /catalogue/conventions', { requete: { format: 'csv' } });
    await reussir('GET /catalogue/conventions', { client: 'demo-operateur', requete: { region: '53', limit: 1 } });
    await reussir('GET /catalogue/conventions', { client: 'demo-operateur', entetes: { Accept: 'text/csv' } });
  });

  it('API école: annuaire, effectifs, capacités, prévisions', async () => {
    const page = await reussir('GET /api-ecole/v1/etablissements', { requete: { codeCommune: '35238', limit: 5 } });
    await reussir('GET /api-ecole/v1/etablissements', {
      requete: { codeDepartement: '35', type: 'college', statut: 'public', q: 'college', limit: 2, curseur: page.json.curseur_suivant },
    });
    const college = await t.db('etablissements').where({ type: 'college', code_departement: '35', etat: 'OUVERT' }).orderBy('uai').first('uai');
    await reussir('GET /api-ecole/v1/etablissements/{uai}', { chemin: { uai: college.uai } });
    await reussir('GET /api-ecole/v1/etablissements/{uai}/effectifs', { client: 'demo-departement-35', chemin: { uai: college.uai } });
    await reussir('GET /api-ecole/v1/etablissements/{uai}/capacites', { client: 'demo-departement-35', chemin: { uai: college.uai } });
    await reussir('GET /api-ecole/v1/previsions', { client: 'demo-departement-35', requete: { codeDepartement: '35', horizon: 2 } });
    const ecole = await t.db('etablissements').where({ type: 'ecole', code_commune: '35238', etat: 'OUVERT' }).orderBy('uai').first('uai');
    await reussir('GET /api-ecole/v1/etablissements/{uai}/effectifs', { client: 'demo-mairie-rennes', chemin: { uai: ecole.uai } });
  });

  it('API mairie: a JSON page, the whole list in NDJSON and CSV, the changes since a sync token', async () => {
    const gabarit = 'GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation';
    const page = await reussir(gabarit, { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, requete: { limit: 50 } });
    await reussir(gabarit, { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, requete: { limit: 50, curseur: page.json.curseur_suivant } });
    await reussir(gabarit, { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, requete: { format: 'ndjson' } });
    await reussir(gabarit, { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, entetes: { Accept: 'text/csv' } });
    await reussir(gabarit, { client: 'demo-editeur-restauration', chemin: { codeInsee: '35238' }, requete: { limit: 20 } });
    await reussir(`${gabarit}/changements`, {
      client: 'demo-mairie-rennes',
      chemin: { codeInsee: '35238' },
      requete: { depuis: page.json.jeton_synchronisation, limit: 20 },
    });
  });

  it('obligation de formation: a page, NDJSON, CSV, the changes since a sync token, for a mission locale and a région', async () => {
    const gabarit = 'GET /api-scolarite/v1/obligation-formation/{niveau}/{code}';
    const departement = { niveau: 'departement', code: '35' };
    const page = await reussir(gabarit, { client: 'demo-mission-locale-rennes', chemin: departement, requete: { limit: 2 } });
    await reussir(gabarit, { client: 'demo-mission-locale-rennes', chemin: departement, requete: { limit: 2, curseur: page.json.curseur_suivant } });
    await reussir(gabarit, { client: 'demo-mission-locale-rennes', chemin: departement, requete: { format: 'ndjson' } });
    await reussir(gabarit, { client: 'demo-mission-locale-rennes', chemin: departement, entetes: { Accept: 'text/csv' } });
    await reussir(gabarit, { client: 'demo-region-bretagne', chemin: { niveau: 'region', code: '53' }, requete: { limit: 20 } });
    await reussir(`${gabarit}/changements`, {
      client: 'demo-mission-locale-rennes',
      chemin: departement,
      requete: { depuis: page.json.jeton_synchronisation, limit: 20 },
    });
  });

  it('API école: the anonymised pupil files of a département and a région, in pages, NDJSON and CSV, and their changes', async () => {
    const departement = 'GET /api-ecole/v1/departements/{codeDepartement}/eleves-anonymises';
    const page = await reussir(departement, { client: 'demo-departement-35', chemin: { codeDepartement: '35' }, requete: { limit: 20 } });
    await reussir(departement, {
      client: 'demo-departement-35',
      chemin: { codeDepartement: '35' },
      requete: { limit: 20, curseur: page.json.curseur_suivant },
    });
    await reussir(departement, { client: 'demo-departement-35', chemin: { codeDepartement: '35' }, requete: { format: 'ndjson' } });
    await reussir(departement, { client: 'demo-departement-35', chemin: { codeDepartement: '35' }, entetes: { Accept: 'text/csv' } });
    const premier = page.json.date_reference as string;
    const ancien = await reussir(departement, {
      client: 'demo-departement-35',
      chemin: { codeDepartement: '35' },
      requete: { limit: 1, dateReference: premier },
    });
    await reussir(`${departement}/changements`, {
      client: 'demo-departement-35',
      chemin: { codeDepartement: '35' },
      requete: { depuis: ancien.json.jeton_synchronisation, limit: 20 },
    });
    const region = 'GET /api-ecole/v1/regions/{codeRegion}/eleves-anonymises';
    const lycees = await reussir(region, { client: 'demo-region-bretagne', chemin: { codeRegion: '53' }, requete: { limit: 20 } });
    await reussir(`${region}/changements`, {
      client: 'demo-region-bretagne',
      chemin: { codeRegion: '53' },
      requete: { depuis: lycees.json.jeton_synchronisation },
    });
  });

  it('API résultats examens: an establishment, a territory, the consenting laureates', async () => {
    const { session } = (await t.db('candidats_examens').where({ examen: 'bac' }).whereNotNull('eleve_id').max({ session: 'session' }).first())!;
    const candidat = await t
      .db('candidats_examens as c')
      .join('etablissements as e', 'e.uai', 'c.uai')
      .where({ 'c.session': session, 'c.examen': 'dnb', 'e.code_departement': '35' })
      .orderBy('c.uai')
      .first('c.uai');
    const racine = 'GET /api-resultats-examens/v1/sessions/{session}/examens';
    await reussir(`${racine}/{examen}/etablissements/{uai}`, { client: 'demo-departement-35', chemin: { session, examen: 'dnb', uai: candidat.uai } });
    await reussir(`${racine}/{examen}/territoires/{niveau}/{code}`, {
      client: 'demo-region-bretagne',
      chemin: { session, examen: 'bac', niveau: 'region', code: '53' },
    });
    await reussir(`${racine}/{examen}/territoires/{niveau}/{code}`, {
      client: 'demo-mairie-rennes',
      chemin: { session, examen: 'dnb', niveau: 'commune', code: '35238' },
    });
    const page = await reussir(`${racine}/bac/laureats`, { client: 'demo-region-bretagne', chemin: { session }, requete: { mentionMinimale: 'AB', limit: 5 } });
    await reussir(`${racine}/bac/laureats`, { client: 'demo-region-bretagne', chemin: { session }, requete: { limit: 5, curseur: page.json.curseur_suivant } });
  });

  it('API données de scolarité: a pupil found, with every scope of the CAF', async () => {
    const [eleve] = await temoins(t.db, (q) => q.where('et.code_departement', '35'));
    const url = new URL(requeteScolarite(eleve), base);
    const requete: Record<string, string[]> = {};
    for (const [cle, valeur] of url.searchParams) (requete[cle] ??= []).push(valeur);
    await reussir('GET /api-scolarite/v1/eleves/statut', { client: 'demo-caf-35', requete });
  });

  it('lists of collèges and lycées: catering, boarding and grants, a page, the whole list, the changes', async () => {
    /** The establishment of the département's (collège) or région's (lycée) with the longest list of this kind. */
    const etablissement = async (liste: string, type: string) =>
      (await t
        .db('liste_publications as p')
        .join('etablissements as e', 'e.uai', 'p.cle')
        .where({ 'p.liste': liste, 'e.type': type })
        .orderBy([{ column: 'p.nombre_total', order: 'desc' }, 'p.cle'])
        .first('p.cle'))!.cle as string;
    const listes: Array<[string, string, string]> = [
      ['demi-pensionnaires', 'college', 'demo-departement-35'],
      ['internes', 'lycee', 'demo-region-bretagne'],
      ['boursiers', 'college', 'demo-departement-35'],
    ];
    for (const [liste, type, client] of listes) {
      const gabarit = `GET /api-scolarite/v1/etablissements/{uai}/${liste}`;
      const chemin = { uai: await etablissement(liste, type) };
      const page = await reussir(gabarit, { client, chemin, requete: { limit: 5 } });
      await reussir(gabarit, { client, chemin, requete: { limit: 5, curseur: page.json.curseur_suivant } });
      await reussir(gabarit, { client, chemin, requete: { format: 'ndjson' } });
      await reussir(gabarit, { client, chemin, entetes: { Accept: 'text/csv' } });
      await reussir(`${gabarit}/changements`, { client, chemin, requete: { depuis: page.json.jeton_synchronisation, limit: 5 } });
    }
  });

  it('administration: recipients, OAuth clients and secret rotation', async () => {
    await reussir('GET /admin/destinataires', { client: 'demo-operateur' });
    const siret = siretLibre('2135004780001');
    await reussir(
      'POST /admin/destinataires',
      { client: 'demo-operateur', corps: { siret, nom: 'Mairie de Bruz', categorie: 'commune', code_commune: '35047' } },
      201,
    );
    await reussir('GET /admin/clients', { client: 'demo-operateur' });
    const client = await reussir('POST /admin/clients', { client: 'demo-operateur', corps: { siret, nom: 'Logiciel enfance de Bruz' } }, 201);
    await reussir('POST /admin/clients/{clientId}/rotation', {
      client: 'demo-operateur',
      chemin: { clientId: client.json.client_id },
      corps: { recouvrement_heures: 1 },
    });
  });

  it('administration: a syndicat scolaire registered with its communes, one joining, one leaving', async () => {
    const siret = siretLibre('2535000420001');
    await reussir(
      'POST /admin/destinataires',
      {
        client: 'demo-operateur',
        corps: { siret, nom: 'SIVU scolaire', categorie: 'syndicat_scolaire', nature: 'sivu', communes: ['35047', '35281'], date_effet: aujourdhui() },
      },
      201,
    );
    await reussir('GET /admin/destinataires/{siret}/communes', { client: 'demo-operateur', chemin: { siret: '24350013900189' } });
    const demain = ajouterJours(aujourdhui(), 1);
    await reussir(
      'POST /admin/destinataires/{siret}/communes',
      { client: 'demo-operateur', chemin: { siret }, corps: { code_commune: '35024', date_effet: demain, motif: 'Délibération' } },
      201,
    );
    await reussir('POST /admin/destinataires/{siret}/communes/{codeInsee}/retrait', {
      client: 'demo-operateur',
      chemin: { siret, codeInsee: '35281' },
      corps: { date_effet: demain, motif: 'Arrêté préfectoral' },
    });
  });

  it('administration: the lifecycle of a habilitation', async () => {
    const debut = aujourdhui();
    const corps = {
      siret: RENNES,
      finalite: 'pilotage_educatif',
      scopes: ['examens:resultats'],
      intitule: 'Essai du contrat',
      date_debut: debut,
      date_fin: ajouterMoisBorne(debut, 12),
      brouillon: true,
    };
    const h = (await reussir('POST /admin/habilitations', { client: 'demo-operateur', corps }, 201)).json;
    const id = { id: h.id };
    await reussir('PATCH /admin/habilitations/{id}', {
      client: 'demo-operateur',
      chemin: id,
      corps: { intitule: 'Essai du contrat, modifié', duree_conservation_mois: 12, motif: 'précision' },
    });
    await reussir('POST /admin/habilitations/{id}/soumission', { client: 'demo-operateur', chemin: id, corps: {} });
    await reussir('POST /admin/habilitations/{id}/demande-modifications', { client: 'demo-operateur', chemin: id, corps: { motif: 'Préciser le DPO' } });
    await reussir('PATCH /admin/habilitations/{id}', { client: 'demo-operateur', chemin: id, corps: { dpo: 'dpo@ville-rennes.fr' } });
    await reussir('POST /admin/habilitations/{id}/soumission', { client: 'demo-operateur', chemin: id, corps: { motif: 'DPO précisé' } });
    await reussir('POST /admin/habilitations/{id}/validation', { client: 'demo-operateur', chemin: id, corps: {} });
    const renouvelee = (
      await reussir('POST /admin/habilitations/{id}/renouvellement', { client: 'demo-operateur', chemin: id, corps: { motif: 'Année suivante' } }, 201)
    ).json;
    await reussir('POST /admin/habilitations/{id}/refus', { client: 'demo-operateur', chemin: { id: renouvelee.id }, corps: { motif: 'Doublon' } });
    await reussir('POST /admin/habilitations/{id}/revocation', { client: 'demo-operateur', chemin: id, corps: { motif: 'Fin de l’essai' } });
    await reussir('GET /admin/habilitations/{id}', { client: 'demo-operateur', chemin: id });
    await reussir('GET /admin/habilitations/{id}/transitions', { client: 'demo-operateur', chemin: id });
    await reussir('GET /admin/habilitations', { client: 'demo-operateur', requete: { siret: RENNES } });
    await reussir('GET /admin/habilitations', { client: 'demo-operateur', requete: { statut: 'validee', expirantAvant: ajouterMoisBorne(debut, 24) } });
  });

  it('administration: a convention recorded, amended, denounced', async () => {
    const corps = {
      reference: 'CONTRAT-ESSAI-1',
      type: 'tripartite',
      academie_code: '14',
      collectivite_siret: BRETAGNE,
      collectivite_nom: 'Région Bretagne',
      collectivite_nature: 'region',
      etablissements: [{ uai: '0350029S', chef_etablissement: 'Proviseur' }],
      objet: 'Annuaire fédérateur pour l’ENT',
      perimetre: { scopes: ['ecole:effectifs'] },
      date_signature: ajouterMoisBorne(aujourdhui(), -14),
      preavis_mois: 6,
      motif: 'Saisie',
    };
    const c = (await reussir('POST /admin/conventions', { client: 'demo-operateur', corps }, 201)).json;
    await reussir('GET /admin/conventions', { client: 'demo-operateur', requete: { region: '53', type: 'tripartite' } });
    await reussir('GET /admin/conventions/{id}', { client: 'demo-operateur', chemin: { id: c.id } });
    await reussir('PATCH /admin/conventions/{id}', {
      client: 'demo-operateur',
      chemin: { id: c.id },
      corps: { objet: 'Annuaire fédérateur et effectifs', motif: 'Avenant n° 1' },
    });
    await reussir('POST /admin/conventions/{id}/denonciation', {
      client: 'demo-operateur',
      chemin: { id: c.id },
      corps: { partie: 'collectivite', motif: 'Courrier de la région' },
    });
    await reussir('GET /admin/conventions/{id}/historique', { client: 'demo-operateur', chemin: { id: c.id } });
    await reussir('GET /catalogue/conventions', { client: 'demo-operateur', requete: { academie: '14' } });
  });

  it('administration: consents recorded and withdrawn', async () => {
    const eleve = await t.db('eleves').whereNotNull('ine').orderBy('id').first('id', 'ine');
    const jour = aujourdhui();
    const corps = {
      ine: eleve.ine,
      finalite: 'bourse_merite_regionale',
      siret: BRETAGNE,
      portee: { adresse_contact: true },
      date_recueil: jour,
      date_expiration: ajouterMoisBorne(jour, 12),
      origine: 'formulaire_demande_bourse',
    };
    await reussir('POST /admin/consentements', { client: 'demo-operateur', corps }, 201);
    await reussir('POST /admin/consentements/retraits', {
      client: 'demo-operateur',
      corps: { id_interne: eleve.id, finalite: 'bourse_merite_regionale', siret: BRETAGNE },
    });
  });

  it('requests for access: a recipient drafts, amends, submits and withdraws; the signed page and the operators’ link', async () => {
    const corps = {
      traitement: 'EXAMENS',
      finalite: 'pilotage_educatif',
      scopes: ['examens:resultats'],
      intitule: 'Pilotage éducatif de Saint-Malo',
      description: 'Tableau de bord des résultats au brevet.',
      dpo: { nom: 'Claire Le Goff', courriel: 'dpo@saint-malo.fr' },
      duree_conservation_mois: 12,
      volume_attendu: 2,
      brouillon: true,
    };
    const cree = (await reussir('POST /demandes-habilitation', { client: 'demo-mairie-saint-malo', corps }, 201)).json;
    await reussir('GET /demandes-habilitation', { client: 'demo-mairie-saint-malo' });
    await reussir('GET /demandes-habilitation/{id}', { client: 'demo-mairie-saint-malo', chemin: { id: cree.id } });
    await reussir('PATCH /demandes-habilitation/{id}', { client: 'demo-mairie-saint-malo', chemin: { id: cree.id }, corps: { volume_attendu: 3 } });
    await reussir('POST /demandes-habilitation/{id}/soumission', { client: 'demo-mairie-saint-malo', chemin: { id: cree.id }, corps: {} });
    const autre = (await reussir('POST /demandes-habilitation', { client: 'demo-mairie-saint-malo', corps }, 201)).json;
    await reussir('POST /demandes-habilitation/{id}/retrait', {
      client: 'demo-mairie-saint-malo',
      chemin: { id: autre.id },
      corps: { motif: 'Projet abandonné' },
    });
    const lien = (await reussir('GET /admin/habilitations/{id}/lien-consultation', { client: 'demo-operateur', chemin: { id: cree.id } })).json;
    const url = new URL(lien.url, 'http://passerelle');
    await reussir('GET /demandes-habilitation/{id}/page', {
      chemin: { id: cree.id },
      requete: { jusqua: url.searchParams.get('jusqua')!, signature: url.searchParams.get('signature')! },
    });
  });

  it('DPO: an opposition recorded, listed and lifted', async () => {
    const eleve = await t.db('eleves').whereNotNull('ine').orderBy('id', 'desc').first('id', 'ine');
    await reussir(
      'POST /dpo/oppositions',
      { client: 'demo-operateur', corps: { ine: eleve.ine, finalite: 'restauration_scolaire', origine: 'courrier' } },
      201,
    );
    await reussir('GET /dpo/oppositions', { client: 'demo-operateur', requete: { idInterne: eleve.id, enCours: true } });
    await reussir('POST /dpo/oppositions/levees', { client: 'demo-operateur', corps: { id_interne: eleve.id, finalite: 'restauration_scolaire' } });
  });

  it('notifications: my subscriptions, the operators’ view, deliveries and replay', async () => {
    const mien = (
      await reussir(
        'POST /notifications/abonnements',
        { client: 'demo-mairie-rennes', corps: { url: 'https://enfance.rennes.fr/hook', types: ['liste_modifiee'] } },
        201,
      )
    ).json;
    await reussir('GET /notifications/abonnements', { client: 'demo-mairie-rennes' });
    await reussir('DELETE /notifications/abonnements/{id}', { client: 'demo-mairie-rennes', chemin: { id: mien.id } }, 204);
    const abonnement = (
      await reussir(
        'POST /admin/notifications/abonnements',
        { client: 'demo-operateur', corps: { siret: RENNES, url: 'https://enfance.rennes.fr/operateur' } },
        201,
      )
    ).json;
    await reussir('GET /admin/notifications/abonnements', { client: 'demo-operateur', requete: { siret: RENNES } });
    await publierEvenement(
      { db: t.db },
      { type: 'liste_modifiee', siret: RENNES, donnees: { code_commune: '35238', nombre_changements: 3, jeton_synchronisation: 'j' } },
    );
    const livraisons = (await reussir('GET /admin/notifications/livraisons', { client: 'demo-operateur', requete: { abonnementId: abonnement.id } })).json;
    await reussir('GET /admin/notifications/livraisons', { client: 'demo-operateur', requete: { statut: 'en_attente', siret: RENNES } });
    await reussir('GET /admin/notifications/livraisons/{id}', { client: 'demo-operateur', chemin: { id: livraisons[0].id } });
    await reussir('POST /admin/notifications/livraisons/{id}/rejeu', { client: 'demo-operateur', chemin: { id: livraisons[0].id } }, 202);
    await reussir('DELETE /admin/notifications/abonnements/{id}', { client: 'demo-operateur', chemin: { id: abonnement.id } }, 204);
  });

  it('DPO: the journal in JSON and CSV, a person’s report, the chain check', async () => {
    const page = await reussir('GET /dpo/journal', { client: 'demo-operateur', requete: { limit: 2 } });
    await reussir('GET /dpo/journal', {
      client: 'demo-operateur',
      requete: { limit: 2, curseur: page.json.curseur_suivant, du: '2020-01-01', au: aujourdhui() },
    });
    await reussir('GET /dpo/journal', { client: 'demo-operateur', requete: { api: 'api-mairie' }, entetes: { Accept: 'text/csv' } });
    await reussir('GET /dpo/journal.csv', { client: 'demo-operateur', requete: { siret: RENNES } });
    const [eleve] = await temoins(t.db);
    await reussir('GET /dpo/personnes/divulgations', { client: 'demo-operateur', requete: { idInterne: eleve.id } });
    await reussir('GET /dpo/personnes/divulgations', {
      client: 'demo-operateur',
      requete: { nom: eleve.nom, prenoms: eleve.prenoms, dateNaissance: eleve.date_naissance },
    });
    // A whole list is journaled as one entry naming it: the report of a child on it carries `liste`.
    await reussir('GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation', {
      client: 'demo-mairie-rennes',
      chemin: { codeInsee: '35238' },
      requete: { format: 'ndjson' },
    });
    const surLaListe = await t.db('obligation_versions').where({ code_commune: '35238' }).whereNull('valide_jusqu_au').orderBy('eleve_id').first('eleve_id');
    const rapport = await reussir('GET /dpo/personnes/divulgations', { client: 'demo-operateur', requete: { idInterne: surLaListe.eleve_id } });
    expect(rapport.json.communications.some((c: { liste?: { cle: string } }) => c.liste?.cle === '35238')).toBe(true);
    await reussir('GET /dpo/journal/verification', { client: 'demo-operateur' });
  });

  it('every operation of the contract answered a valid call', () => {
    const sansSucces = verificateur.operations().filter((op) => ![...(verificateur.couverture.get(op) ?? [])].some((s) => s < 300));
    expect(sansSucces).toEqual([]);
  });
});

describe('refusals are in the contract too', () => {
  afterEach(sansEcart);

  /** The demo client holding none of the operation's scopes; undefined when every valid token opens it. */
  function clientSansScope(alternatives: string[][]): string | undefined {
    if (alternatives.every((a) => a.length === 0)) return undefined;
    return CLIENTS_DEMO.find((c) => {
      const detenus = c.habilitations.flatMap((h) => h.scopes);
      return !alternatives.some((a) => a.every((s) => detenus.includes(s)));
    })?.clientId;
  }

  it('401 without a token, 403 without the scope, on every protected operation', async () => {
    const exemples: Record<string, string | number> = { uai: '0350027P', codeInsee: '35238', session: 2026, examen: 'bac', niveau: 'region', code: '53' };
    const refuser = async (operation: string, a: Appel, attendu: number) => {
      const statut = (await appeler(operation, a)).statut;
      if (statut !== attendu) ecarts.push(`${operation} [${a.client ?? a.jeton ?? 'sans jeton'}] → ${statut} au lieu de ${attendu}`);
    };
    for (const [chemin, methodes] of Object.entries(verificateur.spec.paths)) {
      for (const [methode, op] of Object.entries(methodes as Record<string, { security?: Array<Record<string, string[]>> }>)) {
        if (!op.security?.length) continue;
        const operation = `${methode.toUpperCase()} ${chemin}`;
        const parametres = [...chemin.matchAll(/\{([^}]+)\}/g)].map(([, nom]) => [nom, exemples[nom] ?? '1']);
        const a: Appel = { chemin: Object.fromEntries(parametres), corps: methode === 'get' || methode === 'delete' ? undefined : {} };
        await refuser(operation, a, 401);
        await refuser(operation, { ...a, jeton: 'jeton-invente' }, 401);
        const client = clientSansScope(op.security.map((e) => Object.values(e).flat()));
        if (client) await refuser(operation, { ...a, client }, 403);
      }
    }
  });

  it('400 or 422 for malformed parameters and bodies', async () => {
    const attendus = [400, 422];
    const malformes: Array<[string, Appel]> = [
      ['GET /api-ecole/v1/etablissements', { requete: { limit: 0 } }],
      ['GET /api-ecole/v1/etablissements', { requete: { type: 'chateau' } }],
      ['GET /api-ecole/v1/etablissements', { requete: { curseur: 'illisible' } }],
      ['GET /api-ecole/v1/etablissements/{uai}', { chemin: { uai: '0350027A' } }],
      ['GET /api-ecole/v1/etablissements/{uai}/effectifs', { client: 'demo-departement-35', chemin: { uai: 'x'.repeat(9) } }],
      ['GET /api-ecole/v1/etablissements/{uai}/capacites', { client: 'demo-departement-35', chemin: { uai: '0350027P' }, requete: { anneeScolaire: '2026' } }],
      ['GET /api-ecole/v1/previsions', { client: 'demo-departement-35', requete: { codeDepartement: '35', codeRegion: '53' } }],
      ['GET /api-ecole/v1/previsions', { client: 'demo-departement-35', requete: { codeDepartement: '35', horizon: 9 } }],
      ['GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation', { client: 'demo-mairie-rennes', chemin: { codeInsee: '352' } }],
      [
        'GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation',
        { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, requete: { dateReference: '1999-01-01' } },
      ],
      ['GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation/changements', { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' } }],
      [
        'GET /api-scolarite/v1/eleves/statut',
        {
          client: 'demo-caf-35',
          requete: { nomNaissance: 'Martin', prenoms: ['Léa'], sexeEtatCivil: 'F', anneeDateNaissance: 2012, moisDateNaissance: 13, jourDateNaissance: 1 },
        },
      ],
      [
        'GET /api-scolarite/v1/eleves/statut',
        {
          client: 'demo-caf-35',
          requete: { nomNaissance: 'Martin', prenoms: ['Léa'], sexeEtatCivil: 'F', anneeDateNaissance: 2012, moisDateNaissance: 1, jourDateNaissance: 1 },
        },
      ],
      [
        'GET /api-resultats-examens/v1/sessions/{session}/examens/{examen}/etablissements/{uai}',
        { client: 'demo-region-bretagne', chemin: { session: 1800, examen: 'bac', uai: '0350027P' } },
      ],
      [
        'GET /api-resultats-examens/v1/sessions/{session}/examens/{examen}/territoires/{niveau}/{code}',
        { client: 'demo-region-bretagne', chemin: { session: 2026, examen: 'bac', niveau: 'region', code: 'zz' } },
      ],
      [
        'GET /api-resultats-examens/v1/sessions/{session}/examens/bac/laureats',
        { client: 'demo-region-bretagne', chemin: { session: 2026 }, requete: { mentionMinimale: 'Z' } },
      ],
      ['GET /catalogue/conventions', { requete: { limit: 5000 } }],
      ['GET /dpo/journal', { client: 'demo-operateur', requete: { du: 'hier' } }],
      ['GET /dpo/journal.csv', { client: 'demo-operateur', requete: { siret: '123' } }],
      ['GET /dpo/personnes/divulgations', { client: 'demo-operateur', requete: { nom: 'Martin' } }],
      ['GET /admin/habilitations', { client: 'demo-operateur', requete: { statut: 'peut-etre' } }],
      ['POST /admin/habilitations', { client: 'demo-operateur', corps: { siret: RENNES, inconnu: 1 } }],
      [
        'POST /admin/habilitations',
        {
          client: 'demo-operateur',
          corps: {
            siret: RENNES,
            finalite: 'pilotage_educatif',
            scopes: ['scolarite:statut'],
            intitule: 'x',
            date_debut: aujourdhui(),
            date_fin: aujourdhui(),
          },
        },
      ],
      ['POST /admin/destinataires', { client: 'demo-operateur', corps: { siret: '12345678901234', nom: 'x', categorie: 'commune' } }],
      ['POST /admin/clients', { client: 'demo-operateur', corps: '{"siret":' }],
      ['POST /admin/conventions', { client: 'demo-operateur', corps: { reference: 'x'.repeat(101) } }],
      [
        'POST /admin/consentements',
        {
          client: 'demo-operateur',
          corps: { finalite: 'bourse_merite_regionale', siret: BRETAGNE, date_recueil: aujourdhui(), date_expiration: aujourdhui(), origine: 'x' },
        },
      ],
      ['POST /notifications/abonnements', { client: 'demo-mairie-rennes', corps: { url: 'http://enfance.rennes.fr/hook' } }],
      ['POST /admin/notifications/abonnements', { client: 'demo-operateur', corps: { siret: RENNES, url: 'https://x.fr', secret: 'court' } }],
      ['POST /oauth/token', { basic: ['demo-caf-35', 'demo-secret-caf-35'], formulaire: { grant_type: 'password' } }],
      ['POST /oauth/token', { basic: ['demo-caf-35', 'demo-secret-caf-35'], formulaire: { grant_type: 'client_credentials', scope: 'admin' } }],
      ['POST /oauth/introspect', { basic: ['demo-caf-35', 'demo-secret-caf-35'], formulaire: {} }],
      ['POST /oauth/revoke', { basic: ['demo-caf-35', 'demo-secret-caf-35'], formulaire: { token: '' } }],
      ['GET /health', { requete: { access_token: 'secret' } }],
    ];
    for (const [operation, a] of malformes) {
      const rep = await appeler(operation, a);
      if (!attendus.includes(rep.statut)) ecarts.push(`${operation} ${JSON.stringify(a)} → ${rep.statut} au lieu de 400/422`);
    }
  });

  it('404 for unknown resources, 409 for conflicts, 410 for a foreign sync token', async () => {
    const uaiAbsent = `0290001${lettreCleUai('0290001')}`;
    const inconnus: Array<[string, Appel, number]> = [
      ['GET /api-ecole/v1/etablissements/{uai}', { chemin: { uai: uaiAbsent } }, 404],
      ['GET /admin/habilitations/{id}', { client: 'demo-operateur', chemin: { id: 'inconnue' } }, 404],
      ['GET /admin/habilitations/{id}/transitions', { client: 'demo-operateur', chemin: { id: 'inconnue' } }, 404],
      ['POST /admin/habilitations/{id}/validation', { client: 'demo-operateur', chemin: { id: 'inconnue' }, corps: {} }, 404],
      ['GET /admin/conventions/{id}', { client: 'demo-operateur', chemin: { id: 'inconnue' } }, 404],
      ['GET /admin/conventions/{id}/historique', { client: 'demo-operateur', chemin: { id: 'inconnue' } }, 404],
      ['POST /admin/clients/{clientId}/rotation', { client: 'demo-operateur', chemin: { clientId: 'inconnu' }, corps: {} }, 404],
      ['DELETE /notifications/abonnements/{id}', { client: 'demo-mairie-rennes', chemin: { id: 'inconnu' } }, 404],
      ['GET /admin/notifications/livraisons/{id}', { client: 'demo-operateur', chemin: { id: 999999 } }, 404],
      ['GET /dpo/personnes/divulgations', { client: 'demo-operateur', requete: { nom: 'Personne', prenoms: 'Inconnue', dateNaissance: '2010-01-01' } }, 404],
      [
        'GET /api-scolarite/v1/eleves/statut',
        {
          client: 'demo-caf-35',
          requete: {
            nomNaissance: 'Inconnu',
            prenoms: ['Personne'],
            sexeEtatCivil: 'M',
            anneeDateNaissance: 2010,
            moisDateNaissance: 1,
            jourDateNaissance: 1,
            codesDepartements: ['35'],
            recipient: '53408918800013',
            context: 'Essai',
            object: 'Contrat',
          },
        },
        404,
      ],
      ['POST /admin/clients', { client: 'demo-operateur', corps: { siret: siretLibre('1234567890123'), nom: 'Sans destinataire' } }, 404],
      ['POST /admin/destinataires', { client: 'demo-operateur', corps: { siret: RENNES, nom: 'Doublon', categorie: 'commune', code_commune: '35238' } }, 409],
      [
        'POST /admin/destinataires/{siret}/communes',
        { client: 'demo-operateur', chemin: { siret: '25350001800010' }, corps: { code_commune: '35146', motif: 'Déjà membre' } },
        409,
      ],
      [
        'POST /admin/destinataires/{siret}/communes/{codeInsee}/retrait',
        { client: 'demo-operateur', chemin: { siret: '25350001800010', codeInsee: '35238' }, corps: { motif: 'Jamais membre' } },
        409,
      ],
      ['GET /admin/destinataires/{siret}/communes', { client: 'demo-operateur', chemin: { siret: RENNES } }, 422],
      ['GET /admin/destinataires/{siret}/communes', { client: 'demo-operateur', chemin: { siret: siretLibre('1234567890123') } }, 404],
      [
        'GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation/changements',
        { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, requete: { depuis: 'a.b' } },
        410,
      ],
      ['GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation', { client: 'demo-mairie-saint-malo', chemin: { codeInsee: '35238' } }, 403],
    ];
    for (const [operation, a, attendu] of inconnus) {
      const rep = await appeler(operation, a);
      if (rep.statut !== attendu) ecarts.push(`${operation} ${JSON.stringify(a)} → ${rep.statut} au lieu de ${attendu}`);
    }
  });

  it('304 when the client’s copy is current', async () => {
    const revalidables: Array<[string, Appel]> = [
      ['GET /api-ecole/v1/etablissements', { requete: { codeCommune: '35238' } }],
      ['GET /api-ecole/v1/etablissements/{uai}', { chemin: { uai: (await t.db('etablissements').orderBy('uai').first('uai')).uai } }],
      [
        'GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation',
        { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, requete: { limit: 10 } },
      ],
    ];
    const page = await appeler(revalidables[2][0], revalidables[2][1]);
    revalidables.push([
      'GET /api-mairie/v1/communes/{codeInsee}/enfants-soumis-obligation/changements',
      { client: 'demo-mairie-rennes', chemin: { codeInsee: '35238' }, requete: { depuis: page.json.jeton_synchronisation } },
    ]);
    for (const [operation, a] of revalidables) {
      const premiere = await appeler(operation, a);
      const etag = premiere.entetes.get('etag');
      expect(etag).toBeTruthy();
      expect((await appeler(operation, { ...a, entetes: { 'If-None-Match': etag! } })).statut).toBe(304);
    }
  });

  it('415 for a JSON body where OAuth wants a form, 401 for a wrong client secret', async () => {
    expect((await appeler('POST /oauth/token', { basic: ['demo-caf-35', 'demo-secret-caf-35'], corps: { grant_type: 'client_credentials' } })).statut).toBe(
      415,
    );
    expect((await appeler('POST /oauth/token', { basic: ['demo-caf-35', 'faux'], formulaire: { grant_type: 'client_credentials' } })).statut).toBe(401);
    expect((await appeler('POST /oauth/revoke', { formulaire: { token: 'x' } })).statut).toBe(401);
  });

  it('429 with Retry-After past the rate limits, per habilitation, per IP and on failed client authentications', async () => {
    const limitee = await demarrerAppDeTest(
      { LIMITE_REQUETES_PAR_SECONDE: '1', ECHECS_AUTHENTIFICATION_PAR_MINUTE: '1' },
      { ...PERIMETRE_TEST, communes: ['35024'], echelle: 0.01 },
    );
    const { serveur: s, base: racine } = await demarrer(limitee);
    try {
      const jeton = await limitee.jeton('demo-departement-35');
      const statuts = async (operation: string, a: Appel) => {
        const vus: number[] = [];
        for (let i = 0; i < 3; i++) vus.push((await appeler(operation, a, racine)).statut);
        return vus;
      };
      expect(await statuts('GET /api-ecole/v1/etablissements', { requete: { limit: 1 } })).toContain(429);
      expect(await statuts('GET /api-ecole/v1/previsions', { jeton, requete: { codeDepartement: '35' } })).toContain(429);
      expect(await statuts('POST /oauth/token', { basic: ['demo-caf-35', 'faux'], formulaire: { grant_type: 'client_credentials' } })).toContain(429);
    } finally {
      await new Promise((ok) => s.close(ok));
      await limitee.fermer();
    }
  });
});

describe('the check itself', () => {
  const reponse = (statut: number, entetes: Record<string, string>, texte: string) => ({ statut, entetes: new Headers(entetes), texte });
  const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

  it('flags an undeclared status, media type or header, a missing required header and a body off its schema', () => {
    expect(verificateur.verifier('GET /health', reponse(418, JSON_TYPE, '{}'))[0]).toMatch(/statut 418 non déclaré/);
    expect(verificateur.verifier('GET /health', reponse(200, { 'content-type': 'text/plain' }, 'ok'))[0]).toMatch(/type text\/plain non déclaré/);
    expect(verificateur.verifier('GET /health', reponse(200, JSON_TYPE, '{"statut":"ok","en_plus":1}'))[0]).toMatch(/additional properties \(en_plus\)/);
    expect(verificateur.verifier('GET /health', reponse(200, JSON_TYPE, '{"statut":"ko"}'))[0]).toMatch(/must be equal to one of the allowed values/);
    expect(verificateur.verifier('GET /health', reponse(200, { ...JSON_TYPE, 'RateLimit-Limit': '20' }, '{"statut":"ok"}'))[0]).toMatch(
      /RateLimit-Limit envoyé mais non déclaré/,
    );
    expect(verificateur.verifier('GET /api-ecole/v1/etablissements', reponse(200, JSON_TYPE, '{"etablissements":[],"curseur_suivant":null}'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/RateLimit-Limit déclaré obligatoire mais absent/)]),
    );
    expect(
      verificateur.verifier(
        'GET /health/ready',
        reponse(503, { 'content-type': 'application/problem+json' }, '{"type":"t","title":"t","status":500,"detail":"d","code":"c"}'),
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/Retry-After déclaré obligatoire/), 'status du document ≠ statut HTTP']));
  });
});

import type { Db } from '../../src/db/knex';
import { journaliser, verifierJournal } from '../../src/privacy/journal';
import { enregistrerConsentement } from '../../src/privacy/opposition';
import { hacherPersonne } from '../../src/privacy/pseudonyme';
import { demarrerPurgePeriodique, dureeConservationJournalMois, purgerDonneesExpirees } from '../../src/privacy/retention';
import { main as purge } from '../../scripts/purge';
import { main as verifier } from '../../scripts/journal-verify';
import { ouvrirBase } from '../support/base';

const MAINTENANT = new Date('2025-03-15T12:00:00.000Z');
const RENNES = '21350238800019';

async function journaliserN(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await journaliser(db, {
      requestId: `req-${i}`,
      clientId: 'client-rennes',
      siret: RENNES,
      api: 'api-mairie',
      operation: 'listeEnfants',
      finalite: 'obligation_scolaire',
      baseLegale: 'R131-3',
      scopes: ['mairie:obligation-scolaire'],
      champs: ['nom'],
      personnes: [hacherPersonne('cle', `eleve-${i}`)],
      resultat: 'succes',
    });
  }
}

async function enregistrerPasserelle(db: Db, mois: number): Promise<void> {
  await db('traitements').insert({
    code: 'PASSERELLE',
    nom: 'Passerelle APIsation',
    description: 'Journal des divulgations',
    responsable_traitement: 'MENJ',
    base_legale_texte: 'RGPD art. 5.2',
    base_legale_reference: 'RGPD',
    duree_conservation_mois: mois,
  });
}

describe('purge des données échues', () => {
  let db: Db;
  let url: string;
  let fermer: () => Promise<void>;

  beforeEach(async () => {
    ({ db, url, fermer } = await ouvrirBase());
  });
  afterEach(async () => {
    await fermer();
  });

  it('prend la durée de conservation du traitement PASSERELLE, 36 mois à défaut', async () => {
    expect(await dureeConservationJournalMois(db)).toBe(36);
    await enregistrerPasserelle(db, 12);
    expect(await dureeConservationJournalMois(db)).toBe(12);
  });

  it('supprime le journal au-delà de la conservation, les jetons expirés depuis un jour et les consentements échus', async () => {
    await enregistrerPasserelle(db, 12);
    await journaliserN(db, 5);
    await db('journal').where('sequence', '<=', 2).update({ horodatage: '2024-03-14T00:00:00.000Z' });
    await db('journal').where('sequence', 3).update({ horodatage: '2024-03-16T00:00:00.000Z' });

    await db('categories_destinataires').insert({ code: 'commune', libelle: 'Commune' });
    await db('destinataires').insert({ siret: RENNES, nom: 'Mairie de Rennes', categorie_code: 'commune', cree_le: MAINTENANT.toISOString() });
    await db('oauth_clients').insert({ client_id: 'client-rennes', siret: RENNES, nom: 'Rennes', secret_hash: 'x', cree_le: MAINTENANT.toISOString() });
    const jeton = (token_hash: string, expire_le: string) => ({
      token_hash,
      client_id: 'client-rennes',
      scopes: '[]',
      emis_le: '2025-03-13T00:00:00.000Z',
      expire_le,
    });
    await db('oauth_tokens').insert([jeton('a'.repeat(64), '2025-03-13T12:00:00.000Z'), jeton('b'.repeat(64), '2025-03-15T11:00:00.000Z')]);
    for (const dateExpiration of ['2025-03-14', '2025-03-15']) {
      await enregistrerConsentement(db, {
        personneId: 'eleve-1',
        finaliteCode: 'bourse_merite_regionale',
        siret: '23350001600040',
        portee: {},
        dateRecueil: '2024-06-01',
        dateExpiration,
        origine: 'formulaire',
      });
    }

    const bilan = await purgerDonneesExpirees(db, MAINTENANT);
    expect(bilan).toEqual({ journal: 2, jetons: 1, consentements: 1, etat_partage: 0, limite_journal: '2024-03-15T12:00:00.000Z' });
    expect((await db('oauth_tokens').select('token_hash')).map((t) => t.token_hash)).toEqual(['b'.repeat(64)]);
    // Entry 3 was back-dated in SQL, so the chain must now point at it — and nothing else.
    expect(await verifierJournal(db)).toEqual({ ok: false, sequence: 3, raison: 'altere' });
  });

  it('supprime les compteurs d’échecs (adresses IP) et les marques de requêtes en cours échus, jamais ceux qui valent encore', async () => {
    const instant = Date.now();
    await db('limites_debit').insert([
      { key: 'echecs_authentification:203.0.113.7', points: 3, expire: instant - 1000 },
      { key: 'echecs_authentification:203.0.113.8', points: 3, expire: instant + 60_000 },
    ]);
    await db('requetes_en_cours').insert([
      { cle: 'marque-d-un-processus-arrete', detenteur: 'a', expire: instant - 1000 },
      { cle: 'marque-vivante', detenteur: 'b', expire: instant + 30_000 },
    ]);
    expect((await purgerDonneesExpirees(db, MAINTENANT)).etat_partage).toBe(2);
    expect((await db('limites_debit').select('key')).map((l) => l.key)).toEqual(['echecs_authentification:203.0.113.8']);
    expect((await db('requetes_en_cours').select('cle')).map((l) => l.cle)).toEqual(['marque-vivante']);
  });

  it('la purge périodique du serveur supprime les jetons échus sans intervention, jusqu’à son arrêt', async () => {
    await db('categories_destinataires').insert({ code: 'commune', libelle: 'Commune' });
    await db('destinataires').insert({ siret: RENNES, nom: 'Mairie de Rennes', categorie_code: 'commune', cree_le: MAINTENANT.toISOString() });
    await db('oauth_clients').insert({ client_id: 'client-rennes', siret: RENNES, nom: 'Rennes', secret_hash: 'x', cree_le: MAINTENANT.toISOString() });
    const jetonEchu = (token_hash: string) => ({
      token_hash,
      client_id: 'client-rennes',
      scopes: '[]',
      emis_le: '2025-03-13T00:00:00.000Z',
      expire_le: '2025-03-13T12:00:00.000Z',
    });
    const restants = async () => Number((await db('oauth_tokens').count({ n: '*' }).first())?.n);

    await db('oauth_tokens').insert(jetonEchu('a'.repeat(64)));
    const arreter = demarrerPurgePeriodique(db, 20);
    try {
      for (let i = 0; i < 100 && (await restants()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await restants()).toBe(0);
    } finally {
      await arreter();
    }
    await db('oauth_tokens').insert(jetonEchu('b'.repeat(64)));
    await new Promise((r) => setTimeout(r, 100));
    expect(await restants()).toBe(1);
  });

  it('npm run purge : affiche un bilan en français et réussit', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await purge(url)).toBe(0);
      expect(log.mock.calls[0][0]).toMatch(/^Purge terminée : 0 entrée\(s\) du journal/);
    } finally {
      log.mockRestore();
    }
  });

  it('npm run journal:verify : code 0 sur un journal intact, 1 en nommant l’entrée altérée', async () => {
    await journaliserN(db, 3);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const erreur = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await verifier(url)).toBe(0);
      expect(log.mock.calls[0][0]).toBe('Journal intègre : 3 entrée(s) vérifiée(s), chaîne de hachage continue.');
      await db('journal').where('sequence', 2).update({ champs: '["nom","adresse"]' });
      expect(await verifier(url)).toBe(1);
      expect(erreur.mock.calls[0][0]).toBe("Journal compromis : l'entrée n° 2 est altérée.");
    } finally {
      log.mockRestore();
      erreur.mockRestore();
    }
  });
});

/**
 * The page of a request for access as a person opens it: the real server, Debian's Chromium, the
 * signed `lien_consultation` the API returns. One request is driven into each state through the
 * recipient's and the operators' routes; each page must say that state, who acts next and what,
 * the operators' reason, and the whole history.
 * Skipped (with the reason) when /usr/bin/chromium is absent; .ci/run installs it (TEST_NAVIGATEUR=1).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { aujourdhui } from '../../src/horloge';
import { demarrerServeurReel, type ServeurReel } from '../securite/serveur-reel';

const CHROMIUM = '/usr/bin/chromium';
const present = fs.existsSync(CHROMIUM);
if (!present) console.warn(`test/portail/demandes-navigateur.test.ts ignoré : ${CHROMIUM} absent (apt-get install -y chromium).`);
const decrire = present ? describe : describe.skip;
/** Screenshots land next to the developer portal's, so a person can look at each page. */
const DOSSIER_CAPTURES = path.join(os.tmpdir(), 'apisation-portail');

interface Demande {
  id: string;
  statut: string;
  motif: string | null;
  historique: Array<{ vers: string }>;
  lien_consultation: { url: string; expire_le: string };
}

const DEMANDE = {
  traitement: 'EXAMENS',
  finalite: 'pilotage_educatif',
  scopes: ['examens:resultats'],
  description: 'Tableau de bord des résultats au brevet des collèges de la commune.',
  dpo: { nom: 'Claire Le Goff', courriel: 'dpo@saint-malo.fr' },
  duree_conservation_mois: 12,
};

/** What each page must show: the state's label, who acts next, words of the next step, the reason shown. */
const ATTENDU: Record<string, { libelle: string; par: string; action: RegExp; motif?: string }> = {
  brouillon: { libelle: 'Brouillon', par: 'Mairie de Saint-Malo', action: /puis la soumettre/ },
  soumise: { libelle: 'Soumise, en cours d’instruction', par: 'les opérateurs du ministère', action: /instruisent la demande/ },
  modifications_demandees: {
    libelle: 'Modifications demandées',
    par: 'Mairie de Saint-Malo',
    action: /modifier la demande/,
    motif: 'Préciser les services qui liront le tableau de bord.',
  },
  validee: { libelle: 'Validée', par: 'Mairie de Saint-Malo', action: /nouveau jeton/ },
  refusee: {
    libelle: 'Refusée',
    par: 'personne : la demande est close',
    action: /Décision définitive/,
    motif: 'Finalité sans lien avec les compétences de la commune.',
  },
  revoquee: { libelle: 'Révoquée', par: 'personne : la demande est close', action: /n’ouvrent plus/, motif: 'Convention dénoncée.' },
  expiree: { libelle: 'Expirée', par: 'Mairie de Saint-Malo', action: /renouvellement/ },
  obsolete: {
    libelle: 'Remplacée par une version plus récente',
    par: 'personne : la demande est close',
    action: /version plus récente/,
    motif: 'Remplacée par la version 2',
  },
  retiree: { libelle: 'Retirée par le destinataire', par: 'personne : la demande est close', action: /Demande close/, motif: 'Projet abandonné.' },
};

decrire('page d’une demande d’habilitation dans Chromium', () => {
  let serveur: ServeurReel;
  let navigateur: Browser;
  let page: Page;
  let recipient: string;
  let operateur: string;
  const demandes = new Map<string, Demande>();

  async function jeton(clientId: string, secret: string, scope?: string): Promise<string> {
    const rep = await fetch(`${serveur.url}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
    });
    return ((await rep.json()) as { access_token: string }).access_token;
  }

  async function appeler<T = Demande>(methode: string, chemin: string, qui: string, corps: object = {}): Promise<T> {
    const rep = await fetch(`${serveur.url}${chemin}`, {
      method: methode,
      headers: { Authorization: `Bearer ${qui}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: methode === 'GET' ? undefined : JSON.stringify(corps),
    });
    const texte = await rep.text();
    if (rep.status >= 300) throw new Error(`${methode} ${chemin} → ${rep.status} ${texte}`);
    return JSON.parse(texte) as T;
  }

  const deposer = (intitule: string, extra: object = {}) => appeler('POST', '/demandes-habilitation', recipient, { ...DEMANDE, intitule, ...extra });
  const par = (id: string, action: string, corps: object = {}) => appeler('POST', `/demandes-habilitation/${id}/${action}`, recipient, corps);
  const decider = (id: string, decision: string, corps: object = {}) => appeler('POST', `/admin/habilitations/${id}/${decision}`, operateur, corps);
  const relire = (id: string) => appeler('GET', `/demandes-habilitation/${id}`, recipient);

  beforeAll(async () => {
    // The child server runs on the suite's pinned day, like the database it was seeded on.
    serveur = await demarrerServeurReel({ APISATION_AUJOURDHUI: aujourdhui() });
    recipient = await jeton('demo-mairie-saint-malo', 'demo-secret-mairie-saint-malo', 'habilitations:demande');
    operateur = await jeton('demo-operateur', 'demo-secret-operateur');
    const m = ATTENDU;

    demandes.set('brouillon', await deposer('Tableau de bord (brouillon)', { brouillon: true }));
    demandes.set('soumise', await deposer('Tableau de bord (soumise)'));
    const aModifier = await deposer('Tableau de bord (à modifier)');
    await decider(aModifier.id, 'demande-modifications', { motif: m.modifications_demandees.motif });
    demandes.set('modifications_demandees', await relire(aModifier.id));
    const validee = await deposer('Tableau de bord (validée)', { brouillon: true });
    await par(validee.id, 'soumission');
    await decider(validee.id, 'validation', { motif: 'Conforme' });
    demandes.set('validee', await relire(validee.id));
    const refusee = await deposer('Tableau de bord (refusée)');
    demandes.set('refusee', await decider(refusee.id, 'refus', { motif: m.refusee.motif }).then(() => relire(refusee.id)));
    const revoquee = await deposer('Tableau de bord (révoquée)');
    await decider(revoquee.id, 'validation');
    await decider(revoquee.id, 'revocation', { motif: m.revoquee.motif });
    demandes.set('revoquee', await relire(revoquee.id));
    const expiree = await deposer('Tableau de bord (expirée)', { date_debut: '2020-01-01', date_fin: '2020-12-31' });
    await decider(expiree.id, 'validation');
    demandes.set('expiree', await relire(expiree.id));
    const ancienne = await deposer('Tableau de bord (version 1)');
    await decider(ancienne.id, 'validation');
    const nouvelle = await appeler('POST', `/admin/habilitations/${ancienne.id}/renouvellement`, operateur, { motif: 'Nouvelle période' });
    await decider(nouvelle.id, 'validation');
    demandes.set('obsolete', await relire(ancienne.id));
    const retiree = await deposer('Tableau de bord (retirée)', { brouillon: true });
    demandes.set('retiree', await par(retiree.id, 'retrait', { motif: m.retiree.motif }));

    navigateur = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await navigateur.newPage({ viewport: { width: 1100, height: 1000 } });
    fs.mkdirSync(DOSSIER_CAPTURES, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await navigateur?.close();
    await serveur?.fermer();
  });

  it('drove one request into each state of the lifecycle', () => {
    expect([...demandes.entries()].map(([statut, d]) => [statut, d.statut])).toEqual(Object.keys(ATTENDU).map((s) => [s, s]));
  });

  it.each(Object.keys(ATTENDU))(
    'shows the %s page: state, who acts next and what, the reason, the history',
    async (statut) => {
      const d = demandes.get(statut)!;
      const attendu = ATTENDU[statut];
      const erreursConsole: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') erreursConsole.push(m.text());
      });
      const reponse = await page.goto(d.lien_consultation.url);
      expect(reponse?.status()).toBe(200);
      expect(await page.title()).toBe(`Demande d’habilitation — ${attendu.libelle} — Passerelle APIsation`);
      expect(await page.locator('h1').innerText()).toContain('Tableau de bord');
      expect(await page.locator('#statut').getAttribute('data-statut')).toBe(statut);
      expect((await page.locator('#statut').innerText()).trim()).toBe(attendu.libelle);
      expect((await page.locator('#par').innerText()).trim()).toBe(attendu.par);
      expect(await page.locator('#action').innerText()).toMatch(attendu.action);
      if (attendu.motif) expect(await page.locator('#motif').innerText()).toContain(attendu.motif);
      else expect(await page.locator('#motif').count()).toBe(0);

      // The history: one line per transition, in order, the last one being this state.
      const lignes = page.locator('ol.historique li');
      expect(await lignes.count()).toBe(d.historique.length);
      expect(await lignes.evaluateAll((li) => li.map((e) => e.getAttribute('data-vers')))).toEqual(d.historique.map((e) => e.vers));
      expect(await lignes.first().innerText()).toMatch(/Brouillon créé|Soumise/);
      expect(await lignes.first().innerText()).toContain('Mairie de Saint-Malo (client demo-mairie-saint-malo)');

      // The request itself, from the registry's words.
      const demande = await page.locator('#demande').innerText();
      for (const texte of [
        'Gestion des examens',
        'Pilotage des politiques éducatives territoriales',
        'examens:resultats',
        'commune 35288',
        'Claire Le Goff, dpo@saint-malo.fr',
        '12 mois',
      ]) {
        expect(demande).toContain(texte);
      }
      await page.screenshot({ path: path.join(DOSSIER_CAPTURES, `demande-${statut}.png`), fullPage: true });
      expect(erreursConsole.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
      page.removeAllListeners('console');
    },
    60_000,
  );

  it('an altered link opens nothing', async () => {
    const lien = new URL(demandes.get('validee')!.lien_consultation.url);
    lien.searchParams.set('signature', 'A'.repeat(43));
    const reponse = await page.goto(lien.toString());
    expect(reponse?.status()).toBe(403);
    expect(await page.locator('body').innerText()).toContain('lien_consultation_invalide');
    expect(await page.locator('body').innerText()).not.toContain('Tableau de bord');
  }, 60_000);
});

/* eslint-disable @typescript-eslint/no-explicit-any -- the attacker reads the JSON answers untyped, as any client would */
import request from 'supertest';
import { EXAMENS, mentionsDeLaSession, type CodeExamen } from '../../src/apis/resultats-examens/examens';
import { PASSAGES } from '../../src/apis/ecole/projection';
import { demarrerAppDeTest, PERIMETRE_TEST, type AppDeTest } from '../support/app';
import { Lecteur, type Etat, type Retrouvee } from './lecteur-secret';

/**
 * The statistical secret holds across every table a demo recipient can obtain and combine
 * (issue 14, item 5): each establishment, commune, département and région of API résultats
 * examens for every exam and session, by voie, série and mention; each establishment's
 * head-counts of API école by level and formation, and the territories' head-counts by level
 * that come with the prévisions. The reader below gathers all of them, writes every additive
 * relation between them — within a table and between nested perimeters — and tries to recover
 * each masked cell.
 */

type Cellule = { valeur: number } | { valeur: null; secret: true };
const etat = (c: Cellule): Etat => (c.valeur === null ? { masquee: true } : { connue: c.valeur });

let t: AppDeTest;
const jetons: Record<string, string> = {};
let seuil: number;

beforeAll(async () => {
  // The reader walks hundreds of routes: the per-habilitation rate limit is not under test here.
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '100000' });
  seuil = t.config.seuilSecretStatistique;
  for (const client of ['demo-mairie-rennes', 'demo-mairie-saint-malo', 'demo-departement-35', 'demo-region-bretagne']) {
    jetons[client] = await t.jeton(client);
  }
}, 120_000);
afterAll(async () => t?.fermer());

async function lire(client: string, chemin: string): Promise<any | null> {
  const rep = await request(t.app).get(chemin).set('Authorization', `Bearer ${jetons[client]}`);
  if (rep.status === 404) return null;
  if (rep.status !== 200) throw new Error(`${chemin} : ${rep.status} ${JSON.stringify(rep.body)}`);
  return rep.body;
}

function decrire(retrouvees: Retrouvee[]): string[] {
  return retrouvees.map((r) => `${r.cle} = ${r.valeur} (${r.attaque}${r.masquee ? '' : ', non publiée'})`);
}

describe('API résultats examens : aucun masque ne se retrouve en combinant établissements, communes, département et région', () => {
  const colonnesPubliees = ['inscrits', 'presents', 'admis'] as const;
  interface Candidat {
    uai: string;
    code_commune: string;
    voie: string;
    serie_code: string | null;
    present: boolean;
    admis: boolean;
    mention: string | null;
  }

  /** One (session, exam): every answer of every route, and the truth to check the reader's model. */
  async function lecteurExamen(session: number, examen: CodeExamen, etablissements: Array<{ uai: string; code_commune: string }>): Promise<Lecteur | null> {
    const region = await lire('demo-region-bretagne', `/api-resultats-examens/v1/sessions/${session}/examens/${examen}/territoires/region/53`);
    if (region === null) return null; // a session the gateway does not publish
    const candidats: Candidat[] = (
      await t
        .db('candidats_examens as c')
        .join('etablissements as e', 'e.uai', 'c.uai')
        .where({ 'c.session': session, 'c.examen': examen })
        .select('c.uai', 'e.code_commune', 'c.voie', 'c.serie_code', 'c.present', 'c.admis', 'c.mention')
    ).map((c: Candidat) => ({ ...c, present: Boolean(c.present), admis: Boolean(c.admis) }));
    const mentions = [
      'sans_mention',
      ...mentionsDeLaSession(examen, session).map((m) => ({ AB: 'assez_bien', B: 'bien', TB: 'tres_bien', TBF: 'tres_bien_felicitations' })[m]),
    ];
    const avecMentions = EXAMENS[examen].mentions.length > 0;
    const colonnes = [...colonnesPubliees, 'absents', 'non_admis', ...(avecMentions ? mentions : [])];
    const garde: Record<string, (c: Candidat) => boolean> = {
      inscrits: () => true,
      presents: (c) => c.present,
      admis: (c) => c.admis,
      absents: (c) => !c.present,
      non_admis: (c) => c.present && !c.admis,
      sans_mention: (c) => c.admis && c.mention === null,
      assez_bien: (c) => c.admis && c.mention === 'AB',
      bien: (c) => c.admis && c.mention === 'B',
      tres_bien: (c) => c.admis && c.mention === 'TB',
      tres_bien_felicitations: (c) => c.admis && c.mention === 'TBF',
    };
    const ligneDe = (ligne: string) => (c: Candidat) => {
      if (ligne === 'total') return true;
      const [v, s] = ligne.split('/');
      if (v.startsWith('s:')) return c.serie_code === v.slice(2);
      return c.voie === v.slice(2) && (s === undefined || c.serie_code === s.slice(2));
    };
    const reel = (dans: (c: Candidat) => boolean, ligne: string, colonne: string) =>
      candidats.filter((c) => dans(c) && ligneDe(ligne)(c) && garde[colonne](c)).length;

    const lecteur = new Lecteur();
    /** Rows of each answer, by node: 'total', 'v:<voie>', 'v:<voie>/s:<série>', 's:<spécialité>'. */
    const lignesDuNoeud = new Map<string, Map<string, any>>();
    const enregistrer = (noeud: string, corps: any, dans: (c: Candidat) => boolean) => {
      const lignes = new Map<string, any>([['total', corps]]);
      const sousLignes = new Map<string, string[]>();
      for (const v of corps.voies ?? []) {
        lignes.set(`v:${v.code}`, v);
        if (v.series)
          sousLignes.set(
            `v:${v.code}`,
            v.series.map((s: any) => (lignes.set(`v:${v.code}/s:${s.code}`, s), `v:${v.code}/s:${s.code}`)),
          );
      }
      if (corps.voies)
        sousLignes.set(
          'total',
          corps.voies.map((v: any) => `v:${v.code}`),
        );
      if (corps.series)
        sousLignes.set(
          'total',
          corps.series.map((s: any) => (lignes.set(`s:${s.code}`, s), `s:${s.code}`)),
        );
      lignesDuNoeud.set(noeud, lignes);
      for (const [cle, l] of lignes) {
        const c = (colonne: string) => `${noeud}|${cle}|${colonne}`;
        for (const col of colonnesPubliees) lecteur.cellule(c(col), etat(l[col]), reel(dans, cle, col));
        for (const col of ['absents', 'non_admis']) lecteur.cellule(c(col), { invisible: true }, reel(dans, cle, col));
        for (const [m, cellule] of Object.entries(l.mentions ?? {})) lecteur.cellule(c(m), etat(cellule as Cellule), reel(dans, cle, m));
        lecteur.relation(c('inscrits'), [c('absents'), c('presents')]);
        lecteur.relation(c('presents'), [c('non_admis'), c('admis')]);
        if (l.mentions) lecteur.relation(c('admis'), Object.keys(l.mentions).map(c));
      }
      for (const [parent, enfants] of sousLignes) {
        for (const col of colonnes)
          lecteur.relation(
            `${noeud}|${parent}|${col}`,
            enfants.map((e) => `${noeud}|${e}|${col}`),
          );
      }
    };
    /** parent = Σ children, row by row, column by column; a child without the row has none of its candidates. */
    const emboiter = (parent: string, enfants: string[]) => {
      const presents = enfants.filter((e) => lignesDuNoeud.has(e));
      for (const ligne of lignesDuNoeud.get(parent)?.keys() ?? []) {
        // A child listing the voie but not its séries hides them: that relation is not the reader's.
        if (presents.some((e) => !lignesDuNoeud.get(e)!.has(ligne) && lignesDuNoeud.get(e)!.has(ligne.split('/')[0]) && ligne.includes('/'))) continue;
        const avec = presents.filter((e) => lignesDuNoeud.get(e)!.has(ligne));
        for (const col of colonnes) {
          if (!lecteur.connait(`${parent}|${ligne}|${col}`)) continue;
          lecteur.relation(
            `${parent}|${ligne}|${col}`,
            avec.map((e) => `${e}|${ligne}|${col}`),
          );
        }
      }
    };

    enregistrer('R:53', region, () => true);
    const departement = await lire('demo-departement-35', `/api-resultats-examens/v1/sessions/${session}/examens/${examen}/territoires/departement/35`);
    if (departement) enregistrer('D:35', departement, () => true);
    const communes = [...new Set(etablissements.map((e) => e.code_commune))].sort();
    for (const commune of communes) {
      const chemin = `/api-resultats-examens/v1/sessions/${session}/examens/${examen}/territoires/commune/${commune}`;
      const corps = await lire('demo-departement-35', chemin);
      // Masks are the publication's, not the recipient's: two recipients get the same cells.
      expect(await lire('demo-region-bretagne', chemin)).toEqual(corps);
      if (corps) enregistrer(`C:${commune}`, corps, (c) => c.code_commune === commune);
    }
    for (const { uai } of etablissements) {
      const corps = await lire('demo-departement-35', `/api-resultats-examens/v1/sessions/${session}/examens/${examen}/etablissements/${uai}`);
      if (corps) enregistrer(`E:${uai}`, corps, (c) => c.uai === uai);
    }
    emboiter('R:53', ['D:35']);
    emboiter(
      'D:35',
      communes.map((c) => `C:${c}`),
    );
    for (const commune of communes)
      emboiter(
        `C:${commune}`,
        etablissements.filter((e) => e.code_commune === commune).map((e) => `E:${e.uai}`),
      );
    return lecteur;
  }

  it('sur chaque examen et chaque session', async () => {
    // Every establishment with candidates at some session; any other answers 404 (no candidate: zero).
    const etablissements: Array<{ uai: string; code_commune: string }> = await t
      .db('candidats_examens as c')
      .join('etablissements as e', 'e.uai', 'c.uai')
      .distinct('e.uai', 'e.code_commune')
      .orderBy('e.uai');
    const sessions: number[] = (await t.db('candidats_examens').distinct('session').orderBy('session')).map((s: { session: number }) => s.session);
    const fuites: string[] = [];
    let masquees = 0;
    let cas = 0;
    for (const session of sessions) {
      for (const examen of Object.keys(EXAMENS) as CodeExamen[]) {
        const lecteur = await lecteurExamen(session, examen, etablissements);
        if (!lecteur) continue;
        cas++;
        masquees += lecteur.nombreMasquees;
        fuites.push(...lecteur.incoherences.map((c) => `${session} ${examen} ${c} : publiée ici, masquée là`));
        fuites.push(...decrire(lecteur.attaquer(seuil)).map((f) => `${session} ${examen} ${f}`));
      }
    }
    expect(cas).toBeGreaterThanOrEqual(4);
    expect(masquees).toBeGreaterThan(100);
    expect(fuites).toEqual([]);
  }, 300_000);
});

describe('API école : aucun effectif masqué ne se retrouve en combinant établissements et territoires', () => {
  const PARTITIONS = [
    ['filles', 'garcons'],
    ['boursiers', 'non_boursiers'],
    ['externes', 'demi_pensionnaires', 'internes'],
  ];
  const COLONNES = ['effectif', ...PARTITIONS.flat()];
  const REGIME: Record<string, string> = { '0': 'externes', '2': 'demi_pensionnaires', '3': 'internes' };

  it('effectifs par établissement, niveau et formation, et effectifs constatés des prévisions par commune, département et région', async () => {
    const annee = ((await t.db('scolarites').whereNotNull('uai').max({ a: 'annee_scolaire' }).first()) as { a: string }).a;
    const eleves: Array<{
      uai: string;
      type: string;
      code_commune: string;
      niveau_code: string;
      code_mef_stat: string | null;
      sexe: string;
      est_boursier: unknown;
      regime: string | null;
    }> = await t
      .db('scolarites as s')
      .join('eleves as el', 'el.id', 's.eleve_id')
      .join('etablissements as e', 'e.uai', 's.uai')
      .where('s.annee_scolaire', annee)
      .whereNotNull('s.niveau_code')
      .whereNull('s.date_sortie')
      .select('s.uai', 'e.type', 'e.code_commune', 's.niveau_code', 's.code_mef_stat', 'el.sexe', 's.est_boursier', 's.regime');
    const dansColonne: Record<string, (e: (typeof eleves)[number]) => boolean> = {
      effectif: () => true,
      filles: (e) => e.sexe === 'F',
      garcons: (e) => e.sexe === 'M',
      boursiers: (e) => Boolean(e.est_boursier),
      non_boursiers: (e) => !e.est_boursier,
      externes: (e) => REGIME[e.regime ?? ''] === 'externes',
      demi_pensionnaires: (e) => REGIME[e.regime ?? ''] === 'demi_pensionnaires',
      internes: (e) => REGIME[e.regime ?? ''] === 'internes',
    };
    const compter = (dans: (e: (typeof eleves)[number]) => boolean, colonne: string) => eleves.filter((e) => dans(e) && dansColonne[colonne](e)).length;

    const lecteur = new Lecteur();
    const etablissements = [...new Map(eleves.map((e) => [e.uai, e])).values()].sort((a, b) => a.uai.localeCompare(b.uai));
    /** Which demo recipient sees an establishment's head-counts (commune: écoles, département: collèges, région: lycées). */
    const lecteurDe = (e: { type: string; code_commune: string }) =>
      e.type === 'ecole'
        ? { '35238': 'demo-mairie-rennes', '35288': 'demo-mairie-saint-malo' }[e.code_commune]
        : ({ college: 'demo-departement-35', lycee: 'demo-region-bretagne' } as Record<string, string>)[e.type];
    /** Levels each establishment publishes (a level it does not list has no pupil). */
    const niveauxPublies = new Map<string, Set<string>>();
    let vus = 0;
    for (const e of etablissements) {
      const client = lecteurDe(e);
      const corps = client ? await lire(client, `/api-ecole/v1/etablissements/${e.uai}/effectifs`) : null;
      const deE = (x: (typeof eleves)[number]) => x.uai === e.uai;
      if (!corps) {
        // Unseen by every demo recipient: its levels are unknowns of the territories' relations.
        for (const n of new Set(eleves.filter(deE).map((x) => x.niveau_code))) {
          lecteur.cellule(
            `E:${e.uai}|n:${n}|effectif`,
            { invisible: true },
            compter((x) => deE(x) && x.niveau_code === n, 'effectif'),
          );
        }
        niveauxPublies.set(e.uai, new Set(eleves.filter(deE).map((x) => x.niveau_code)));
        continue;
      }
      vus++;
      const lignes: Array<[string, any, (x: (typeof eleves)[number]) => boolean]> = [['total', corps.total, deE]];
      for (const n of corps.niveaux) {
        lignes.push([`n:${n.code}`, n, (x) => deE(x) && x.niveau_code === n.code]);
        for (const f of n.formations ?? [])
          lignes.push([`n:${n.code}/f:${f.code_mef_stat}`, f, (x) => deE(x) && x.niveau_code === n.code && x.code_mef_stat === f.code_mef_stat]);
      }
      niveauxPublies.set(e.uai, new Set(corps.niveaux.map((n: { code: string }) => n.code)));
      const cle = (ligne: string, colonne: string) => `E:${e.uai}|${ligne}|${colonne}`;
      for (const [ligne, l, dans] of lignes) {
        for (const c of COLONNES) if (l[c]) lecteur.cellule(cle(ligne, c), etat(l[c]), compter(dans, c));
        for (const p of PARTITIONS)
          if (p.every((c) => l[c]))
            lecteur.relation(
              cle(ligne, 'effectif'),
              p.map((c) => cle(ligne, c)),
            );
      }
      for (const c of COLONNES) {
        if (!corps.total[c]) continue;
        lecteur.relation(
          cle('total', c),
          corps.niveaux.map((n: { code: string }) => cle(`n:${n.code}`, c)),
        );
        for (const n of corps.niveaux) {
          if (n.formations)
            lecteur.relation(
              cle(`n:${n.code}`, c),
              n.formations.map((f: { code_mef_stat: string }) => cle(`n:${n.code}/f:${f.code_mef_stat}`, c)),
            );
        }
      }
    }
    expect(vus).toBeGreaterThan(10);

    // Prévisions: each recipient, each territory it may query, each horizon.
    const communes = PERIMETRE_TEST.communes!;
    const demandes: Array<[string, string, string]> = [
      ...['codeRegion=53', 'codeDepartement=35', ...communes.map((c) => `codeCommune=${c}`)].map(
        (q) => ['demo-region-bretagne', q, ''] as [string, string, string],
      ),
      ...['codeDepartement=35', ...communes.map((c) => `codeCommune=${c}`)].map((q) => ['demo-departement-35', q, ''] as [string, string, string]),
      ['demo-mairie-rennes', 'codeCommune=35238', ''],
      ['demo-mairie-saint-malo', 'codeCommune=35288', ''],
    ];
    const projectionsFuitent: string[] = [];
    const territoires = new Map<string, (e: { code_commune: string }) => boolean>();
    let constats = 0;
    for (const [client, requete] of demandes) {
      const [param, code] = requete.split('=');
      const territoire = `${param.replace('code', '').toLowerCase()}:${code}`;
      const dansT = (e: { code_commune: string }) => (param === 'codeCommune' ? e.code_commune === code : true);
      territoires.set(territoire, dansT);
      for (let horizon = 1; horizon <= 5; horizon++) {
        const p = await lire(client, `/api-ecole/v1/previsions?${requete}&horizon=${horizon}`);
        if (!p) continue;
        constats++;
        const cle = (n: string) => `T:${territoire}|n:${n}|effectif`;
        for (const n of p.methode.constat.niveaux)
          lecteur.cellule(
            cle(n.code),
            etat(n.effectif),
            compter((x) => dansT(x) && x.niveau_code === n.code, 'effectif'),
          );
        const niveaux = p.methode.constat.niveaux.map((n: { code: string }) => n.code);
        const total = `T:${territoire}|total[${niveaux.join(',')}]`;
        lecteur.cellule(
          total,
          etat(p.methode.constat.total),
          compter((x) => dansT(x) && niveaux.includes(x.niveau_code), 'effectif'),
        );
        lecteur.relation(total, niveaux.map(cle));
        // A projection computed from a masked count gives it back (taux × effectif, taux published): it is masked too.
        let masqueesAvant = new Set<string>(
          p.methode.constat.niveaux.filter((n: { effectif: Cellule }) => n.effectif.valeur === null).map((n: { code: string }) => n.code),
        );
        for (const an of p.previsions) {
          const nourris = new Set(p.methode.taux.filter((x: { taux: number | null }) => x.taux !== null).map((x: { niveau: string }) => x.niveau));
          const derivees = new Set(PASSAGES.filter((x) => nourris.has(x.niveau) && x.depuis.some((d) => masqueesAvant.has(d))).map((x) => x.niveau));
          for (const n of an.niveaux) {
            if (derivees.has(n.code) && n.effectif.valeur !== null && n.effectif.valeur !== 0)
              projectionsFuitent.push(`${client} ${requete} ${an.annee_scolaire} ${n.code}`);
          }
          masqueesAvant = derivees;
        }
      }
    }
    expect(constats).toBeGreaterThan(20);
    // A territory's level = Σ its establishments' level.
    for (const [territoire, dansT] of territoires) {
      for (const niveau of new Set(eleves.map((e) => e.niveau_code))) {
        const cle = `T:${territoire}|n:${niveau}|effectif`;
        if (!lecteur.connait(cle)) continue;
        const parties = etablissements.filter((e) => dansT(e) && niveauxPublies.get(e.uai)!.has(niveau)).map((e) => `E:${e.uai}|n:${niveau}|effectif`);
        lecteur.relation(cle, parties);
      }
    }

    expect(lecteur.nombreMasquees).toBeGreaterThan(50);
    const fuites = [
      ...lecteur.incoherences.map((c) => `${c} : publiée ici, masquée là`),
      ...decrire(lecteur.attaquer(seuil)),
      ...projectionsFuitent.map((p) => `${p} : projection publiée d'un effectif masqué`),
    ];
    expect(fuites).toEqual([]);
  }, 300_000);
});

/**
 * `npm run bench:journal-liste`: what journaling a whole list costs, old entry against new, in one run.
 *   - old: one entry carrying a hash per person of the list (the list's ids read and hashed first),
 *     then the per-person index (journal_personnes) the data-subject report reads, written later;
 *   - new: one entry naming the list (kind, key, publication, generation, perimeter) and the hashes
 *     of the few persons withheld (here one in a thousand).
 * For N = 1 000 and 30 000 (BENCH_TAILLES=1000,30000): time until the entry is committed (what the
 * first byte waits for), stored entry size, heap held at that moment, peak RSS of the process, and
 * the deferred index work. Each case runs in its own child process (peak RSS is per process) on a
 * fresh database: SQLite, or one created on the PostgreSQL server of DATABASE_URL and dropped.
 */
import { fork } from 'node:child_process';
import { createDb, migrate } from '../../src/db/knex';
import { indexerPersonnes, journaliser, type EntreeAJournaliser } from '../../src/privacy/journal';
import { hacherPersonne } from '../../src/privacy/pseudonyme';
import { nouvelleBase } from '../../test/support/base';

type Variante = 'par-personne' | 'liste';

interface Resultat {
  variante: Variante;
  n: number;
  /** Median over the repetitions, ms: ids in hand → entry committed. */
  ecritureMs: number;
  /** Bytes of the stored journal row (JSON of its columns). */
  tailleOctets: number;
  /** Heap held when the entry is committed, above the heap before the list was read, MB. */
  tasMo: number;
  /** Peak resident set of the whole child process above its RSS before the first case, MB. */
  rssPicMo: number;
  /** Deferred: journal_personnes rows and the time to write them (the old entry only). */
  lignesIndex: number;
  indexMs: number;
}

const CLE = 'cle-bench-journal-liste';
const REPETITIONS = 5;
const Mo = 1024 * 1024;

function entree(): Omit<EntreeAJournaliser, 'personnes'> {
  return {
    requestId: 'bench',
    clientId: 'demo-mairie-rennes',
    siret: '21350238800019',
    api: 'api-mairie',
    operation: 'EnfantsSoumisObligation',
    finalite: 'obligation_scolaire',
    baseLegale: "Code de l'éducation, R131-3",
    scopes: ['mairie:obligation-scolaire'],
    champs: ['adresse', 'date_naissance', 'nom', 'prenoms', 'responsables'],
    resultat: 'communique',
  };
}

/** The list's ids as `idsDeLaListe` returns them: the old path held them all before the first byte. */
function idsDeLaListe(n: number, graine: number): string[] {
  return Array.from({ length: n }, (_, i) => `eleve-${graine}-${String(i).padStart(7, '0')}`);
}

function mediane(valeurs: number[]): number {
  const v = [...valeurs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function cas(variante: Variante, n: number): Promise<Resultat> {
  const base = await nouvelleBase();
  const db = createDb(base.url);
  try {
    await migrate(db);
    gc();
    const rssDepart = process.memoryUsage().rss;
    const durees: number[] = [];
    let tasMo = 0;
    let derniere = 0;
    for (let r = 0; r < REPETITIONS + 1; r++) {
      gc();
      const tasAvant = process.memoryUsage().heapUsed;
      const debut = process.hrtime.bigint();
      let e;
      if (variante === 'par-personne') {
        const ids = idsDeLaListe(n, r);
        e = await journaliser(db, { ...entree(), personnes: ids.map((id) => hacherPersonne(CLE, id)) });
      } else {
        const exclues = idsDeLaListe(Math.ceil(n / 1000), r).map((id) => hacherPersonne(CLE, id));
        e = await journaliser(db, {
          ...entree(),
          personnes: [],
          nombrePersonnes: n - exclues.length,
          liste: { type: 'enfants_soumis_obligation', cle: '35238', date_reference: '2026-11-01', generation: 1, perimetre: 'commune', exclues },
        });
      }
      const ms = Number(process.hrtime.bigint() - debut) / 1e6;
      // The first round warms the code paths up; the heap is read while the request still holds its data.
      if (r === 1) tasMo = (process.memoryUsage().heapUsed - tasAvant) / Mo;
      if (r > 0) durees.push(ms);
      derniere = e.sequence;
    }
    const ligne = await db('journal').where('sequence', derniere).first();
    const debutIndex = process.hrtime.bigint();
    await indexerPersonnes(db);
    const indexMs = Number(process.hrtime.bigint() - debutIndex) / 1e6;
    const lignesIndex = Number((await db('journal_personnes').where('sequence', derniere).count({ n: '*' }).first())?.n ?? 0);
    const rssPicMo = (process.resourceUsage().maxRSS * 1024 - rssDepart) / Mo;
    // The index the writes scheduled in the background must not outlive the database.
    await new Promise((r) => setTimeout(r, 1200));
    await indexerPersonnes(db);
    return {
      variante,
      n,
      ecritureMs: mediane(durees),
      tailleOctets: Buffer.byteLength(JSON.stringify(ligne)),
      tasMo,
      rssPicMo: Math.max(rssPicMo, 0),
      lignesIndex,
      indexMs: indexMs / (REPETITIONS + 1),
    };
  } finally {
    await db.destroy();
    await base.supprimer();
  }
}

function enfant(variante: Variante, n: number): Promise<Resultat> {
  return new Promise((resoudre, rejeter) => {
    const processus = fork(__filename, ['cas', variante, String(n)], { execArgv: [...process.execArgv, '--expose-gc'] });
    processus.once('message', (m) => resoudre(m as Resultat));
    processus.once('error', rejeter);
    processus.once('exit', (code) => code !== 0 && rejeter(new Error(`cas ${variante} ${n} : code ${code}`)));
  });
}

const f = (x: number, d = 1) => x.toFixed(d);

async function principal(): Promise<void> {
  const tailles = (process.env.BENCH_TAILLES ?? '1000,30000').split(',').map(Number);
  const moteur = /^postgres/.test(process.env.DATABASE_URL ?? '') ? 'PostgreSQL' : 'SQLite';
  console.log(`Journal d'une liste entière (${moteur}, médiane de ${REPETITIONS} écritures, une entrée à la fois)`);
  console.log('N       | entrée        | écriture ms | taille entrée | tas retenu Mo | pic RSS Mo | index différé (lignes, ms)');
  for (const n of tailles) {
    const ancien = await enfant('par-personne', n);
    const nouveau = await enfant('liste', n);
    for (const r of [ancien, nouveau]) {
      console.log(
        [
          String(n).padEnd(7),
          r.variante.padEnd(13),
          f(r.ecritureMs, 2).padStart(11),
          `${r.tailleOctets} o`.padStart(13),
          f(r.tasMo, 2).padStart(13),
          f(r.rssPicMo).padStart(10),
          `${r.lignesIndex}, ${f(r.indexMs, 0)}`,
        ].join(' | '),
      );
    }
    console.log(
      `  ratio ancien/nouveau à N=${n} : écriture ×${f(ancien.ecritureMs / nouveau.ecritureMs)}, taille ×${f(ancien.tailleOctets / nouveau.tailleOctets)}, ` +
        `tas ×${f(ancien.tasMo / Math.max(nouveau.tasMo, 0.01))}, pic RSS +${f(ancien.rssPicMo - nouveau.rssPicMo)} Mo`,
    );
  }
}

if (process.argv[2] === 'cas') {
  cas(process.argv[3] as Variante, Number(process.argv[4])).then(
    (r) => process.send!(r, () => process.exit(0)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  principal().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

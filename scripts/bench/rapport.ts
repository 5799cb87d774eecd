import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RACINE } from '../../src/racine';

export interface Mesure {
  nom: string;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  /** Responses other than the expected status, socket errors and timeouts. */
  inattendus: number;
  statuts: Record<string, number>;
  /** Ratio of requests/s to the baseline of the same run (mean of its measures at the start and the end). */
  ratio: number;
  /** Ratio of the CPU time per response to the baseline's: how much heavier than bare express, whatever the machine's load. */
  ratioCpu?: number;
  /** 1-minute load average when the scenario started. */
  charge: number;
  /** The server's CPU time per response (all its processes), in µs. */
  cpuUs?: number;
}

export interface MesureListe {
  /** `json`: pages of 1 000 following Link; `ndjson` and `csv`: the whole list in one streamed response. */
  format: 'json' | 'ndjson' | 'csv';
  ms: number;
  octets: number;
  pages: number;
  enfants: number;
  charge: number;
}

export interface MesureMemoire {
  cible: number;
  enfants: number;
  rssAvantMo: number;
  picAvantMo: number;
  picApresMo: number;
  rssApresMo: number;
  /** The whole list as NDJSON. */
  jsonMs: number;
  csvMs: number;
}

const LIBELLE_LISTE: Record<MesureListe['format'], string> = { json: 'JSON, pages de 1 000 (Link)', ndjson: 'NDJSON, une réponse', csv: 'CSV, une réponse' };

export interface Rapport {
  date: Date;
  /** `SQLite` or `PostgreSQL <version>`. */
  moteur: string;
  workers: number;
  connexions: number;
  dureeS: number;
  limite: string;
  semisS: number;
  requetes: Mesure[];
  listes: MesureListe[];
  memoires: MesureMemoire[];
}

const FICHIER_RAPPORT = path.join(RACINE, 'docs', 'benchmarks.md');

/** One generated part per engine and process model, so a PostgreSQL run keeps the SQLite figures. */
function configuration(r: Rapport): string {
  return `${r.moteur.split(' ')[0]}, WORKERS=${r.workers}`;
}
const debut = (r: Rapport) => `<!-- npm run bench (${configuration(r)}) : début de la partie générée -->`;
const fin = (r: Rapport) => `<!-- npm run bench (${configuration(r)}) : fin de la partie générée -->`;

const nombre = (n: number, decimales = 0) => n.toLocaleString('fr-FR', { minimumFractionDigits: decimales, maximumFractionDigits: decimales });
const ok = (atteint: boolean) => (atteint ? '✅ atteinte' : '❌ manquée');

function cibles(r: Rapport): string[] {
  const par = (debut: string) => r.requetes.find((m) => m.nom.startsWith(debut))!;
  const statut = par('API scolarité');
  const revalidation = par('API mairie');
  const jetons = par('émission');
  const [petite, grande] = r.memoires;
  const croissance = grande.picApresMo - petite.picApresMo;
  const lignes = [
    '| Cible (issues 9 et 16) | Mesure | Verdict |',
    '|---|---|---|',
    `| statut scolarité ≥ 50 % de la référence et p99 ≤ 25 ms à ${r.connexions} connexions | ${nombre(statut.ratio * 100)} % ; p99 ${statut.p99} ms | ${ok(statut.ratio >= 0.5 && statut.p99 <= 25)} |`,
    `| revalidation 304 ≥ 80 % de la référence | ${nombre(revalidation.ratio * 100)} % | ${ok(revalidation.ratio >= 0.8)} |`,
  ];
  for (const l of r.listes.filter((x) => x.format !== 'json')) {
    lignes.push(
      `| liste de Rennes (${LIBELLE_LISTE[l.format]}, ${nombre(l.enfants)} enfants) : dernier octet ≤ 1 s | ${nombre(l.ms)} ms | ${ok(l.ms <= 1000)} |`,
    );
  }
  lignes.push(
    `| pic de RSS : croissance < 50 Mo entre ${nombre(petite.enfants)} et ${nombre(grande.enfants)} enfants | ${croissance >= 0 ? '+' : ''}${nombre(croissance, 1)} Mo | ${ok(croissance < 50)} |`,
    `| ≥ 500 jetons/s, secrets hachés (scrypt N=2^15) | ${nombre(jetons.rps)} jetons/s | ${ok(jetons.rps >= 500)} |`,
  );
  return lignes;
}

function partieGeneree(r: Rapport): string {
  const memoireTotale = os.totalmem() / 1024 ** 3;
  const lignes = [
    debut(r),
    `### ${r.moteur}, WORKERS=${r.workers}`,
    '',
    `Mesuré le ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC par \`${r.moteur === 'SQLite' ? '' : 'DATABASE_URL=postgres://… '}${r.workers === 1 ? '' : `WORKERS=${r.workers} `}npm run bench\` (${r.dureeS} s par scénario, ${r.connexions} connexions).`,
    '',
    `- Machine : ${os.cpus().length} cœurs (${os.cpus()[0]?.model.trim() ?? 'inconnu'}), ${nombre(memoireTotale, 1)} Go de mémoire, ${os.type()} ${os.release()}`,
    `- Node ${process.version} ; générateur de charge autocannon dans le processus du banc (il partage les cœurs avec le serveur mesuré).`,
    `- Passerelle : \`node dist/src/server.js\` (WORKERS=${r.workers}), base ${r.moteur} temporaire${r.moteur === 'SQLite' ? '' : ' (créée sur le serveur de DATABASE_URL, supprimée à la fin)'} semée au premier démarrage (démonstration, Ille-et-Vilaine) en ${nombre(r.semisS, 1)} s ;`,
    `  limite par habilitation relevée pour le banc : \`LIMITE_REQUETES_PAR_SECONDE=${r.limite}\` (20/s en production : sinon on mesurerait des 429).`,
    `- Référence : \`node dist/scripts/bench/bonjour.js\`, express 4 nu, même modèle de processus (WORKERS=${r.workers}).`,
    '',
    '#### Requêtes',
    '',
    '| Scénario | req/s | p50 (ms) | p99 (ms) | ratio / référence | CPU serveur par réponse | CPU / référence | réponses | charge (1 min) |',
    '|---|---:|---:|---:|---:|---:|---:|---|---:|',
    ...r.requetes.map(
      (m) =>
        `| ${m.nom} | ${nombre(m.rps)} | ${m.p50} | ${m.p99} | ${nombre(m.ratio * 100)} % | ${m.cpuUs === undefined ? '–' : `${nombre(m.cpuUs)} µs`} | ${m.ratioCpu === undefined || Number.isNaN(m.ratioCpu) ? '–' : `× ${nombre(m.ratioCpu, 1)}`} | ${Object.entries(
          m.statuts,
        )
          .map(([c, n]) => `${c} × ${nombre(n)}`)
          .join(', ')}${m.inattendus ? ` (${nombre(m.inattendus)} inattendues)` : ''} | ${nombre(m.charge, 2)} |`,
    ),
    '',
    `Le ratio compare les req/s à la moyenne des deux mesures de la référence (début et fin du lancement). Le CPU par réponse est le temps CPU (utilisateur + système) de tous les processus du serveur mesuré, divisé par le nombre de réponses : il dépend peu de la charge de la machine, contrairement aux req/s.${r.moteur === 'SQLite' ? '' : ' Celui des processus de PostgreSQL, sur la même machine, n’y est pas compté.'}`,
    '',
    '#### Liste complète de Rennes (base de démonstration)',
    '',
    '| Format | Enfants | Réponses | Taille | Dernier octet (médiane) | charge (1 min) |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.listes.map(
      (l) =>
        `| ${LIBELLE_LISTE[l.format]} | ${nombre(l.enfants)} | ${l.pages} | ${nombre(l.octets / 1e6, 1)} Mo | ${nombre(l.ms)} ms | ${nombre(l.charge, 2)} |`,
    ),
    '',
    `#### Mémoire de la passerelle pendant les téléchargements (WORKERS=1, base ${r.moteur} ne contenant que Rennes)`,
    '',
    '| Enfants de la liste | RSS après une 1re lecture | Pic (VmHWM) après NDJSON + CSV complets | NDJSON complet | CSV |',
    '|---:|---:|---:|---:|---:|',
    ...r.memoires.map(
      (m) => `| ${nombre(m.enfants)} | ${nombre(m.rssAvantMo)} Mo | ${nombre(m.picApresMo)} Mo | ${nombre(m.jsonMs)} ms | ${nombre(m.csvMs)} ms |`,
    ),
    '',
    '#### Cibles',
    '',
    ...cibles(r),
    fin(r),
  ];
  return lignes.join('\n');
}

/** Rewrites the generated part of docs/benchmarks.md, keeping the hand-written analysis around it. */
export function ecrireRapport(r: Rapport, fichier = FICHIER_RAPPORT): string {
  const genere = partieGeneree(r);
  const actuel = fs.existsSync(fichier) ? fs.readFileSync(fichier, 'utf8') : '# Mesures de performance\n';
  const a = actuel.indexOf(debut(r));
  const b = actuel.indexOf(fin(r));
  const contenu = a >= 0 && b > a ? actuel.slice(0, a) + genere + actuel.slice(b + fin(r).length) : `${actuel.trimEnd()}\n\n${genere}\n`;
  fs.mkdirSync(path.dirname(fichier), { recursive: true });
  fs.writeFileSync(fichier, contenu);
  console.log('\n' + cibles(r).join('\n'));
  return fichier;
}

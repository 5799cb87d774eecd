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
  /** Ratio of requests/s to the baseline of the same run. */
  ratio: number;
  /** 1-minute load average when the scenario started. */
  charge: number;
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
const DEBUT = '<!-- npm run bench : début de la partie générée -->';
const FIN = '<!-- npm run bench : fin de la partie générée -->';

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
    '| Cible (issue 9) | Mesure | Verdict |',
    '|---|---|---|',
    `| statut scolarité ≥ 50 % de la référence et p99 ≤ 25 ms à ${r.connexions} connexions | ${nombre(statut.ratio * 100)} % ; p99 ${statut.p99} ms | ${ok(statut.ratio >= 0.5 && statut.p99 <= 25)} |`,
    `| revalidation 304 ≥ 80 % de la référence | ${nombre(revalidation.ratio * 100)} % | ${ok(revalidation.ratio >= 0.8)} |`,
  ];
  for (const l of r.listes.filter((x) => x.format !== 'json')) {
    lignes.push(`| liste de Rennes (${LIBELLE_LISTE[l.format]}, ${nombre(l.enfants)} enfants) : dernier octet ≤ 1 s | ${nombre(l.ms)} ms | ${ok(l.ms <= 1000)} |`);
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
    DEBUT,
    `Mesuré le ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC par \`npm run bench\` (${r.dureeS} s par scénario, ${r.connexions} connexions).`,
    '',
    `- Machine : ${os.cpus().length} cœurs (${os.cpus()[0]?.model.trim() ?? 'inconnu'}), ${nombre(memoireTotale, 1)} Go de mémoire, ${os.type()} ${os.release()}`,
    `- Node ${process.version} ; générateur de charge autocannon dans le processus du banc (il partage les cœurs avec le serveur mesuré).`,
    `- Passerelle : \`node dist/src/server.js\` (WORKERS=${r.workers}), base SQLite temporaire semée au premier démarrage (démonstration, Ille-et-Vilaine) en ${nombre(r.semisS, 1)} s ;`,
    `  limite par habilitation relevée pour le banc : \`LIMITE_REQUETES_PAR_SECONDE=${r.limite}\` (20/s en production : sinon on mesurerait des 429).`,
    `- Référence : \`node dist/scripts/bench/bonjour.js\`, express 4 nu, même modèle de processus (WORKERS=${r.workers}).`,
    '',
    '### Requêtes',
    '',
    '| Scénario | req/s | p50 (ms) | p99 (ms) | ratio / référence | réponses | charge (1 min) |',
    '|---|---:|---:|---:|---:|---|---:|',
    ...r.requetes.map(
      (m) =>
        `| ${m.nom} | ${nombre(m.rps)} | ${m.p50} | ${m.p99} | ${nombre(m.ratio * 100)} % | ${Object.entries(m.statuts).map(([c, n]) => `${c} × ${nombre(n)}`).join(', ')}${m.inattendus ? ` (${nombre(m.inattendus)} inattendues)` : ''} | ${nombre(m.charge, 2)} |`,
    ),
    '',
    '### Liste complète de Rennes (base de démonstration)',
    '',
    '| Format | Enfants | Réponses | Taille | Dernier octet (médiane) | charge (1 min) |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.listes.map((l) => `| ${LIBELLE_LISTE[l.format]} | ${nombre(l.enfants)} | ${l.pages} | ${nombre(l.octets / 1e6, 1)} Mo | ${nombre(l.ms)} ms | ${nombre(l.charge, 2)} |`),
    '',
    '### Mémoire de la passerelle pendant les téléchargements (WORKERS=1, base ne contenant que Rennes)',
    '',
    '| Enfants de la liste | RSS après une 1re lecture | Pic (VmHWM) après NDJSON + CSV complets | NDJSON complet | CSV |',
    '|---:|---:|---:|---:|---:|',
    ...r.memoires.map((m) => `| ${nombre(m.enfants)} | ${nombre(m.rssAvantMo)} Mo | ${nombre(m.picApresMo)} Mo | ${nombre(m.jsonMs)} ms | ${nombre(m.csvMs)} ms |`),
    '',
    '### Cibles',
    '',
    ...cibles(r),
    FIN,
  ];
  return lignes.join('\n');
}

/** Rewrites the generated part of docs/benchmarks.md, keeping the hand-written analysis around it. */
export function ecrireRapport(r: Rapport, fichier = FICHIER_RAPPORT): string {
  const genere = partieGeneree(r);
  const actuel = fs.existsSync(fichier) ? fs.readFileSync(fichier, 'utf8') : `# Mesures de performance\n\n${DEBUT}\n${FIN}\n`;
  const debut = actuel.indexOf(DEBUT);
  const fin = actuel.indexOf(FIN);
  const contenu = debut >= 0 && fin > debut ? actuel.slice(0, debut) + genere + actuel.slice(fin + FIN.length) : `${actuel.trimEnd()}\n\n${genere}\n`;
  fs.mkdirSync(path.dirname(fichier), { recursive: true });
  fs.writeFileSync(fichier, contenu);
  console.log('\n' + cibles(r).join('\n'));
  return fichier;
}

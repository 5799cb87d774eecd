import { LIBELLE_NATURE } from '../registry/groupements';
import { documentHtml, echapper } from '../catalogue/page';
import finalites from '../registry/data/finalites.json';
import scopes from '../registry/data/scopes.json';
import traitements from '../registry/data/traitements.json';
import type { DemandeHabilitation, EtapeDemande } from './demandes';

/** The page of one request, for its recipient and the operators: state, what comes next, the request, its history. No script. */

const NOM_TRAITEMENT = new Map(traitements.map((t) => [t.code, t.nom]));
const LIBELLE_FINALITE = new Map(finalites.map((f) => [f.code, f.libelle]));
const LIBELLE_SCOPE = new Map(scopes.map((s) => [s.code, s.libelle]));

const INSTANT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const JOUR = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

const instant = (iso: string): string => INSTANT.format(new Date(iso));
const jour = (j: string): string => JOUR.format(new Date(`${j}T00:00:00Z`));

const TERRITOIRE = { commune: 'commune', groupement: 'groupement', departement: 'département', region: 'région', national: 'national' } as const;

const LIBELLE_TRANSITION: Record<string, string> = {
  brouillon: 'Brouillon créé',
  soumise: 'Soumise',
  modifications_demandees: 'Modifications demandées',
  validee: 'Validée',
  refusee: 'Refusée',
  revoquee: 'Révoquée',
  obsolete: 'Remplacée par une version plus récente',
  retiree: 'Retirée',
};

const STYLE = `
  .fil { color: #555; margin-bottom: 0; }
  .statut { display: inline-block; font-weight: 700; padding: .3rem .8rem; border-radius: 1rem; background: #eee; }
  .statut-brouillon { background: #eee; } .statut-soumise { background: #e8edff; color: #000091; }
  .statut-modifications_demandees { background: #fff1d6; color: #714400; } .statut-validee { background: #dffee6; color: #18753c; }
  .statut-refusee, .statut-revoquee { background: #ffe9e9; color: #ce0500; } .statut-expiree, .statut-obsolete, .statut-retiree { background: #eee; color: #3a3a3a; }
  .motif { border-left: 4px solid #714400; background: #fff9ed; margin: 1rem 0; padding: .5rem 1rem; }
  ol.historique { padding-left: 1.2rem; } ol.historique li { margin-bottom: .6rem; }
  footer { border-top: 1px solid #ddd; margin-top: 2rem; padding-top: .5rem; }
`;

function qui(d: DemandeHabilitation, par: EtapeDemande['par'] | null, clientId?: string): string {
  if (par === 'ministere') return 'les opérateurs du ministère';
  if (par === 'destinataire') return `${echapper(d.destinataire.nom)}${clientId ? ` (client <code>${echapper(clientId)}</code>)` : ''}`;
  return 'personne : la demande est close';
}

function etape(d: DemandeHabilitation, e: EtapeDemande): string {
  const quoi = e.de === e.vers ? 'Demande modifiée' : (LIBELLE_TRANSITION[e.vers] ?? e.vers);
  const motif = e.motif ? `<br><span class="motif-etape">${echapper(e.motif)}</span>` : '';
  return `<li data-vers="${echapper(e.vers)}"><time datetime="${echapper(e.le)}">${echapper(instant(e.le))}</time> — <strong>${echapper(quoi)}</strong>, par ${qui(d, e.par, e.client_id)}${motif}</li>`;
}

function ligne(terme: string, valeur: string | null): string {
  return valeur === null ? '' : `<dt>${terme}</dt><dd>${valeur}</dd>`;
}

export function pageDemande(d: DemandeHabilitation, lien: { expire_le: string }): string {
  const suite = d.prochaine_etape;
  const motif =
    d.motif && ['modifications_demandees', 'refusee', 'revoquee', 'retiree', 'obsolete'].includes(d.statut)
      ? `<div class="motif" id="motif"><strong>Motif :</strong> ${echapper(d.motif)}</div>`
      : '';
  const base = d.base_legale_url
    ? `<a href="${echapper(d.base_legale_url)}">${echapper(d.base_legale_texte ?? d.base_legale_url)}</a>`
    : echapper(d.base_legale_texte);
  const communes = d.territoire.communes
    ? ` — communes membres : <span id="communes-membres">${d.territoire.communes.map((c) => `${echapper(c.nom)} (${echapper(c.code_commune)})`).join(', ')}</span>`
    : '';
  const nature = d.territoire.nature ? ` (${echapper(LIBELLE_NATURE[d.territoire.nature])})` : '';
  const territoire = `${TERRITOIRE[d.territoire.niveau]}${d.territoire.code ? ` ${echapper(d.territoire.code)}` : ''}${nature}${communes}`;
  const dpo = [d.dpo.nom, d.dpo.courriel]
    .filter(Boolean)
    .map((v) => echapper(v))
    .join(', ');
  const conservation =
    d.duree_conservation_mois === null
      ? null
      : `${echapper(d.duree_conservation_mois)} mois${d.justification_conservation ? ` — ${echapper(d.justification_conservation)}` : ''}`;
  const corps = `<p class="fil">Passerelle APIsation · Demande d’habilitation</p>
<h1>${echapper(d.intitule)}</h1>
<p class="statut statut-${echapper(d.statut)}" id="statut" data-statut="${echapper(d.statut)}">${echapper(d.libelle_statut)}</p>
<section id="suite">
<h2>Ce qui est attendu maintenant</h2>
<p>À faire par <strong id="par">${qui(d, suite.par)}</strong>.</p>
<p id="action">${echapper(suite.action)}</p>
${motif}
</section>
<section id="demande">
<h2>La demande</h2>
<dl>
${ligne('Destinataire', `${echapper(d.destinataire.nom)} (SIRET ${echapper(d.destinataire.siret)})`)}
${ligne('Traitement', `${echapper(NOM_TRAITEMENT.get(d.traitement) ?? d.traitement)} (<code>${echapper(d.traitement)}</code>)`)}
${ligne('Finalité', `${echapper(LIBELLE_FINALITE.get(d.finalite) ?? d.finalite)} (<code>${echapper(d.finalite)}</code>)`)}
${ligne('Scopes', `<ul>${d.scopes.map((s) => `<li><code>${echapper(s)}</code> — ${echapper(LIBELLE_SCOPE.get(s) ?? '')}</li>`).join('')}</ul>`)}
${ligne('Territoire', territoire)}
${ligne('Description', d.description === null ? null : echapper(d.description))}
${ligne('Base légale', base)}
${ligne('Responsable du traitement', d.responsable_traitement === null ? null : echapper(d.responsable_traitement))}
${ligne('DPO', dpo || null)}
${ligne('Conservation', conservation)}
${ligne('Volume attendu', d.volume_attendu === null ? null : `${echapper(d.volume_attendu)} requêtes par minute`)}
${ligne('Convention', d.convention_reference === null ? null : `<code>${echapper(d.convention_reference)}</code>`)}
${ligne('Période', `du ${echapper(jour(d.date_debut))} au ${echapper(jour(d.date_fin_effective))}`)}
${ligne('Version', echapper(d.version))}
</dl>
</section>
<section id="historique">
<h2>Historique</h2>
<ol class="historique">${d.historique.map((e) => etape(d, e)).join('')}</ol>
</section>
<footer><small>Page ouverte par un lien de consultation valable jusqu’au ${echapper(instant(lien.expire_le))} : il n’ouvre que cette page, en lecture.
Ne le transmettez qu’aux personnes qui suivent la demande. Référence <code>${echapper(d.id)}</code>.</small></footer>`;
  return documentHtml({
    titre: `Demande d’habilitation — ${d.libelle_statut}`,
    corps,
    style: STYLE,
    enTete: '<meta name="robots" content="noindex, nofollow">\n<meta name="referrer" content="no-referrer">\n',
  });
}

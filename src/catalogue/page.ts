import type { ApiCatalogue, ScopeCatalogue } from './catalogue';
import categories from '../registry/data/categories.json';
import finalites from '../registry/data/finalites.json';

/** Same data as the JSON catalogue, for a reader in a browser: no script, so the Content-Security-Policy holds. */

/** Every value written into a page goes through here. */
export const echapper = (texte: string | number | null | undefined): string =>
  String(texte ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LIBELLE_CATEGORIE = new Map(categories.map((c) => [c.code, c.libelle]));
const LIBELLE_FINALITE = new Map((finalites as Array<{ code: string; libelle?: string }>).map((f) => [f.code, f.libelle ?? f.code]));

const TERRITOIRE: Record<string, string> = {
  commune: 'sa commune',
  groupement: 'les communes membres de son groupement',
  departement: 'son département',
  region: 'sa région',
  national: 'tout le territoire',
};

const STATUT: Record<string, string> = { beta: 'bêta (ouverte, contrat encore susceptible d’évoluer)', production: 'en production', depreciee: 'dépréciée' };

/** Swagger UI groups operations by tag; the tags are the APIs' titles. */
const ancreDocs = (api: ApiCatalogue): string => `/docs/#/${encodeURIComponent(api.titre)}`;

function scope(s: ScopeCatalogue): string {
  const destinataires =
    s.destinataires.length === 0
      ? '<li>Aucune catégorie de destinataire (réservé aux opérateurs)</li>'
      : s.destinataires
          .map(
            (d) =>
              `<li><strong>${echapper(LIBELLE_CATEGORIE.get(d.categorie) ?? d.categorie)}</strong>, pour la finalité « ${echapper(LIBELLE_FINALITE.get(d.finalite) ?? d.finalite)} », sur ${echapper(TERRITOIRE[d.territoire] ?? d.territoire)}<br><small>${echapper(d.base_legale)}</small></li>`,
          )
          .join('');
  return `<tr id="${echapper(s.code)}">
      <td><code>${echapper(s.code)}</code></td>
      <td><strong>${echapper(s.libelle)}</strong><br>${echapper(s.description)}</td>
      <td>${s.champs.map((c) => `<code>${echapper(c)}</code>`).join(' ')}</td>
      <td><ul>${destinataires}</ul></td>
    </tr>`;
}

function api(a: ApiCatalogue): string {
  const t = a.traitement;
  const base = t.base_legale_url ? `<a href="${echapper(t.base_legale_url)}">${echapper(t.base_legale)}</a>` : echapper(t.base_legale);
  return `<section id="${echapper(a.id)}">
    <h2>${echapper(a.titre)} <small>v${echapper(a.version)}</small></h2>
    <p>${echapper(a.description)}</p>
    <dl>
      <dt>Statut</dt><dd>${echapper(STATUT[a.statut] ?? a.statut)}</dd>
      <dt>Adresse</dt><dd><code>${echapper(a.chemin_base)}</code> — <a href="${ancreDocs(a)}">essayer dans la documentation interactive</a></dd>
      <dt>Direction responsable</dt><dd>${echapper(a.direction_responsable)}</dd>
      <dt>Traitement</dt><dd>${echapper(t.nom)} (${echapper(t.code)}), responsable : ${echapper(t.responsable_traitement)}</dd>
      <dt>Base légale</dt><dd>${base}</dd>
      <dt>Conservation</dt><dd>${echapper(t.duree_conservation_mois)} mois</dd>
    </dl>
    <table>
      <thead><tr><th>Scope</th><th>Ce qu’il ouvre</th><th>Champs révélés</th><th>Qui peut l’obtenir</th></tr></thead>
      <tbody>${a.scopes.map(scope).join('')}</tbody>
    </table>
  </section>`;
}

/**
 * The one layout of the gateway's server-rendered pages: `titre` and `style` are trusted text
 * from the code, `corps` is HTML whose values were escaped by the caller.
 */
export function documentHtml(d: { titre: string; corps: string; style?: string; enTete?: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${d.enTete ?? ''}<title>${echapper(d.titre)} — Passerelle APIsation</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #161616; line-height: 1.45; }
  h1 { color: #000091; } h2 { color: #000091; border-top: 2px solid #000091; padding-top: 1rem; }
  dl { display: grid; grid-template-columns: 12rem 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; } th, td { border: 1px solid #ddd; padding: .5rem; vertical-align: top; text-align: left; }
  th { background: #f5f5fe; } ul { margin: 0; padding-left: 1.1rem; } code { background: #f6f6f6; padding: 0 .2rem; } small { color: #555; }
${d.style ?? ''}</style>
</head>
<body>
${d.corps}
</body>
</html>
`;
}

export function pageCatalogue(apis: ApiCatalogue[]): string {
  return documentHtml({
    titre: 'Catalogue des API',
    corps: `<h1>Catalogue des API de l’Éducation nationale</h1>
<p>Chaque API, les scopes OAuth2 qui l’ouvrent, les champs que chacun révèle, le traitement et sa base légale, et qui peut les obtenir.
Un scope n’est accordé qu’à un destinataire habilité pour une finalité, sur son territoire.
Version lisible par programme : la même adresse avec <code>Accept: application/json</code>.
Documentation interactive : <a href="/docs">/docs</a> ; contrat : <a href="/openapi.json">/openapi.json</a> ; erreurs : <a href="/problemes">/problemes</a>.</p>
<nav><ul>${apis.map((a) => `<li><a href="#${echapper(a.id)}">${echapper(a.titre)}</a></li>`).join('')}</ul></nav>
${apis.map(api).join('\n')}`,
  });
}

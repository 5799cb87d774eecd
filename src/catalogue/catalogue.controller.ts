import { Controller, Get, Produces, Request, Response, Route, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { construireCatalogue, type ApiCatalogue } from './catalogue';
import { pageCatalogue } from './page';

export interface Catalogue {
  apis: ApiCatalogue[];
}

@Route('catalogue')
@Tags('Catalogue')
export class CatalogueController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Les API de la passerelle, leurs scopes, les champs que chaque scope révèle, le traitement
   * et sa base légale, et les catégories de destinataires qui peuvent obtenir chaque scope.
   * Public : aucune authentification. Un navigateur (`Accept: text/html`) reçoit la même chose en page lisible.
   * @summary Catalogue des API, scopes et bases légales
   */
  @Get()
  @Produces('application/json')
  @Produces('text/html')
  @Response<ProblemeHttp>(400, "Jeton transmis dans l'URL (access_token) : refusé")
  @Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
  @Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
  public async catalogue(@Request() req: ExpressRequest): Promise<Catalogue> {
    const apis = await construireCatalogue(this.ctx.db);
    // Content negotiation: a browser asking for HTML gets the readable page; the JSON contract is unchanged.
    const res = req.res!;
    res.vary('Accept');
    if (req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.type('html').send(pageCatalogue(apis));
    }
    return { apis };
  }
}

import { Controller, Get, Request, Route, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
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
   * Public : aucune authentification.
   */
  @Get()
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

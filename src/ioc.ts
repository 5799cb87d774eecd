import type { IocContainer, IocContainerFactory } from '@tsoa/runtime';
import type { Request } from 'express';
import type { Contexte } from './contexte';

type Constructeur = new (ctx: Contexte) => unknown;

/** tsoa builds each controller with the app's context, so several apps (tests) never share state. */
export const iocContainer: IocContainerFactory = (request: unknown): IocContainer => {
  const contexte = (request as Request).app.locals.contexte as Contexte;
  return { get: ((Controleur: Constructeur) => new Controleur(contexte)) as IocContainer['get'] };
};

declare global {
  namespace Express {
    interface Request {
      /** Set by tsoa's expressAuthentication: a Principal on @Security routes. */
      user?: unknown;
    }
  }
}
export {};

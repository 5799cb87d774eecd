/**
 * The benchmark's baseline: a bare express 4 "hello" route, in the gateway's process model
 * (WORKERS processes sharing the port through node:cluster, one per core by default).
 *   PORT=3100 WORKERS=2 node dist/scripts/bench/bonjour.js
 */
import cluster from 'node:cluster';
import os from 'node:os';
import express from 'express';

const workers = Number(process.env.WORKERS || os.availableParallelism());
const port = Number(process.env.PORT || 3100);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const app = express();
  app.disable('x-powered-by');
  app.get('/bonjour', (_req, res) => {
    res.json({ bonjour: 'le monde' });
  });
  const serveur = app.listen(port);
  process.on('SIGTERM', () => serveur.close(() => process.exit(0)));
}

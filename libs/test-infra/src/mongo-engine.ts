import mongoose from 'mongoose';
import { reportSkip } from './skip-notice';

/**
 * Which server answers at a MongoDB URL, from its `buildInfo`: FerretDB adds `ferretdbVersion`
 * to the answer (and reports a MongoDB version it imitates), MongoDB does not. Used so a run
 * names the engine a suite really ran on.
 */
export interface MongoEngine {
  readonly name: 'FerretDB' | 'MongoDB';
  readonly version: string;
}

export const mongoEngineAt = async (url: string): Promise<MongoEngine> => {
  const connection = await mongoose
    .createConnection(url, { serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  try {
    const db = connection.db;
    if (!db) throw new Error(`no database handle for ${url}`);
    const info = await db.admin().command({ buildInfo: 1 });
    const ferretdb = info['ferretdbVersion'];
    return typeof ferretdb === 'string'
      ? { name: 'FerretDB', version: ferretdb.replace(/^v/, '') }
      : { name: 'MongoDB', version: String(info['version']) };
  } finally {
    await connection.close();
  }
};

/**
 * Says which engine `what` ran on. On FerretDB the line joins the run's list of what was not
 * verified (MongoDB itself was not); on MongoDB it is printed only.
 */
export const reportMongoEngine = async (what: string, url: string): Promise<MongoEngine> => {
  const engine = await mongoEngineAt(url);
  if (engine.name === 'FerretDB') {
    reportSkip(
      `mongodb: ${what} ran on FerretDB ${engine.version} (MongoDB wire protocol); MongoDB itself not verified here`,
    );
  } else {
    process.stderr.write(`mongodb: ${what} ran on MongoDB ${engine.version}\n`);
  }
  return engine;
};

/**
 * The read store port is the common ground of MongoDB and FerretDB 1.x (1.24.2, on PostgreSQL):
 * a query or update form that FerretDB lacks, ignores or answers differently from MongoDB is
 * refused by every adapter, before anything runs, with this error saying which and why.
 */
export const outsideThePort = (form: string, why: string): Error =>
  new Error(`${form} is not part of the read-store port (${why})`);

/** One schema step: the same change written for each database. Never edit a released one. */
export type Migration = {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
};

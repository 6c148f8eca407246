import { getDb } from "../../db/connection.server";

/** A real round trip to the database: true when it answered. */
export function databaseAnswers(): Promise<boolean> {
  return getDb().ping();
}

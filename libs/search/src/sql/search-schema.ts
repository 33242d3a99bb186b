/**
 * The search read model's tables and functions, named after the configured schema. Both
 * adapters (PostgreSQL and PGlite) run exactly these statements.
 *
 * - `contacts`: one row per conversation (the client's name, username, tags, last activity),
 *   with `profile`, the name, username and tags lower-cased and unaccented, under a trigram index
 *   (pg_trgm) for parts of names and misspellings, and each of them so normalized (`*_norm`).
 * - `messages`: one row per message timeline item: its text and translation, each with a
 *   `tsvector` of the words stemmed in its language (russian, english, spanish; else simple)
 *   and as written (simple), so a word in any form or language finds it; a GIN index on each.
 * - `progress`: the log position a catch-up from the event log reached (`catchUpSearchIndex`).
 *
 * Every key starts with the workspace. Each group of fields keeps the log position it was last
 * written at (`*_position`): an operation older than that changes nothing (replays, redeliveries).
 */
export const DEFAULT_SEARCH_SCHEMA = 'search';

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export const assertSearchSchema = (schema: string): string => {
  if (!SCHEMA_PATTERN.test(schema)) {
    throw new Error(
      `search schema "${schema}" must be lower-case letters, digits and '_' (at most 63)`,
    );
  }
  return schema;
};

/** Schema-qualified names; the schema is validated before use. */
export const searchNames = (schema: string) => {
  const s = `"${assertSearchSchema(schema)}"`;
  return {
    contacts: `${s}.contacts`,
    messages: `${s}.messages`,
    /** One row: the log position the index was caught up through. */
    progress: `${s}.progress`,
    /** `norm(text)`: lower-cased, accents removed (what names, tags and words are compared as). */
    norm: `${s}.norm`,
    /** `profile_of(name, username, tags)`: what the trigram index of a contact holds. */
    profileOf: `${s}.profile_of`,
    /** `tag_norms(tags)`: each tag as names are compared. */
    tagNorms: `${s}.tag_norms`,
    /** `text_config(language)`: the text search configuration of a language code. */
    textConfig: `${s}.text_config`,
    /** `words(language, text)`: the text's words, stemmed in its language and as written. */
    words: `${s}.words`,
    /** `query_words(query)`: the query's words in every configuration, any of them matching. */
    queryWords: `${s}.query_words`,
    /** `query_norm(query)`: the query as names are compared (normalized, without a leading '@'). */
    queryNorm: `${s}.query_norm`,
  };
};

/**
 * How alike a misspelt name must be to a word of the name (pg_trgm's word_similarity, 0..1) for
 * the trigram index to return it. The default, 0.6, misses two swapped letters ("Petorva" is
 * 0.375 to "Aleksandra Petrova"); 0.35 finds them and still refuses unrelated names ("Anna" is
 * 0.2). Such hits rank below every exact, partial or tag match.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.35;

/**
 * How many of the newest messages that hold a query's words are ranked (ts_rank) for its hits.
 * A common word is in hundreds of thousands of messages of a large workspace: ranking them all
 * takes seconds (bench/README.md, search-at-scale). Past this many, newer matches are preferred.
 */
export const MESSAGE_CANDIDATES = 1000;

/**
 * How many of the latest messages a search tests first. A word in more than one in
 * NEWEST_SCANNED / MESSAGE_CANDIDATES of them (2% here) has its candidates there; a rarer one
 * is looked up in the GIN indexes, where it has few entries.
 */
export const NEWEST_SCANNED = 50_000;

/** Idempotent DDL, one statement per entry (PGlite's query() runs one at a time). */
export const searchSchemaStatements = (schema: string): string[] => {
  const n = searchNames(schema);
  return [
    // Trusted extensions (PostgreSQL 13+): a database owner may create them.
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    'CREATE EXTENSION IF NOT EXISTS unaccent',
    `CREATE SCHEMA IF NOT EXISTS "${assertSearchSchema(schema)}"`,
    `CREATE OR REPLACE FUNCTION ${n.norm}(t text) RETURNS text
      LANGUAGE sql STABLE AS $fn$ SELECT lower(unaccent(coalesce(t, ''))) $fn$`,
    `CREATE OR REPLACE FUNCTION ${n.profileOf}(name text, username text, tags text[])
      RETURNS text LANGUAGE sql STABLE AS $fn$
        SELECT ${n.norm}(concat_ws(' ', name, username, array_to_string(tags, ' '))) $fn$`,
    `CREATE OR REPLACE FUNCTION ${n.tagNorms}(tags text[]) RETURNS text[]
      LANGUAGE sql STABLE AS $fn$ SELECT ARRAY(SELECT ${n.norm}(t) FROM unnest(tags) t) $fn$`,
    `CREATE OR REPLACE FUNCTION ${n.textConfig}(language text) RETURNS regconfig
      LANGUAGE sql IMMUTABLE AS $fn$
        SELECT CASE split_part(lower(coalesce(language, '')), '-', 1)
          WHEN 'ru' THEN 'pg_catalog.russian'::regconfig
          WHEN 'en' THEN 'pg_catalog.english'::regconfig
          WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
          ELSE 'pg_catalog.simple'::regconfig
        END $fn$`,
    `CREATE OR REPLACE FUNCTION ${n.words}(language text, body text) RETURNS tsvector
      LANGUAGE sql STABLE AS $fn$
        SELECT CASE WHEN body IS NULL THEN NULL ELSE
          to_tsvector(${n.textConfig}(language), unaccent(body))
            || to_tsvector('pg_catalog.simple', unaccent(body)) END $fn$`,
    // The query's forms are declared IMMUTABLE (their dictionaries do not change under a
    // running index) so that the planner computes them once, from the query, when it plans a
    // search: its estimates see the real words, and no row computes them again.
    `CREATE OR REPLACE FUNCTION ${n.queryNorm}(query text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $fn$ SELECT ${n.norm}(ltrim(btrim(query), '@')) $fn$`,
    `CREATE OR REPLACE FUNCTION ${n.queryWords}(query text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE AS $fn$
        SELECT plainto_tsquery('pg_catalog.russian', unaccent(query))
            || plainto_tsquery('pg_catalog.english', unaccent(query))
            || plainto_tsquery('pg_catalog.spanish', unaccent(query))
            || plainto_tsquery('pg_catalog.simple', unaccent(query)) $fn$`,
    `CREATE TABLE IF NOT EXISTS ${n.contacts} (
      workspace_id text NOT NULL,
      conversation_id text NOT NULL,
      name text NOT NULL DEFAULT '',
      username text,
      profile_position bigint NOT NULL DEFAULT -1,
      tags text[] NOT NULL DEFAULT '{}',
      tags_position bigint NOT NULL DEFAULT -1,
      last_activity_at timestamptz,
      profile text NOT NULL DEFAULT '',
      name_norm text,
      username_norm text,
      tag_norms text[],
      PRIMARY KEY (workspace_id, conversation_id)
    )`,
    // Name, username and tags as they are compared, kept so that a search does not normalize
    // every candidate again. Added to tables made before them, and filled once.
    `ALTER TABLE ${n.contacts} ADD COLUMN IF NOT EXISTS name_norm text,
      ADD COLUMN IF NOT EXISTS username_norm text, ADD COLUMN IF NOT EXISTS tag_norms text[]`,
    `UPDATE ${n.contacts} SET name_norm = ${n.norm}(name), username_norm = ${n.norm}(username),
      tag_norms = ${n.tagNorms}(tags) WHERE name_norm IS NULL OR username_norm IS NULL
      OR tag_norms IS NULL`,
    `CREATE INDEX IF NOT EXISTS contacts_profile_trgm ON ${n.contacts}
      USING gin (profile gin_trgm_ops)`,
    // Misspelt names: the name and username only, so that a query like a tag ("vip-3" is
    // like "vip") does not bring every contact with that tag to be scored and dropped.
    `CREATE INDEX IF NOT EXISTS contacts_names_trgm ON ${n.contacts}
      USING gin ((name_norm || ' ' || username_norm) gin_trgm_ops)`,
    `CREATE TABLE IF NOT EXISTS ${n.messages} (
      workspace_id text NOT NULL,
      timeline_item_id text NOT NULL,
      conversation_id text NOT NULL,
      body text,
      body_position bigint NOT NULL DEFAULT -1,
      language text,
      language_position bigint NOT NULL DEFAULT -1,
      body_words tsvector,
      order_key text,
      direction text,
      at timestamptz,
      translation text,
      translation_language text,
      translation_position bigint NOT NULL DEFAULT -1,
      translation_words tsvector,
      PRIMARY KEY (workspace_id, timeline_item_id)
    )`,
    `CREATE TABLE IF NOT EXISTS ${n.progress} (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      caught_up_through bigint NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS messages_body_words ON ${n.messages} USING gin (body_words)`,
    `CREATE INDEX IF NOT EXISTS messages_translation_words ON ${n.messages}
      USING gin (translation_words)`,
    // The newest placed messages first: a search walks it, testing each message's words, until
    // it has MESSAGE_CANDIDATES of them (search-statements.ts).
    `CREATE INDEX IF NOT EXISTS messages_newest ON ${n.messages}
      (workspace_id, at DESC NULLS LAST, timeline_item_id) WHERE order_key IS NOT NULL`,
  ];
};

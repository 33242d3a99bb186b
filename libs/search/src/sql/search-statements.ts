import {
  MESSAGE_CANDIDATES,
  NEWEST_SCANNED,
  searchNames,
  WORD_SIMILARITY_THRESHOLD,
} from './search-schema';

/**
 * The statements that apply search operations and answer a search, for one schema. Positions
 * are decimal strings cast to bigint; lists travel as JSON (the same text for `pg` and PGlite).
 */
export const searchStatements = (schema: string) => {
  const n = searchNames(schema);
  const jsonTags = (param: string) => `ARRAY(SELECT jsonb_array_elements_text(${param}::jsonb))`;
  /** The query as names are compared: normalized, without a username's '@'. */
  const q = `${n.queryNorm}($2)`;
  /** The query as a LIKE pattern's literal part. */
  const likeQ = `replace(replace(replace(${q}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
  const words = `${n.queryWords}($2)`;

  return {
    /** $1 workspace, $2 conversation, $3 name, $4 username, $5 username given, $6 position. */
    contactProfile: `INSERT INTO ${n.contacts} AS c
        (workspace_id, conversation_id, name, username, profile_position, profile, name_norm,
         username_norm, tag_norms)
      VALUES ($1, $2, $3, $4, $6::bigint, ${n.profileOf}($3, $4, '{}'), ${n.norm}($3),
              ${n.norm}($4), '{}')
      ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET
        name = EXCLUDED.name,
        username = CASE WHEN $5 THEN EXCLUDED.username ELSE c.username END,
        profile_position = EXCLUDED.profile_position,
        profile = ${n.profileOf}(EXCLUDED.name,
          CASE WHEN $5 THEN EXCLUDED.username ELSE c.username END, c.tags),
        name_norm = EXCLUDED.name_norm,
        username_norm = CASE WHEN $5 THEN EXCLUDED.username_norm ELSE c.username_norm END
      WHERE c.profile_position < EXCLUDED.profile_position`,
    /** $1 workspace, $2 conversation, $3 tags (JSON), $4 position. */
    contactTags: `INSERT INTO ${n.contacts} AS c
        (workspace_id, conversation_id, tags, tags_position, profile, name_norm, username_norm,
         tag_norms)
      VALUES ($1, $2, ${jsonTags('$3')}, $4::bigint, ${n.profileOf}('', NULL, ${jsonTags('$3')}),
              '', '', ${n.tagNorms}(${jsonTags('$3')}))
      ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET
        tags = EXCLUDED.tags,
        tags_position = EXCLUDED.tags_position,
        profile = ${n.profileOf}(c.name, c.username, EXCLUDED.tags),
        tag_norms = EXCLUDED.tag_norms
      WHERE c.tags_position < EXCLUDED.tags_position`,
    /**
     * Operations applied many rows at a time: $1 is a JSON array of records (`jsonb_to_recordset`),
     * so a rebuild sends one statement per few thousand operations, not one per operation. Each
     * record's fields are named after the parameters of the one-row statements.
     *
     * Activity: the latest time per conversation (records of one conversation are folded by
     * `max`, as the guard would fold them one by one).
     */
    activity: `INSERT INTO ${n.contacts} AS c
        (workspace_id, conversation_id, last_activity_at, name_norm, username_norm, tag_norms)
      SELECT r.workspace_id, r.conversation_id, max(r.at::timestamptz), '', '', '{}'::text[]
        FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id text, conversation_id text, at text)
       GROUP BY r.workspace_id, r.conversation_id
      ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET
        last_activity_at = EXCLUDED.last_activity_at
      WHERE c.last_activity_at IS NULL OR c.last_activity_at < EXCLUDED.last_activity_at`,
    /**
     * Messages (each item at most once per statement). The text is replaced only by a later
     * position; the place is kept once known.
     */
    message: `INSERT INTO ${n.messages} AS m
        (workspace_id, timeline_item_id, conversation_id, body, body_position, body_words,
         order_key, direction, at)
      SELECT r.workspace_id, r.timeline_item_id, r.conversation_id, r.text, r.position::bigint,
             ${n.words}(NULL, r.text), r.order_key, r.direction, r.at::timestamptz
        FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id text, timeline_item_id text,
             conversation_id text, text text, position text, order_key text, direction text,
             at text)
      ON CONFLICT (workspace_id, timeline_item_id) DO UPDATE SET
        body = CASE WHEN m.body_position < EXCLUDED.body_position
          THEN EXCLUDED.body ELSE m.body END,
        body_words = CASE WHEN m.body_position < EXCLUDED.body_position
          THEN ${n.words}(m.language, EXCLUDED.body) ELSE m.body_words END,
        body_position = greatest(m.body_position, EXCLUDED.body_position),
        order_key = coalesce(m.order_key, EXCLUDED.order_key),
        direction = coalesce(m.direction, EXCLUDED.direction),
        at = coalesce(m.at, EXCLUDED.at)`,
    /** Detected languages (each item at most once per statement). */
    messageLanguage: `INSERT INTO ${n.messages} AS m
        (workspace_id, timeline_item_id, conversation_id, language, language_position)
      SELECT r.workspace_id, r.timeline_item_id, r.conversation_id, r.language,
             r.position::bigint
        FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id text, timeline_item_id text,
             conversation_id text, language text, position text)
      ON CONFLICT (workspace_id, timeline_item_id) DO UPDATE SET
        language = EXCLUDED.language,
        language_position = EXCLUDED.language_position,
        body_words = ${n.words}(EXCLUDED.language, m.body)
      WHERE m.language_position < EXCLUDED.language_position`,
    /** Translations (each item at most once per statement). */
    messageTranslation: `INSERT INTO ${n.messages} AS m
        (workspace_id, timeline_item_id, conversation_id, translation, translation_language,
         translation_position, translation_words)
      SELECT r.workspace_id, r.timeline_item_id, r.conversation_id, r.text, r.language,
             r.position::bigint, ${n.words}(r.language, r.text)
        FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id text, timeline_item_id text,
             conversation_id text, text text, language text, position text)
      ON CONFLICT (workspace_id, timeline_item_id) DO UPDATE SET
        translation = EXCLUDED.translation,
        translation_language = EXCLUDED.translation_language,
        translation_position = EXCLUDED.translation_position,
        translation_words = EXCLUDED.translation_words
      WHERE m.translation_position < EXCLUDED.translation_position`,

    caughtUpThrough: `SELECT caught_up_through::text AS position FROM ${n.progress}`,
    /** $1 position: it only moves forward. */
    markCaughtUp: `INSERT INTO ${n.progress} AS p (caught_up_through) VALUES ($1::bigint)
      ON CONFLICT (id) DO UPDATE SET caught_up_through = EXCLUDED.caught_up_through
      WHERE p.caught_up_through < EXCLUDED.caught_up_through`,

    /**
     * Contacts whose name, username or tags hold the query (trigram index on the profile: LIKE),
     * or whose name or username is like it (trigram index on the two: word_similarity, for
     * misspellings; only they are scored so), scored: the name exactly 100, from a word's start 90;
     * the username exactly 85, from its start 80; a tag exactly 70, from a word's start 65; the
     * query inside the name 55, the username 50, a tag 45; a name like it 30..40, a username
     * 25..35. $1 workspace, $2 query, $3 limit.
     *
     * Each candidate gets the first tier it reaches, in the order of the scores above (so the
     * first is the best), once (the subquery is kept apart by OFFSET 0), from the name, username
     * and tags stored normalized; the query's forms are constants (query_norm is folded when the
     * statement is planned).
     */
    searchContacts: `SELECT s.conversation_id, s.name, s.username, s.tags, s.last_activity_at,
             ${q} AS qn, s.name_norm AS nn, s.username_norm AS un, s.tag_norms,
             CASE s.tier WHEN 1 THEN 100::float8 WHEN 2 THEN 90 WHEN 3 THEN 85 WHEN 4 THEN 80
               WHEN 5 THEN 70 WHEN 6 THEN 65 WHEN 7 THEN 55 WHEN 8 THEN 50 WHEN 9 THEN 45
               WHEN 10 THEN 30 + 10 * word_similarity(${q}, s.name_norm)
               ELSE 20 + 10 * word_similarity(${q}, s.username_norm) END AS score,
             (ARRAY['name', 'name', 'username', 'username', 'tag', 'tag', 'name', 'username',
                    'tag', 'name', 'username'])[s.tier] AS field
        FROM (
          SELECT c.*, CASE
              WHEN c.name_norm = ${q} THEN 1
              WHEN c.name_norm LIKE ${likeQ} || '%' OR c.name_norm LIKE '% ' || ${likeQ} || '%'
                THEN 2
              WHEN c.username_norm = ${q} THEN 3
              WHEN c.username_norm LIKE ${likeQ} || '%' THEN 4
              WHEN ${q} = ANY (c.tag_norms) THEN 5
              WHEN EXISTS (SELECT 1 FROM unnest(c.tag_norms) tag
                            WHERE tag LIKE ${likeQ} || '%' OR tag LIKE '% ' || ${likeQ} || '%')
                THEN 6
              WHEN c.name_norm LIKE '%' || ${likeQ} || '%' THEN 7
              WHEN c.username_norm LIKE '%' || ${likeQ} || '%' THEN 8
              WHEN EXISTS (SELECT 1 FROM unnest(c.tag_norms) tag
                            WHERE tag LIKE '%' || ${likeQ} || '%') THEN 9
              WHEN word_similarity(${q}, c.name_norm) >= ${WORD_SIMILARITY_THRESHOLD} THEN 10
              WHEN word_similarity(${q}, c.username_norm) >= ${WORD_SIMILARITY_THRESHOLD} THEN 11
            END AS tier
            FROM ${n.contacts} c
           WHERE c.workspace_id = $1
             AND (c.profile LIKE '%' || ${likeQ} || '%'
                  OR ${q} <% (c.name_norm || ' ' || c.username_norm))
          OFFSET 0) s
       WHERE s.tier IS NOT NULL
       ORDER BY score DESC, s.last_activity_at DESC NULLS LAST, s.conversation_id
       LIMIT $3`,
    /**
     * Messages whose text or translation holds the query's words (any language's stems, or as
     * written): of the newest MESSAGE_CANDIDATES such, the best ts_rank first, then the newest;
     * with their contact and the matched text marked by ts_headline. $1 workspace, $2 query,
     * $3 limit.
     *
     * Ranking every match would read and rank hundreds of thousands of rows for a common word, so
     * only the newest matches are ranked, found in one of two ways (bench/README.md,
     * search-at-scale): `newest` tests the words of the NEWEST_SCANNED latest messages (time
     * index), enough for a common word; only when they hold fewer matches (a rarer word) does
     * `older` run, reading every match from the GIN indexes and keeping the newest. Its order is
     * written so that the time index cannot serve it: walking every message for a rare word is
     * what the planner would choose whenever its statistics call the word common.
     */
    searchMessages: `WITH newest AS (
        SELECT m.*
          FROM (SELECT * FROM ${n.messages}
                 WHERE workspace_id = $1 AND order_key IS NOT NULL
                 ORDER BY at DESC NULLS LAST, timeline_item_id
                 LIMIT ${NEWEST_SCANNED}) m
         WHERE m.body_words @@ ${words} OR m.translation_words @@ ${words}
         ORDER BY m.at DESC NULLS LAST, m.timeline_item_id
         LIMIT ${MESSAGE_CANDIDATES}
      ), older AS (
        SELECT m.*
          FROM ${n.messages} m
         WHERE (SELECT count(*) FROM newest) < ${MESSAGE_CANDIDATES}
           AND m.workspace_id = $1 AND m.order_key IS NOT NULL
           AND (m.body_words @@ ${words} OR m.translation_words @@ ${words})
         ORDER BY m.at + interval '0 seconds' DESC NULLS LAST, m.timeline_item_id
         LIMIT ${MESSAGE_CANDIDATES}
      ), candidates AS (
        SELECT * FROM newest WHERE (SELECT count(*) FROM newest) >= ${MESSAGE_CANDIDATES}
        UNION ALL
        SELECT * FROM older
      ), hits AS (
        SELECT m.*,
               coalesce(m.body_words @@ ${words}, false) AS in_body,
               greatest(ts_rank(coalesce(m.body_words, ''::tsvector), ${words}),
                        ts_rank(coalesce(m.translation_words, ''::tsvector), ${words})) AS rank
          FROM candidates m
         ORDER BY rank DESC, m.at DESC NULLS LAST, m.timeline_item_id
         LIMIT $3
      )
      SELECT h.timeline_item_id, h.conversation_id, h.order_key, h.direction, h.at, h.rank,
             h.in_body, CASE WHEN h.in_body THEN h.body ELSE h.translation END AS matched_text,
             coalesce(c.name, '') AS name, c.username, coalesce(c.tags, '{}') AS tags,
             c.last_activity_at,
             CASE WHEN strpos(hl.own, chr(1)) > 0 THEN hl.own ELSE hl.simple END AS marked
        FROM hits h
        LEFT JOIN ${n.contacts} c
          ON c.workspace_id = h.workspace_id AND c.conversation_id = h.conversation_id
        CROSS JOIN LATERAL (
          SELECT ts_headline(${n.textConfig}(t.language), unaccent(t.body), ${words}, t.opts) AS own,
                 ts_headline('pg_catalog.simple', unaccent(t.body), ${words}, t.opts) AS simple
            FROM (SELECT CASE WHEN h.in_body THEN h.language ELSE h.translation_language END
                           AS language,
                         CASE WHEN h.in_body THEN h.body ELSE h.translation END AS body,
                         'HighlightAll=true, StartSel="' || chr(1) || '", StopSel="' || chr(2)
                           || '"' AS opts) t
        ) hl
       ORDER BY h.rank DESC, h.at DESC NULLS LAST, h.timeline_item_id`,
  };
};

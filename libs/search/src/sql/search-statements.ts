import { searchNames, WORD_SIMILARITY_THRESHOLD } from './search-schema';

/**
 * The statements that apply search operations and answer a search, for one schema. Positions
 * are decimal strings cast to bigint; lists travel as JSON (the same text for `pg` and PGlite).
 */
export const searchStatements = (schema: string) => {
  const n = searchNames(schema);
  const jsonTags = (param: string) => `ARRAY(SELECT jsonb_array_elements_text(${param}::jsonb))`;
  /** The query as names are compared: normalized, without a username's '@'. */
  const q = `${n.norm}(ltrim(btrim($2), '@'))`;
  /** The query as a LIKE pattern's literal part. */
  const likeQ = `replace(replace(replace(${q}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
  const words = `${n.queryWords}($2)`;

  return {
    /** $1 workspace, $2 conversation, $3 name, $4 username, $5 username given, $6 position. */
    contactProfile: `INSERT INTO ${n.contacts} AS c
        (workspace_id, conversation_id, name, username, profile_position, profile)
      VALUES ($1, $2, $3, $4, $6::bigint, ${n.profileOf}($3, $4, '{}'))
      ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET
        name = EXCLUDED.name,
        username = CASE WHEN $5 THEN EXCLUDED.username ELSE c.username END,
        profile_position = EXCLUDED.profile_position,
        profile = ${n.profileOf}(EXCLUDED.name,
          CASE WHEN $5 THEN EXCLUDED.username ELSE c.username END, c.tags)
      WHERE c.profile_position < EXCLUDED.profile_position`,
    /** $1 workspace, $2 conversation, $3 tags (JSON), $4 position. */
    contactTags: `INSERT INTO ${n.contacts} AS c
        (workspace_id, conversation_id, tags, tags_position, profile)
      VALUES ($1, $2, ${jsonTags('$3')}, $4::bigint, ${n.profileOf}('', NULL, ${jsonTags('$3')}))
      ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET
        tags = EXCLUDED.tags,
        tags_position = EXCLUDED.tags_position,
        profile = ${n.profileOf}(c.name, c.username, EXCLUDED.tags)
      WHERE c.tags_position < EXCLUDED.tags_position`,
    /** $1 workspace, $2 conversation, $3 time. */
    activity: `INSERT INTO ${n.contacts} AS c (workspace_id, conversation_id, last_activity_at)
      VALUES ($1, $2, $3::timestamptz)
      ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET
        last_activity_at = EXCLUDED.last_activity_at
      WHERE c.last_activity_at IS NULL OR c.last_activity_at < EXCLUDED.last_activity_at`,
    /**
     * $1 workspace, $2 item, $3 conversation, $4 text, $5 position, $6 orderKey, $7 direction,
     * $8 at. The text is replaced only by a later position; the place is kept once known.
     */
    message: `INSERT INTO ${n.messages} AS m
        (workspace_id, timeline_item_id, conversation_id, body, body_position, body_words,
         order_key, direction, at)
      VALUES ($1, $2, $3, $4, $5::bigint, ${n.words}(NULL, $4), $6, $7, $8::timestamptz)
      ON CONFLICT (workspace_id, timeline_item_id) DO UPDATE SET
        body = CASE WHEN m.body_position < EXCLUDED.body_position
          THEN EXCLUDED.body ELSE m.body END,
        body_words = CASE WHEN m.body_position < EXCLUDED.body_position
          THEN ${n.words}(m.language, EXCLUDED.body) ELSE m.body_words END,
        body_position = greatest(m.body_position, EXCLUDED.body_position),
        order_key = coalesce(m.order_key, EXCLUDED.order_key),
        direction = coalesce(m.direction, EXCLUDED.direction),
        at = coalesce(m.at, EXCLUDED.at)`,
    /** $1 workspace, $2 item, $3 conversation, $4 language, $5 position. */
    messageLanguage: `INSERT INTO ${n.messages} AS m
        (workspace_id, timeline_item_id, conversation_id, language, language_position)
      VALUES ($1, $2, $3, $4, $5::bigint)
      ON CONFLICT (workspace_id, timeline_item_id) DO UPDATE SET
        language = EXCLUDED.language,
        language_position = EXCLUDED.language_position,
        body_words = ${n.words}(EXCLUDED.language, m.body)
      WHERE m.language_position < EXCLUDED.language_position`,
    /** $1 workspace, $2 item, $3 conversation, $4 text, $5 language, $6 position. */
    messageTranslation: `INSERT INTO ${n.messages} AS m
        (workspace_id, timeline_item_id, conversation_id, translation, translation_language,
         translation_position, translation_words)
      VALUES ($1, $2, $3, $4, $5, $6::bigint, ${n.words}($5, $4))
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
     * Contacts whose name, username or tags hold the query (trigram index: LIKE, and
     * word_similarity for misspellings), scored: the name exactly 100, from a word's start 90;
     * the username exactly 85, from its start 80; a tag exactly 70, from a word's start 65; the
     * query inside the name 55, the username 50, a tag 45; a name like it 30..40, a username
     * 25..35. $1 workspace, $2 query, $3 limit.
     */
    searchContacts: `SELECT c.conversation_id, c.name, c.username, c.tags, c.last_activity_at,
             x.qn, x.nn, x.un, x.tag_norms, best.score, best.field
        FROM ${n.contacts} c
        CROSS JOIN LATERAL (SELECT ${q} AS qn, ${likeQ} AS lq, ${n.norm}(c.name) AS nn,
                                   ${n.norm}(c.username) AS un,
                                   ARRAY(SELECT ${n.norm}(t) FROM unnest(c.tags) t) AS tag_norms) x
        CROSS JOIN LATERAL (
          SELECT r.score, r.field FROM (VALUES
            (100::float8, 'name', x.nn = x.qn),
            (90, 'name', x.nn LIKE x.lq || '%' OR x.nn LIKE '% ' || x.lq || '%'),
            (85, 'username', x.un = x.qn),
            (80, 'username', x.un LIKE x.lq || '%'),
            (70, 'tag', x.qn = ANY (x.tag_norms)),
            (65, 'tag', EXISTS (SELECT 1 FROM unnest(x.tag_norms) t
                                 WHERE t LIKE x.lq || '%' OR t LIKE '% ' || x.lq || '%')),
            (55, 'name', x.nn LIKE '%' || x.lq || '%'),
            (50, 'username', x.un LIKE '%' || x.lq || '%'),
            (45, 'tag', EXISTS (SELECT 1 FROM unnest(x.tag_norms) t
                                 WHERE t LIKE '%' || x.lq || '%')),
            (30 + 10 * word_similarity(x.qn, x.nn), 'name',
              word_similarity(x.qn, x.nn) >= ${WORD_SIMILARITY_THRESHOLD}),
            (20 + 10 * word_similarity(x.qn, x.un), 'username',
              word_similarity(x.qn, x.un) >= ${WORD_SIMILARITY_THRESHOLD})
          ) AS r(score, field, matched)
          WHERE r.matched
          ORDER BY r.score DESC
          LIMIT 1
        ) best
       WHERE c.workspace_id = $1
         AND (c.profile LIKE '%' || ${likeQ} || '%' OR ${q} <% c.profile)
       ORDER BY best.score DESC, c.last_activity_at DESC NULLS LAST, c.conversation_id
       LIMIT $3`,
    /**
     * Messages whose text or translation holds the query's words (any language's stems, or as
     * written), best ts_rank first, then newest; with their contact and the matched text marked
     * by ts_headline. $1 workspace, $2 query, $3 limit.
     */
    searchMessages: `WITH hits AS (
        SELECT m.*,
               coalesce(m.body_words @@ ${words}, false) AS in_body,
               greatest(ts_rank(coalesce(m.body_words, ''::tsvector), ${words}),
                        ts_rank(coalesce(m.translation_words, ''::tsvector), ${words})) AS rank
          FROM ${n.messages} m
         WHERE m.workspace_id = $1 AND m.order_key IS NOT NULL
           AND (m.body_words @@ ${words} OR m.translation_words @@ ${words})
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

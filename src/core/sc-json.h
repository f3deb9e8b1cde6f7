/* sc-json.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small streaming JSON writer (no dependency for one output format).
 */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef struct _ScJson ScJson;

ScJson  *sc_json_new            (gboolean    pretty);
void     sc_json_free           (ScJson     *json);
/* Returns the text and frees the writer. */
char    *sc_json_free_to_string (ScJson     *json);
/* Writes what was built so far to FILE and forgets it, so that a long
 * document is not held whole in memory. */
void     sc_json_flush          (ScJson     *json,
                                 FILE       *file);

void     sc_json_begin_object   (ScJson *json);
void     sc_json_end_object     (ScJson *json);
void     sc_json_begin_array    (ScJson *json);
void     sc_json_end_array      (ScJson *json);
/* Inside an object: the next value's key. */
void     sc_json_key            (ScJson *json, const char *key);
void     sc_json_string         (ScJson *json, const char *value);  /* NULL → null */
void     sc_json_int            (ScJson *json, gint64 value);
void     sc_json_uint           (ScJson *json, guint64 value);
void     sc_json_double         (ScJson *json, double value);
void     sc_json_boolean        (ScJson *json, gboolean value);
void     sc_json_null           (ScJson *json);
/* A NULL-terminated string array, NULL → []. */
void     sc_json_strv           (ScJson *json, const char * const *values);
/* Any GVariant of type s, b, x, i, u, t, d, as, av, a{sv}, mX, v. */
void     sc_json_variant        (ScJson *json, GVariant *value);

/* Convenience: key + value. */
void     sc_json_member_string  (ScJson *json, const char *key, const char *value);
void     sc_json_member_int     (ScJson *json, const char *key, gint64 value);
void     sc_json_member_boolean (ScJson *json, const char *key, gboolean value);

/* Appends VALUE as a JSON string literal (with quotes) to STRING. */
void     sc_json_escape_append  (GString *string, const char *value, gssize len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScJson, sc_json_free)

G_END_DECLS

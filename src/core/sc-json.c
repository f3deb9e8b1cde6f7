/* sc-json.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-json.h"

struct _ScJson
{
  GString  *out;
  gboolean  pretty;
  /* One entry per open container: TRUE once it holds a value. */
  GArray   *has_value;
  gboolean  after_key;
};

ScJson *
sc_json_new (gboolean pretty)
{
  ScJson *json = g_new0 (ScJson, 1);

  json->out = g_string_new (NULL);
  json->pretty = pretty;
  json->has_value = g_array_new (FALSE, TRUE, sizeof (gboolean));
  return json;
}

void
sc_json_free (ScJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->out, TRUE);
  g_array_unref (json->has_value);
  g_free (json);
}

char *
sc_json_free_to_string (ScJson *json)
{
  char *text = g_string_free (json->out, FALSE);

  json->out = NULL;
  g_array_unref (json->has_value);
  g_free (json);
  return text;
}

void
sc_json_flush (ScJson *json,
               FILE   *file)
{
  fwrite (json->out->str, 1, json->out->len, file);
  g_string_truncate (json->out, 0);
}

static void
newline (ScJson *json)
{
  if (!json->pretty)
    return;
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->has_value->len; i++)
    g_string_append (json->out, "  ");
}

/* Called before every value and key: writes the separator. */
static void
before_value (ScJson *json)
{
  gboolean *has;

  if (json->after_key)
    {
      json->after_key = FALSE;
      return;
    }
  if (json->has_value->len == 0)
    return;

  has = &g_array_index (json->has_value, gboolean, json->has_value->len - 1);
  if (*has)
    g_string_append_c (json->out, ',');
  *has = TRUE;
  newline (json);
}

static void
open_container (ScJson *json,
                char    c)
{
  gboolean no = FALSE;

  before_value (json);
  g_string_append_c (json->out, c);
  g_array_append_val (json->has_value, no);
}

static void
close_container (ScJson *json,
                 char    c)
{
  gboolean had;

  g_return_if_fail (json->has_value->len > 0);
  had = g_array_index (json->has_value, gboolean, json->has_value->len - 1);
  g_array_set_size (json->has_value, json->has_value->len - 1);
  if (had)
    newline (json);
  g_string_append_c (json->out, c);
}

void sc_json_begin_object (ScJson *json) { open_container (json, '{'); }
void sc_json_end_object (ScJson *json) { close_container (json, '}'); }
void sc_json_begin_array (ScJson *json) { open_container (json, '['); }
void sc_json_end_array (ScJson *json) { close_container (json, ']'); }

void
sc_json_escape_append (GString    *string,
                       const char *value,
                       gssize      len)
{
  const guchar *p = (const guchar *) value;
  const guchar *end;

  if (len < 0)
    len = (gssize) strlen (value);
  end = p + len;

  g_string_append_c (string, '"');
  for (; p < end; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (string, "\\\""); break;
        case '\\': g_string_append (string, "\\\\"); break;
        case '\n': g_string_append (string, "\\n"); break;
        case '\r': g_string_append (string, "\\r"); break;
        case '\t': g_string_append (string, "\\t"); break;
        case '\b': g_string_append (string, "\\b"); break;
        case '\f': g_string_append (string, "\\f"); break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (string, "\\u%04x", *p);
          else
            g_string_append_c (string, (char) *p);
        }
    }
  g_string_append_c (string, '"');
}

/* Strings that are not valid UTF-8 are written with U+FFFD replacements so
 * the output always parses. */
static void
append_string (ScJson     *json,
               const char *value)
{
  if (g_utf8_validate (value, -1, NULL))
    sc_json_escape_append (json->out, value, -1);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);
      sc_json_escape_append (json->out, valid, -1);
    }
}

void
sc_json_key (ScJson     *json,
             const char *key)
{
  before_value (json);
  append_string (json, key);
  g_string_append (json->out, json->pretty ? ": " : ":");
  json->after_key = TRUE;
}

void
sc_json_string (ScJson     *json,
                const char *value)
{
  if (value == NULL)
    {
      sc_json_null (json);
      return;
    }
  before_value (json);
  append_string (json, value);
}

void
sc_json_int (ScJson *json,
             gint64  value)
{
  before_value (json);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

void
sc_json_uint (ScJson  *json,
              guint64  value)
{
  before_value (json);
  g_string_append_printf (json->out, "%" G_GUINT64_FORMAT, value);
}

void
sc_json_double (ScJson *json,
                double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      sc_json_null (json);
      return;
    }
  before_value (json);
  g_string_append (json->out, g_ascii_dtostr (buf, sizeof buf, value));
}

void
sc_json_boolean (ScJson   *json,
                 gboolean  value)
{
  before_value (json);
  g_string_append (json->out, value ? "true" : "false");
}

void
sc_json_null (ScJson *json)
{
  before_value (json);
  g_string_append (json->out, "null");
}

void
sc_json_strv (ScJson             *json,
              const char * const *values)
{
  sc_json_begin_array (json);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    sc_json_string (json, values[i]);
  sc_json_end_array (json);
}

void
sc_json_variant (ScJson   *json,
                 GVariant *value)
{
  const GVariantType *type;

  if (value == NULL)
    {
      sc_json_null (json);
      return;
    }

  type = g_variant_get_type (value);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING)
      || g_variant_type_equal (type, G_VARIANT_TYPE_OBJECT_PATH))
    sc_json_string (json, g_variant_get_string (value, NULL));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    sc_json_boolean (json, g_variant_get_boolean (value));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT64))
    sc_json_int (json, g_variant_get_int64 (value));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    sc_json_int (json, g_variant_get_int32 (value));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    sc_json_uint (json, g_variant_get_uint32 (value));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT64))
    sc_json_uint (json, g_variant_get_uint64 (value));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_DOUBLE))
    sc_json_double (json, g_variant_get_double (value));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) inner = g_variant_get_variant (value);
      sc_json_variant (json, inner);
    }
  else if (g_variant_type_is_maybe (type))
    {
      g_autoptr(GVariant) inner = g_variant_get_maybe (value);
      sc_json_variant (json, inner);
    }
  else if (g_variant_type_is_array (type)
           && g_variant_type_is_dict_entry (g_variant_type_element (type)))
    {
      GVariantIter iter;
      GVariant *entry;

      sc_json_begin_object (json);
      g_variant_iter_init (&iter, value);
      while ((entry = g_variant_iter_next_value (&iter)) != NULL)
        {
          g_autoptr(GVariant) k = g_variant_get_child_value (entry, 0);
          g_autoptr(GVariant) v = g_variant_get_child_value (entry, 1);

          if (g_variant_is_of_type (k, G_VARIANT_TYPE_STRING))
            sc_json_key (json, g_variant_get_string (k, NULL));
          else
            {
              g_autofree char *printed = g_variant_print (k, FALSE);
              sc_json_key (json, printed);
            }
          sc_json_variant (json, v);
          g_variant_unref (entry);
        }
      sc_json_end_object (json);
    }
  else if (g_variant_type_is_array (type) || g_variant_type_is_tuple (type))
    {
      GVariantIter iter;
      GVariant *child;

      sc_json_begin_array (json);
      g_variant_iter_init (&iter, value);
      while ((child = g_variant_iter_next_value (&iter)) != NULL)
        {
          sc_json_variant (json, child);
          g_variant_unref (child);
        }
      sc_json_end_array (json);
    }
  else
    {
      g_autofree char *printed = g_variant_print (value, FALSE);
      sc_json_string (json, printed);
    }
}

void
sc_json_member_string (ScJson     *json,
                       const char *key,
                       const char *value)
{
  sc_json_key (json, key);
  sc_json_string (json, value);
}

void
sc_json_member_int (ScJson     *json,
                    const char *key,
                    gint64      value)
{
  sc_json_key (json, key);
  sc_json_int (json, value);
}

void
sc_json_member_boolean (ScJson     *json,
                        const char *key,
                        gboolean    value)
{
  sc_json_key (json, key);
  sc_json_boolean (json, value);
}

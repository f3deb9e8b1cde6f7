/* sc-plug-format.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-plug-format"

#include "config.h"

#include "sc-plug-format.h"

static void
append_attribute_value (GString  *str,
                        GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) inner = g_variant_get_variant (value);

      append_attribute_value (str, inner);
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    g_string_append (str, g_variant_get_string (value, NULL));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    g_string_append (str, g_variant_get_boolean (value) ? "true" : "false");
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    g_string_append_printf (str, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE))
    g_string_append (str, "null");
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_ARRAY)
           && !g_variant_is_of_type (value, G_VARIANT_TYPE_VARDICT))
    {
      gsize n = g_variant_n_children (value);

      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

          if (i > 0)
            g_string_append (str, ", ");
          append_attribute_value (str, child);
        }
    }
  else
    {
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_string_append (str, printed);
    }
}

char *
sc_plug_format_attributes (GVariant *attributes)
{
  GString *str = g_string_new (NULL);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (attributes == NULL || !g_variant_is_of_type (attributes, G_VARIANT_TYPE_VARDICT))
    return g_string_free (str, FALSE);

  g_variant_iter_init (&iter, attributes);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      if (g_strcmp0 (key, "interface") != 0)
        {
          if (str->len > 0)
            g_string_append (str, "; ");
          g_string_append_printf (str, "%s: ", key);
          append_attribute_value (str, value);
        }
      g_variant_unref (value);
    }

  return g_string_free (str, FALSE);
}

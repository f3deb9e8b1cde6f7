/* sc-project-spec.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plug specs ("personal-files:read=$HOME/.foo") and adding what they
 * describe to an edit, with the checks snapd would make: the CLI's
 * `--plug` and the window's "Add interface…" form both come through here,
 * so the same request writes the same bytes.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-extensions.h"
#include "sc-interface-catalogue.h"
#include "sc-plug-rules.h"
#include "sc-project-private.h"
#include "sc-utils.h"

void
sc_plug_spec_free (ScPlugSpec *spec)
{
  if (spec == NULL)
    return;
  g_free (spec->name);
  g_free (spec->interface);
  g_clear_pointer (&spec->attributes, g_variant_unref);
  g_free (spec);
}

ScPlugSpec *
sc_plug_spec_new (const char *interface,
                  const char *name)
{
  ScPlugSpec *spec = g_new0 (ScPlugSpec, 1);

  spec->interface = g_strdup (interface);
  spec->name = g_strdup (name);
  return spec;
}

static GVariant *
parse_value (const char *text)
{
  gint64 number;
  char *end = NULL;

  if (strcmp (text, "true") == 0 || strcmp (text, "false") == 0)
    return g_variant_new_boolean (text[0] == 't');
  if (g_ascii_isdigit (text[text[0] == '-' ? 1 : 0]))
    {
      errno = 0;
      number = g_ascii_strtoll (text, &end, 10);
      if (errno == 0 && end != NULL && *end == '\0' &&
          strspn (text + (text[0] == '-'), "0123456789") == strlen (text + (text[0] == '-')))
        return g_variant_new_int64 (number);
    }
  return g_variant_new_string (text);
}

/* Appends VALUE to the list in DICT[KEY] or makes one; DICT maps attribute
 * names to GPtrArray of GVariant*. */
gboolean
sc_plug_spec_add_attribute (ScPlugSpec  *spec,
                            const char  *attribute,
                            const char  *value,
                            GError     **error)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *old_value;
  gboolean merged = FALSE;
  GVariant *item;
  gboolean is_list;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (attribute != NULL && value != NULL, FALSE);

  if (attribute[0] == '\0' || attribute[0] == '$' || strcmp (attribute, "interface") == 0 ||
      !g_utf8_validate (attribute, -1, NULL) || strpbrk (attribute, "=:, \t\n") != NULL)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   /* Translators: %s is what was given as an attribute name. */
                   _("“%s” is not a valid attribute name"), attribute);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL) || value[0] == '\0')
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   /* Translators: both %s are the same attribute name; VALUE stands for any
                    * value. */
                   _("attribute “%s” needs a value (%s=VALUE)"), attribute, attribute);
      return FALSE;
    }

  item = parse_value (value);
  is_list = sc_plug_rules_attribute_is_list (spec->interface, attribute);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  if (spec->attributes != NULL)
    {
      g_variant_iter_init (&iter, spec->attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &old_value))
        {
          if (strcmp (key, attribute) == 0)
            {
              GVariantBuilder list;

              g_variant_builder_init (&list, G_VARIANT_TYPE ("av"));
              if (g_variant_is_of_type (old_value, G_VARIANT_TYPE ("av")))
                {
                  GVariantIter items;
                  GVariant *child;

                  g_variant_iter_init (&items, old_value);
                  while ((child = g_variant_iter_next_value (&items)) != NULL)
                    {
                      g_variant_builder_add_value (&list, child);
                      g_variant_unref (child);
                    }
                }
              else
                g_variant_builder_add (&list, "v", old_value);
              g_variant_builder_add (&list, "v", item);
              g_variant_builder_add (&builder, "{sv}", key, g_variant_builder_end (&list));
              merged = TRUE;
            }
          else
            g_variant_builder_add (&builder, "{sv}", key, old_value);
          g_variant_unref (old_value);
        }
    }
  if (!merged)
    {
      if (is_list)
        {
          GVariantBuilder list;

          g_variant_builder_init (&list, G_VARIANT_TYPE ("av"));
          g_variant_builder_add (&list, "v", item);
          item = g_variant_builder_end (&list);
        }
      g_variant_builder_add (&builder, "{sv}", attribute, item);
    }
  g_clear_pointer (&spec->attributes, g_variant_unref);
  spec->attributes = g_variant_ref_sink (g_variant_builder_end (&builder));
  return TRUE;
}

/* "a=b,c=d\,e" → attributes; ATTRS is the text after the colon. */
static gboolean
parse_attributes (ScPlugSpec  *spec,
                  const char  *attrs,
                  GError     **error)
{
  g_autoptr(GString) item = g_string_new (NULL);

  for (const char *p = attrs;; p++)
    {
      if (*p == '\\' && (p[1] == ',' || p[1] == '\\'))
        {
          g_string_append_c (item, *++p);
          continue;
        }
      if (*p != ',' && *p != '\0')
        {
          g_string_append_c (item, *p);
          continue;
        }
      {
        char *eq = strchr (item->str, '=');

        if (eq == NULL || eq == item->str)
          {
            g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                         /* Translators: an interface name, then what followed it; ATTRIBUTE and
                          * VALUE stand for any attribute and value. */
                         _("expected ATTRIBUTE=VALUE after “%s:”, got “%s”"), spec->interface,
                         item->str);
            return FALSE;
          }
        *eq = '\0';
        if (!sc_plug_spec_add_attribute (spec, item->str, eq + 1, error))
          return FALSE;
        g_string_truncate (item, 0);
      }
      if (*p == '\0')
        break;
    }
  return TRUE;
}

static gboolean
check_name (const char  *name,
            const char  *what,
            GError     **error)
{
  if (_sc_project_valid_name (name, FALSE))
    return TRUE;
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
               /* Translators: the first %s is a name, the second “plug” or “interface”. */
               _("“%s” is not a valid %s name: use lowercase letters, digits and single "
                 "hyphens, starting with a letter"), name, what);
  return FALSE;
}

ScPlugSpec *
sc_plug_spec_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(ScPlugSpec) spec = g_new0 (ScPlugSpec, 1);
  const char *colon, *eq;
  g_autofree char *head = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  colon = strchr (text, ':');
  head = colon != NULL ? g_strndup (text, colon - text) : g_strdup (text);
  eq = strchr (head, '=');
  if (eq != NULL)
    {
      spec->name = g_strndup (head, eq - head);
      spec->interface = g_strdup (eq + 1);
    }
  else if (colon != NULL)
    spec->interface = g_strdup (head);
  else
    spec->name = g_strdup (head);

  /* A bare name is judged when added: one the list holds may be kept
   * even when snapd would refuse it. */
  if (spec->name != NULL && spec->interface != NULL && !check_name (spec->name, _("plug"), error))
    return NULL;
  if (spec->name != NULL && spec->name[0] == '\0')
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT, _("empty plug name"));
      return NULL;
    }
  if (spec->interface != NULL && !check_name (spec->interface, _("interface"), error))
    return NULL;
  if (colon != NULL && !parse_attributes (spec, colon + 1, error))
    return NULL;
  return g_steal_pointer (&spec);
}

/* ---- Names ---------------------------------------------------------------- */

/* A plug name made of TEXT: lowercase letters and digits, runs of
 * anything else one hyphen, "." at a word's start "dot". */
static char *
slug (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean hyphen = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && out->len > 0)
            g_string_append_c (out, '-');
          hyphen = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      else if (*p == '.' && (p == text || p[-1] == '/'))
        {
          if (out->len > 0)
            g_string_append_c (out, '-');
          g_string_append (out, "dot");
          hyphen = TRUE;
        }
      else
        hyphen = TRUE;
    }
  return g_string_free (out, FALSE);
}

static const char *
first_string (GVariant   *attributes,
              const char *attribute)
{
  g_autoptr(GVariant) value = attributes ? g_variant_lookup_value (attributes, attribute, NULL)
                                         : NULL;

  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("av")) && g_variant_n_children (value) > 0)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (value, 0);
      g_autoptr(GVariant) inner = g_variant_get_variant (boxed);

      return g_variant_is_of_type (inner, G_VARIANT_TYPE_STRING)
             ? g_intern_string (g_variant_get_string (inner, NULL)) : NULL;
    }
  return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
         ? g_intern_string (g_variant_get_string (value, NULL)) : NULL;
}

/* The name a definition of SPEC gets when none is given: after its first
 * path (dot-config-app, etc-cups), its content or target, its D-Bus name,
 * else the interface. */
static char *
default_name (const ScPlugSpec *spec)
{
  const char *iface = spec->interface;
  const char *source = NULL;
  g_autofree char *name = NULL;

  if (strcmp (iface, "personal-files") == 0 || strcmp (iface, "system-files") == 0)
    {
      source = first_string (spec->attributes, "read");
      if (source == NULL)
        source = first_string (spec->attributes, "write");
      if (source != NULL && g_str_has_prefix (source, "$HOME/"))
        source += strlen ("$HOME/");
    }
  else if (strcmp (iface, "content") == 0)
    {
      source = first_string (spec->attributes, "content");
      if (source == NULL && (source = first_string (spec->attributes, "target")) != NULL &&
          strrchr (source, '/') != NULL)
        source = strrchr (source, '/') + 1;
    }
  else if (strcmp (iface, "dbus") == 0 &&
           (source = first_string (spec->attributes, "name")) != NULL)
    {
      g_autofree char *tail = slug (strrchr (source, '.') ? strrchr (source, '.') + 1 : source);

      return g_strconcat ("dbus-", tail, NULL);
    }

  name = source != NULL ? slug (source) : NULL;
  if (name == NULL || !_sc_project_valid_name (name, FALSE))
    return g_strdup (iface);
  return g_steal_pointer (&name);
}

/* The interface and attributes NAME is defined with, in the edit or the
 * project; FALSE when it is not defined there. */
static gboolean
lookup_definition (ScEdit      *edit,
                   const char  *name,
                   const char **interface,
                   GVariant   **attributes)
{
  ScDefEdit *pending = _sc_edit_find_def (edit, name);
  ScPlugDef *def;

  if (pending != NULL)
    {
      *interface = pending->interface;
      *attributes = pending->attributes;
      return TRUE;
    }
  /* One the edit would remove because nobody lists it stays when listed. */
  def = sc_project_find_plug_def (edit->project, name);
  if (def == NULL)
    return FALSE;
  *interface = def->interface;
  *attributes = def->attributes;
  return TRUE;
}

static gboolean
name_is_taken (ScEdit     *edit,
               const char *name)
{
  const char *iface;
  GVariant *attributes;

  return lookup_definition (edit, name, &iface, &attributes) ||
         g_strv_contains (sc_project_get_slot_names (edit->project), name) ||
         sc_project_find_extension_plug_def (edit->project, name, NULL) != NULL;
}

/* ---- Adding ---------------------------------------------------------------- */

static void
add_note (ScEdit     *edit,
          char       *text)
{
  ScEditMessage *message = g_new0 (ScEditMessage, 1);

  message->kind = SC_EDIT_MESSAGE_NOTE;
  message->text = text;
  g_ptr_array_add (edit->notes, message);
}

/* The interface or definition NAME is closest to, if it looks like a typo. */
static const char *
closest_plug (ScEdit     *edit,
              const char *name)
{
  guint n = 0, best_distance = MIN (3, (strlen (name) + 1) / 2 + 1);
  const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);
  GPtrArray *defs = sc_project_get_plug_defs (edit->project);
  const char *best = NULL;

  for (guint i = 0; i < n + defs->len + edit->defs->len; i++)
    {
      const char *candidate = i < n ? all[i].name
                              : i < n + defs->len ? ((ScPlugDef *) defs->pdata[i - n])->name
                              : ((ScDefEdit *) edit->defs->pdata[i - n - defs->len])->name;
      guint d = sc_edit_distance (name, candidate);

      if (d < best_distance)
        {
          best_distance = d;
          best = candidate;
        }
    }
  return best;
}

static gboolean
fail_unknown (ScEdit      *edit,
              const char  *name,
              gboolean     interface,
              GError     **error)
{
  const char *best = closest_plug (edit, name);
  /* Translators: %s is a plug name; the text is appended to an error message. */
  g_autofree char *also = best != NULL ? g_strdup_printf (_("; did you mean “%s”?"), best)
                                       : g_strdup (".");

  if (interface)
    g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                 /* Translators: the last %s is “; did you mean “x”?” or “.”. */
                 _("“%s” is not a snapd interface%s"), name, also);
  else
    g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                 /* Translators: the second %s is a file, the last “; did you mean “x”?” or “.”. */
                 _("“%s” is neither a snapd interface nor a plug defined in %s%s"), name,
                 sc_project_get_display_path (edit->project), also);
  return FALSE;
}

static gboolean
fail_needs_attributes (const ScRequiredAttributes *rule,
                       GError                    **error)
{
  g_autofree char *needed = sc_plug_rules_dup_required_text (rule);

  if (rule->example != NULL)
    g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                 /* Translators: the first and third %s are an interface, the second a list
                  * of attributes, the last an example such as read=$HOME/.config/app. */
                 _("“%s” needs %s, which snapd checks before it installs the snap; give "
                   "them after the interface, e.g. “%s:%s”, and a definition with them is "
                   "added"), rule->interface, needed, rule->interface, rule->example);
  else
    g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                 /* Translators: the first %s is an interface, the second a list of attributes,
                  * the third a YAML example. */
                 _("“%s” needs %s (e.g. “%s”), which snapd checks before it connects the "
                   "plug; define it under the top-level “plugs:” by hand"), rule->interface,
                 needed, rule->yaml_example);
  return FALSE;
}

/* What snapd would refuse in the attributes of a new definition. */
static gboolean
check_attributes (const char  *interface,
                  GVariant    *attributes,
                  GError     **error)
{
  const ScRequiredAttributes *rule = sc_plug_rules_get_required (interface);
  static const char * const path_lists[] = { "read", "write" };

  /* Lists of mappings (mount-control's mount, kernel-module-load's
   * modules) have no one-line form: those are written by hand. */
  if (rule != NULL && (rule->example == NULL || !sc_plug_rules_has_required (rule, attributes)))
    return fail_needs_attributes (rule, error);
  if (strcmp (interface, "personal-files") != 0 && strcmp (interface, "system-files") != 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (path_lists); i++)
    {
      g_autoptr(GVariant) list = attributes ? g_variant_lookup_value (attributes, path_lists[i],
                                                                      G_VARIANT_TYPE ("av"))
                                            : NULL;

      for (gsize k = 0; list != NULL && k < g_variant_n_children (list); k++)
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (list, k);
          g_autoptr(GVariant) item = g_variant_get_variant (boxed);
          const char *hint = NULL;
          gboolean advice = FALSE;
          g_autofree char *problem = NULL;

          if (!g_variant_is_of_type (item, G_VARIANT_TYPE_STRING))
            {
              g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                           /* Translators: an attribute name (read, write), then an interface
                            * name. */
                           _("“%s” of %s must list paths"), path_lists[i], interface);
              return FALSE;
            }
          problem = sc_plug_rules_check_files_path (interface, g_variant_get_string (item, NULL),
                                                    &hint, &advice);
          if (problem != NULL && !advice)
            {
              g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                           /* Translators: a path, then a reason such as “ends with “/””,
                            * then what to do. */
                           _("path “%s” %s. %s"), g_variant_get_string (item, NULL), problem,
                           hint);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* A plug TARGET gets from an extension needs no entry: a note says so. */
static gboolean
given_by_extension (ScEdit     *edit,
                    const char *target,
                    const char *name)
{
  ScTarget *t = sc_project_find_target (edit->project, target);
  const char *extension;
  g_autofree char *target_label = NULL;

  if (t == NULL || (extension = sc_project_get_plug_extension (edit->project, t, name)) == NULL)
    return FALSE;
  /* Translators: %s is the name of a hook of the snap. */
  target_label = t->is_hook ? g_strdup_printf (_("%s hook"), t->name) : g_strdup (t->name);
  /* Translators: an app's name or “NAME hook”, a plug, an extension. */
  add_note (edit, g_strdup_printf (_("%s already gets “%s” from the %s extension; nothing "
                                     "written for it"), target_label, name, extension));
  return TRUE;
}

static gboolean
add_bare (ScEdit      *edit,
          const char  *target,
          const char  *name,
          char       **plug_name,
          GError     **error)
{
  ScTarget *t = sc_project_find_target (edit->project, target);
  const char *iface;
  GVariant *attributes;
  const ScRequiredAttributes *rule;

  if (plug_name != NULL)
    *plug_name = g_strdup (name);

  /* Kept or restored: a name the list holds is never refused. */
  if (t != NULL)
    for (guint i = 0; i < t->plugs->len; i++)
      if (strcmp (((ScPlugRef *) t->plugs->pdata[i])->name, name) == 0)
        return sc_edit_add_plug (edit, target, name, error);
  /* An unknown target or an invalid name: sc_edit_add_plug says which. */
  if (t == NULL || !_sc_project_valid_name (name, FALSE))
    return sc_edit_add_plug (edit, target, name, error);

  if (given_by_extension (edit, target, name))
    return TRUE;
  if (lookup_definition (edit, name, &iface, &attributes) ||
      sc_project_find_extension_plug_def (edit->project, name, NULL) != NULL)
    return sc_edit_add_plug (edit, target, name, error);
  if (sc_interface_catalogue_lookup (name) == NULL)
    return fail_unknown (edit, name, FALSE, error);
  rule = sc_plug_rules_get_required (name);
  if (rule != NULL)
    return fail_needs_attributes (rule, error);
  return sc_edit_add_plug (edit, target, name, error);
}

/* The name under which SPEC's definition goes: SPEC's own, the name of an
 * identical definition, or one made from the attributes that is free. */
static char *
definition_name (ScEdit            *edit,
                 const ScPlugSpec  *spec,
                 GVariant          *attributes,
                 GError           **error)
{
  GPtrArray *defs = sc_project_get_plug_defs (edit->project);
  g_autofree char *base = NULL;
  const char *iface;
  GVariant *old;

  if (spec->name != NULL)
    {
      if (lookup_definition (edit, spec->name, &iface, &old) &&
          !(strcmp (iface, spec->interface) == 0 && g_variant_equal (old, attributes)))
        {
          g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                       /* Translators: a plug name, then the project file. */
                       _("plug “%s” is already defined otherwise in %s; choose another name "
                         "or leave the name out"), spec->name,
                       sc_project_get_display_path (edit->project));
          return NULL;
        }
      if (g_strv_contains (sc_project_get_slot_names (edit->project), spec->name))
        {
          g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                       /* Translators: %s is a plug name. */
                       _("“%s” is the name of a slot; snapd refuses a plug of the same name"),
                       spec->name);
          return NULL;
        }
      return g_strdup (spec->name);
    }

  for (guint i = 0; i < defs->len; i++)
    {
      ScPlugDef *def = defs->pdata[i];

      if (strcmp (def->interface, spec->interface) == 0 &&
          g_variant_equal (def->attributes, attributes))
        return g_strdup (def->name);
    }
  for (guint i = 0; i < edit->defs->len; i++)
    {
      ScDefEdit *def = edit->defs->pdata[i];

      if (strcmp (def->interface, spec->interface) == 0 &&
          g_variant_equal (def->attributes, attributes))
        return g_strdup (def->name);
    }

  base = default_name (spec);
  if (!name_is_taken (edit, base))
    return g_steal_pointer (&base);
  for (guint n = 2;; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", base, n);

      if (!name_is_taken (edit, name))
        return g_steal_pointer (&name);
    }
}

GVariant *
sc_plug_spec_dup_definition (const ScPlugSpec *spec)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (spec != NULL, NULL);

  if (spec->interface == NULL)
    return NULL;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string (spec->interface));
  if (spec->attributes != NULL)
    {
      g_variant_iter_init (&iter, spec->attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          g_variant_builder_add (&builder, "{sv}", key, value);
          g_variant_unref (value);
        }
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

ScPlugSpec *
sc_plug_spec_new_from_definition (const char *name,
                                  GVariant   *definition)
{
  g_autoptr(GVariant) iface = NULL;
  ScPlugSpec *spec;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  gboolean any = FALSE;

  g_return_val_if_fail (definition != NULL, NULL);

  iface = g_variant_lookup_value (definition, "interface", G_VARIANT_TYPE_STRING);
  if (iface == NULL)
    return NULL;
  spec = sc_plug_spec_new (g_variant_get_string (iface, NULL), name);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_iter_init (&iter, definition);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      if (strcmp (key, "interface") != 0)
        {
          g_variant_builder_add (&builder, "{sv}", key, value);
          any = TRUE;
        }
      g_variant_unref (value);
    }
  if (any)
    spec->attributes = g_variant_ref_sink (g_variant_builder_end (&builder));
  else
    g_variant_builder_clear (&builder);
  return spec;
}

gboolean
sc_edit_add_plug_spec (ScEdit            *edit,
                       const char        *target,
                       const ScPlugSpec  *spec,
                       char             **plug_name,
                       GError           **error)
{
  g_autoptr(GVariant) attributes = NULL;
  g_autoptr(GVariant) definition = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (edit != NULL && target != NULL && spec != NULL, FALSE);

  if (plug_name != NULL)
    *plug_name = NULL;
  if (spec->interface == NULL)
    return add_bare (edit, target, spec->name, plug_name, error);

  if (sc_project_find_target (edit->project, target) == NULL)
    return sc_edit_add_plug (edit, target, spec->interface, error);
  if (sc_interface_catalogue_lookup (spec->interface) == NULL)
    return fail_unknown (edit, spec->interface, TRUE, error);

  attributes = spec->attributes != NULL ? g_variant_ref (spec->attributes)
                                        : g_variant_ref_sink (g_variant_new ("a{sv}", NULL));
  if (!check_attributes (spec->interface, attributes, error))
    return FALSE;
  if (spec->name == NULL && spec->attributes == NULL)
    return add_bare (edit, target, spec->interface, plug_name, error);

  name = definition_name (edit, spec, attributes, error);
  if (name == NULL)
    return FALSE;

  definition = sc_plug_spec_dup_definition (spec);
  if (!sc_edit_define_plug (edit, name, definition, error) ||
      !sc_edit_add_plug (edit, target, name, error))
    return FALSE;
  if (plug_name != NULL)
    *plug_name = g_steal_pointer (&name);
  return TRUE;
}

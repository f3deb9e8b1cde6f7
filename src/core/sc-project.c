/* sc-project.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds a project's snapcraft.yaml, checks it the way snapcraft would and
 * builds the model (apps, hooks, top-level plug definitions). Editing is in
 * sc-project-edit.c, sc-project-render*.c and sc-project-verify.c (see
 * sc-project-private.h).
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-file-util.h"
#include "sc-project-private.h"
#include "sc-utils.h"
#include "sc-yaml-document.h"

G_DEFINE_QUARK (sc-project-error-quark, sc_project_error)

const char * const sc_project_candidates[] = {
  "snapcraft.yaml",
  "snap/snapcraft.yaml",
  "build-aux/snap/snapcraft.yaml",
  ".snapcraft.yaml",
  NULL,
};

/* Attribute conversion follows aliases; this bounds the work an alias bomb
 * inside a plug definition can cause. */
#define VARIANT_BUDGET 100000
#define VARIANT_MAX_DEPTH 64

G_DEFINE_FINAL_TYPE (ScProject, sc_project, G_TYPE_OBJECT)

static void
sc_project_finalize (GObject *object)
{
  ScProject *self = SC_PROJECT (object);

  g_clear_pointer (&self->root, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_path, g_free);
  g_clear_pointer (&self->error_name, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->doc, sc_yaml_document_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->base, g_free);
  g_clear_pointer (&self->build_base, g_free);
  g_clear_pointer (&self->grade, g_free);
  g_clear_pointer (&self->confinement, g_free);
  g_clear_pointer (&self->apps, g_ptr_array_unref);
  g_clear_pointer (&self->hooks, g_ptr_array_unref);
  g_clear_pointer (&self->app_infos, g_ptr_array_unref);
  g_clear_pointer (&self->hook_infos, g_ptr_array_unref);
  g_clear_pointer (&self->plug_def_index, g_hash_table_unref);
  g_clear_pointer (&self->plug_defs, g_ptr_array_unref);
  g_clear_pointer (&self->slot_names, g_strfreev);

  G_OBJECT_CLASS (sc_project_parent_class)->finalize (object);
}

static void
sc_project_class_init (ScProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_project_finalize;
}

static void
sc_project_init (ScProject *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->apps = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_target_free);
  self->hooks = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_target_free);
  self->app_infos = g_ptr_array_new_with_free_func (g_free);
  self->hook_infos = g_ptr_array_new_with_free_func (g_free);
  self->plug_defs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plug_def_free);
}

void
sc_target_free (ScTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->name);
  g_free (target->command);
  g_free (target->daemon);
  g_strfreev (target->extensions);
  g_clear_pointer (&target->plugs, g_ptr_array_unref);
  g_strfreev (target->slots);
  g_free (target);
}

void
sc_plug_ref_free (ScPlugRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->name);
  g_free (ref);
}

void
sc_plug_def_free (ScPlugDef *def)
{
  if (def == NULL)
    return;
  g_free (def->name);
  g_free (def->interface);
  g_clear_pointer (&def->attributes, g_variant_unref);
  g_free (def);
}

/* ---- Validation and model --------------------------------------------- */

static gboolean
fail_at (ScProject  *self,
         ScYamlNode *node,
         GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

const char *
_sc_target_kind (gboolean is_hook)
{
  /* Translators: the kind of a part of a snap, in messages such as "hook
   * 'configure' must be a mapping of its settings". */
  return is_hook ? C_("project part", "hook") : C_("project part", "app");
}

static gboolean
fail_at (ScProject  *self,
         ScYamlNode *node,
         GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID, "%s:%u:%u: %s",
               self->error_name, node ? node->line : 1, node ? node->column : 1, message);
  return FALSE;
}

/* snapd's rules: ^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$ for apps,
 * ^[a-z](?:-?[a-z0-9])*$ for hooks, plugs and interfaces. */
gboolean
_sc_project_valid_name (const char *s,
                        gboolean    app)
{
  gboolean prev_hyphen = FALSE;

  if (s == NULL || s[0] == '\0')
    return FALSE;
  if (app ? !g_ascii_isalnum (s[0]) : !g_ascii_islower (s[0]))
    return FALSE;
  for (const char *p = s + 1; *p; p++)
    {
      if (*p == '-')
        {
          if (prev_hyphen)
            return FALSE;
          prev_hyphen = TRUE;
          continue;
        }
      if (app ? !g_ascii_isalnum (*p) : !(g_ascii_islower (*p) || g_ascii_isdigit (*p)))
        return FALSE;
      prev_hyphen = FALSE;
    }
  return !prev_hyphen;
}

static gboolean
is_merge_key (const ScYamlNode *key)
{
  return key->kind == SC_YAML_NODE_SCALAR && key->style == SC_YAML_STYLE_PLAIN &&
         g_str_equal (key->value, "<<");
}

/* Keys that YAML would read as the same value. Quoting does not change a
 * string key; a plain null, bool or number is a different key from the
 * same text quoted. */
static char *
key_identity (ScYamlNode *key)
{
  key = sc_yaml_node_resolve (key);
  if (key == NULL || key->kind != SC_YAML_NODE_SCALAR)
    return NULL;
  if (sc_yaml_node_is_string (key))
    {
      char *id = g_malloc (key->value_len + 2);

      id[0] = 's';
      memcpy (id + 1, key->value, key->value_len + 1);
      return id;
    }
  return g_strconcat ("o", key->value, NULL);
}

static gboolean
check_duplicate_keys (ScProject *self,
                      GError   **error)
{
  ScYamlDocument *doc = self->doc;
  ScYamlNode *worst = NULL, *worst_first = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = sc_yaml_document_get_n_nodes (doc);

  for (guint i = 0; i < n; i++)
    {
      ScYamlNode *map = sc_yaml_document_get_node (doc, i);

      if (map->kind != SC_YAML_NODE_MAPPING || map->n_children < 4)
        continue;

      g_hash_table_remove_all (seen);
      for (guint k = 0; k + 1 < map->n_children; k += 2)
        {
          ScYamlNode *key = map->children[k];
          char *id;
          ScYamlNode *first;

          if (is_merge_key (key) || (id = key_identity (key)) == NULL)
            continue;
          first = g_hash_table_lookup (seen, id);
          if (first != NULL)
            {
              if (worst == NULL || key->start < worst->start)
                {
                  worst = key;
                  worst_first = first;
                }
              g_free (id);
              break;
            }
          g_hash_table_insert (seen, id, key);
        }
    }

  if (worst != NULL)
    {
      ScYamlNode *resolved = sc_yaml_node_resolve (worst);

      return fail_at (self, worst, error,
                      /* Translators: a key of the file, then the line and column of its first
                       * use. */
                      _("duplicate key '%s' (first at line %u, column %u); snapcraft rejects "
                        "repeated keys"), resolved->value, worst_first->line, worst_first->column);
    }
  return TRUE;
}

/* Looks KEY up in MAPPING, then in the mappings merged into it with `<<`. */
static ScYamlNode *
lookup_merged (ScYamlNode  *mapping,
               const char  *key,
               ScYamlNode **key_node,
               gboolean    *merged,
               guint        depth)
{
  ScYamlNode *value, *merge;

  if (merged != NULL)
    *merged = FALSE;
  value = sc_yaml_mapping_lookup (mapping, key, key_node);
  if (value != NULL || depth > 8 || mapping == NULL)
    return value;

  merge = sc_yaml_node_resolve (sc_yaml_mapping_lookup (mapping, "<<", NULL));
  if (merge == NULL)
    return NULL;
  if (merge->kind == SC_YAML_NODE_MAPPING)
    value = lookup_merged (merge, key, key_node, NULL, depth + 1);
  else if (merge->kind == SC_YAML_NODE_SEQUENCE)
    for (guint i = 0; i < merge->n_children && value == NULL; i++)
      {
        ScYamlNode *m = sc_yaml_node_resolve (merge->children[i]);

        if (m != NULL && m->kind == SC_YAML_NODE_MAPPING)
          value = lookup_merged (m, key, key_node, NULL, depth + 1);
      }
  if (value != NULL && merged != NULL)
    *merged = TRUE;
  return value;
}

/* A scalar that is a string for our purposes: not null, not a collection.
 * Values like `1.0` or `true` are kept as their text. */
static gboolean
scalar_text (ScProject   *self,
             ScYamlNode  *raw,
             const char  *what,
             char       **out,
             GError     **error)
{
  ScYamlNode *node = sc_yaml_node_resolve (raw);

  *out = NULL;
  if (node == NULL || sc_yaml_node_is_null (node))
    return TRUE;
  if (node->kind != SC_YAML_NODE_SCALAR)
    /* Translators: a key of the file, then “mapping” or “list”. */
    return fail_at (self, raw, error, _("'%s' must be a single value, not a %s"), what,
                    node->kind == SC_YAML_NODE_MAPPING ? _("mapping") : _("list"));
  *out = g_strdup (node->value);
  return TRUE;
}

static GStrv
string_list (ScYamlNode *raw)
{
  ScYamlNode *node = sc_yaml_node_resolve (raw);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && node->kind == SC_YAML_NODE_SEQUENCE)
    for (guint i = 0; i < node->n_children; i++)
      {
        ScYamlNode *item = sc_yaml_node_resolve (node->children[i]);

        if (item != NULL && item->kind == SC_YAML_NODE_SCALAR && !sc_yaml_node_is_null (item))
          g_strv_builder_add (builder, item->value);
      }
  else if (node != NULL && node->kind == SC_YAML_NODE_SCALAR && !sc_yaml_node_is_null (node))
    g_strv_builder_add (builder, node->value);
  return g_strv_builder_end (builder);
}

static gboolean
read_plug_list (ScProject    *self,
                ScTargetInfo *info,
                GError      **error)
{
  ScTarget *target = info->target;
  ScYamlNode *raw, *seq, *key = NULL;
  gboolean merged = FALSE;

  raw = lookup_merged (info->mapping, "plugs", &key, &merged, 0);
  if (raw == NULL)
    return TRUE;

  target->has_plugs_key = TRUE;
  target->plugs_line = key->line;
  target->plugs_column = key->column;
  info->plugs_merged = merged;
  if (!merged)
    {
      info->plugs_key = key;
      info->plugs_value = raw;
    }

  seq = sc_yaml_node_resolve (raw);
  if (sc_yaml_node_is_null (seq))
    return TRUE;
  if (seq->kind != SC_YAML_NODE_SEQUENCE)
    /* Translators: the first %s is “app” or “hook”, the second its name. */
    return fail_at (self, raw, error, _("'plugs' of %s '%s' must be a list of plug names"),
                    _sc_target_kind (target->is_hook), target->name);

  for (guint i = 0; i < seq->n_children; i++)
    {
      ScYamlNode *item_raw = seq->children[i];
      ScYamlNode *item = sc_yaml_node_resolve (item_raw);
      ScPlugRef *ref;

      const char *type = sc_yaml_node_yaml11_type (item);

      if (item->kind != SC_YAML_NODE_SCALAR || strlen (item->value) != item->value_len)
        return fail_at (self, item_raw, error,
                        /* Translators: the first %s is “app” or “hook”, the second its name. */
                        _("'plugs' of %s '%s' must be a list of plug names (strings)"),
                        _sc_target_kind (target->is_hook), target->name);
      /* YAML reads a plain 42, 1.5, true or ~ as a number, a boolean or
       * null, and snapcraft wants strings; quoting makes them strings. */
      if (!g_str_equal (type, "str"))
        return fail_at (self, item_raw, error,
                        /* Translators: the first %s is “app” or “hook”, the second its name,
                         * the third the value as written, the fourth what YAML reads it as (“an
                         * integer”, “a boolean”…). */
                        _("'plugs' of %s '%s' must be a list of plug names (strings), but "
                          "YAML reads '%s' as %s; quote it if it is meant as a name"),
                        _sc_target_kind (target->is_hook), target->name, item->value,
                        g_str_equal (type, "int") ? _("an integer") :
                        g_str_equal (type, "float") ? _("a number") :
                        g_str_equal (type, "bool") ? _("a boolean") :
                        g_str_equal (type, "null") ? _("null (no value)") :
                        g_str_equal (type, "timestamp") ? _("a date") : _("a non-string value"));
      /* A name listed twice loads: `check` reports it (duplicate-plug). */

      ref = g_new0 (ScPlugRef, 1);
      ref->name = g_strdup (item->value);
      ref->line = item_raw->line;
      ref->column = item_raw->column;
      g_ptr_array_add (target->plugs, ref);
    }
  return TRUE;
}

static gboolean
read_targets (ScProject  *self,
              const char *section,
              gboolean    hooks,
              GError    **error)
{
  ScYamlNode *root = sc_yaml_document_get_root (self->doc);
  ScYamlNode *raw = sc_yaml_mapping_lookup (root, section, NULL);
  ScYamlNode *map = sc_yaml_node_resolve (raw);
  GPtrArray *targets = hooks ? self->hooks : self->apps;
  GPtrArray *infos = hooks ? self->hook_infos : self->app_infos;

  if (map == NULL || sc_yaml_node_is_null (map))
    return TRUE;
  if (map->kind != SC_YAML_NODE_MAPPING)
    /* Translators: the first %s is “apps” or “hooks”, a key of the file; the second “app” or
     * “hook”. */
    return fail_at (self, raw, error, _("'%s' must be a mapping of %s names to their definitions"),
                    section, _sc_target_kind (hooks));

  for (guint i = 0; i + 1 < map->n_children; i += 2)
    {
      ScYamlNode *key = map->children[i];
      ScYamlNode *value = map->children[i + 1];
      ScYamlNode *resolved_key = sc_yaml_node_resolve (key);
      ScYamlNode *mapping = sc_yaml_node_resolve (value);
      ScTargetInfo *info;
      ScTarget *target;

      if (resolved_key->kind != SC_YAML_NODE_SCALAR ||
          !_sc_project_valid_name (resolved_key->value, !hooks) ||
          strlen (resolved_key->value) != resolved_key->value_len)
        {
          if (hooks)
            return fail_at (self, key, error,
                            /* Translators: %s is the name as written in the file. */
                            _("'%s' is not a valid hook name: use lowercase letters, digits and "
                              "single hyphens, starting with a letter"),
                            resolved_key->kind == SC_YAML_NODE_SCALAR ? resolved_key->value : "?");
          return fail_at (self, key, error,
                          /* Translators: %s is the name as written in the file. */
                          _("'%s' is not a valid app name: use letters, digits and single "
                            "hyphens, starting and ending with a letter or digit"),
                          resolved_key->kind == SC_YAML_NODE_SCALAR ? resolved_key->value : "?");
        }

      if (sc_yaml_node_is_null (mapping))
        mapping = NULL;
      else if (mapping->kind != SC_YAML_NODE_MAPPING)
        /* Translators: the first %s is “app” or “hook”, the second its name. */
        return fail_at (self, value, error, _("%s '%s' must be a mapping of its settings"),
                        _sc_target_kind (hooks), resolved_key->value);

      target = g_new0 (ScTarget, 1);
      target->name = g_strdup (resolved_key->value);
      target->is_hook = hooks;
      target->plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plug_ref_free);
      target->line = key->line;
      target->column = key->column;
      g_ptr_array_add (targets, target);

      info = g_new0 (ScTargetInfo, 1);
      info->target = target;
      info->key = key;
      info->value = value;
      info->mapping = mapping;
      g_ptr_array_add (infos, info);

      if (mapping != NULL && !hooks)
        {
          if (!scalar_text (self, lookup_merged (mapping, "command", NULL, NULL, 0),
                            "command", &target->command, error) ||
              !scalar_text (self, lookup_merged (mapping, "daemon", NULL, NULL, 0),
                            "daemon", &target->daemon, error))
            return FALSE;
          target->extensions = string_list (lookup_merged (mapping, "extensions", NULL, NULL, 0));
        }
      else
        target->extensions = g_new0 (char *, 1);
      target->slots = string_list (lookup_merged (mapping, "slots", NULL, NULL, 0));

      if (!read_plug_list (self, info, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
plain_integer (const char *s,
               gint64     *out)
{
  const char *p = s;
  char *end = NULL;

  if (*p == '-' || *p == '+')
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  errno = 0;
  *out = g_ascii_strtoll (s, &end, 10);
  return errno == 0 && end != NULL && *end == '\0';
}

/* The conversion documented in sc-project.h. */
static GVariant *
node_to_variant (ScYamlNode *node,
                 guint      *budget,
                 guint       depth)
{
  if (*budget == 0 || depth > VARIANT_MAX_DEPTH)
    return NULL;
  (*budget)--;
  node = sc_yaml_node_resolve (node);

  switch (node->kind)
    {
    case SC_YAML_NODE_SCALAR:
      if (node->style == SC_YAML_STYLE_PLAIN && node->tag == NULL)
        {
          gint64 number;

          if (sc_yaml_node_is_null (node))
            return g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL);
          if (g_str_equal (node->value, "true") || g_str_equal (node->value, "True") ||
              g_str_equal (node->value, "TRUE"))
            return g_variant_new_boolean (TRUE);
          if (g_str_equal (node->value, "false") || g_str_equal (node->value, "False") ||
              g_str_equal (node->value, "FALSE"))
            return g_variant_new_boolean (FALSE);
          if (plain_integer (node->value, &number))
            return g_variant_new_int64 (number);
        }
      return g_variant_new_string (g_utf8_validate (node->value, node->value_len, NULL)
                                   ? node->value : "");

    case SC_YAML_NODE_SEQUENCE:
      {
        GVariantBuilder builder;

        g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
        for (guint i = 0; i < node->n_children; i++)
          {
            GVariant *child = node_to_variant (node->children[i], budget, depth + 1);

            if (child == NULL)
              {
                g_variant_builder_clear (&builder);
                return NULL;
              }
            g_variant_builder_add (&builder, "v", child);
          }
        return g_variant_builder_end (&builder);
      }

    case SC_YAML_NODE_MAPPING:
      {
        GVariantBuilder builder;

        g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
        for (guint i = 0; i + 1 < node->n_children; i += 2)
          {
            ScYamlNode *key = sc_yaml_node_resolve (node->children[i]);
            GVariant *child;

            if (key->kind != SC_YAML_NODE_SCALAR)
              continue;
            child = node_to_variant (node->children[i + 1], budget, depth + 1);
            if (child == NULL)
              {
                g_variant_builder_clear (&builder);
                return NULL;
              }
            g_variant_builder_add (&builder, "{sv}",
                                   g_utf8_validate (key->value, key->value_len, NULL)
                                   ? key->value : "", child);
          }
        return g_variant_builder_end (&builder);
      }

    case SC_YAML_NODE_ALIAS:
    default:
      return NULL;
    }
}

/* Names of the top-level slot definitions: plugs may not reuse them. Slots
 * are not edited, so odd shapes are passed over rather than refused. */
static void
read_slot_names (ScProject *self)
{
  ScYamlNode *root = sc_yaml_document_get_root (self->doc);
  ScYamlNode *value = sc_yaml_node_resolve (sc_yaml_mapping_lookup (root, "slots", NULL));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (value != NULL
      && (value->kind == SC_YAML_NODE_MAPPING || value->kind == SC_YAML_NODE_SEQUENCE))
    {
      guint step = value->kind == SC_YAML_NODE_MAPPING ? 2 : 1;

      for (guint i = 0; i < value->n_children; i += step)
        {
          ScYamlNode *name = sc_yaml_node_resolve (value->children[i]);

          if (name != NULL && name->kind == SC_YAML_NODE_SCALAR)
            g_strv_builder_add (names, name->value);
        }
    }
  self->slot_names = g_strv_builder_end (names);
}

static gboolean
read_plug_defs (ScProject  *self,
                GError    **error)
{
  ScYamlNode *root = sc_yaml_document_get_root (self->doc);
  ScYamlNode *raw = sc_yaml_mapping_lookup (root, "plugs", &self->plugs_key);
  ScYamlNode *map = sc_yaml_node_resolve (raw);
  guint budget = VARIANT_BUDGET;

  self->plugs_value = raw;
  if (map == NULL || sc_yaml_node_is_null (map))
    return TRUE;
  if (map->kind != SC_YAML_NODE_MAPPING)
    return fail_at (self, raw, error,
                    _("the top-level 'plugs' must be a mapping of plug names to definitions"));

  for (guint i = 0; i + 1 < map->n_children; i += 2)
    {
      ScYamlNode *key_raw = map->children[i];
      ScYamlNode *key = sc_yaml_node_resolve (key_raw);
      ScYamlNode *value_raw = map->children[i + 1];
      ScYamlNode *value = sc_yaml_node_resolve (value_raw);
      g_autoptr(GVariantBuilder) attrs = g_variant_builder_new (G_VARIANT_TYPE ("a{sv}"));
      ScPlugDef *def;

      if (key->kind != SC_YAML_NODE_SCALAR || strlen (key->value) != key->value_len)
        return fail_at (self, key_raw, error, _("plug names must be strings"));

      def = g_new0 (ScPlugDef, 1);
      def->name = g_strdup (key->value);
      def->line = key_raw->line;
      def->column = key_raw->column;
      g_ptr_array_add (self->plug_defs, def);

      if (sc_yaml_node_is_null (value))
        def->interface = g_strdup (def->name);
      else if (value->kind == SC_YAML_NODE_SCALAR)
        def->interface = g_strdup (value->value);
      else if (value->kind == SC_YAML_NODE_SEQUENCE)
        return fail_at (self, value_raw, error,
                        /* Translators: %s is a plug name. */
                        _("plug '%s' is defined as a list; a definition is an interface name "
                          "or a mapping of attributes"), def->name);
      else
        {
          for (guint k = 0; k + 1 < value->n_children; k += 2)
            {
              ScYamlNode *akey = sc_yaml_node_resolve (value->children[k]);
              ScYamlNode *aval = value->children[k + 1];
              GVariant *v;

              if (akey->kind != SC_YAML_NODE_SCALAR || is_merge_key (akey))
                continue;
              if (g_str_equal (akey->value, "interface"))
                {
                  ScYamlNode *iface = sc_yaml_node_resolve (aval);

                  if (iface->kind != SC_YAML_NODE_SCALAR || sc_yaml_node_is_null (iface))
                    return fail_at (self, aval, error,
                                    /* Translators: %s is a plug name. */
                                    _("the interface of plug '%s' must be a name"), def->name);
                  g_free (def->interface);
                  def->interface = g_strdup (iface->value);
                  continue;
                }
              v = node_to_variant (aval, &budget, 0);
              if (v == NULL)
                {
                  g_variant_builder_clear (attrs);
                  return fail_at (self, aval, error,
                                  /* Translators: %s is a plug name. */
                                  _("the attributes of plug '%s' expand to too many values "
                                    "(aliases nested too deeply?)"), def->name);
                }
              g_variant_builder_add (attrs, "{sv}",
                                     g_utf8_validate (akey->value, -1, NULL) ? akey->value : "",
                                     v);
            }
          if (def->interface == NULL)
            def->interface = g_strdup (def->name);
        }
      def->attributes = g_variant_ref_sink (g_variant_builder_end (attrs));
    }
  return TRUE;
}

static gboolean
build_model (ScProject  *self,
             GError    **error)
{
  ScYamlNode *root = sc_yaml_document_get_root (self->doc);
  ScYamlNode *name_raw, *name_key;

  if (root->kind != SC_YAML_NODE_MAPPING)
    return fail_at (self, root, error,
                    _("not a snapcraft project: the top level must be a mapping of keys"));

  if (!check_duplicate_keys (self, error))
    return FALSE;

  name_raw = sc_yaml_mapping_lookup (root, "name", &name_key);
  if (name_raw == NULL)
    return fail_at (self, root, error, _("not a snapcraft project: there is no 'name' key"));
  if (!scalar_text (self, name_raw, "name", &self->name, error))
    return FALSE;
  if (self->name == NULL)
    return fail_at (self, name_raw, error, _("'name' must not be empty"));

  if (!scalar_text (self, sc_yaml_mapping_lookup (root, "base", NULL), "base",
                    &self->base, error) ||
      !scalar_text (self, sc_yaml_mapping_lookup (root, "build-base", NULL), "build-base",
                    &self->build_base, error) ||
      !scalar_text (self, sc_yaml_mapping_lookup (root, "grade", NULL), "grade",
                    &self->grade, error))
    return FALSE;

  self->confinement_value = sc_yaml_mapping_lookup (root, "confinement", &self->confinement_key);
  if (!scalar_text (self, self->confinement_value, "confinement", &self->confinement, error))
    return FALSE;

  if (!read_targets (self, "apps", FALSE, error) ||
      !read_targets (self, "hooks", TRUE, error) ||
      !read_plug_defs (self, error))
    return FALSE;
  read_slot_names (self);

  return TRUE;
}

/* The folder snapcraft packs hooks from: hooks/ in the assets folder,
 * which is build-aux/snap/ for build-aux/snap/snapcraft.yaml and snap/ for
 * the other three candidates. */
static char *
hooks_dir_of_file (const char *file)
{
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *base = g_path_get_basename (dir);

  if (g_str_equal (base, "snap"))
    return g_build_filename (dir, "hooks", NULL);
  return g_build_filename (dir, "snap", "hooks", NULL);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* snapcraft packs every file in the hooks folder as a hook (making it
 * executable), with or without a `hooks:` entry; those without one come
 * after the file's hooks, sorted. Hidden files are left out. */
static void
read_file_hooks (ScProject *self)
{
  g_autofree char *dir_path = hooks_dir_of_file (self->path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir_path, entry, NULL);
      g_autofree char *target = g_strconcat ("hook:", entry, NULL);

      if (entry[0] == '.' || !g_file_test (file, G_FILE_TEST_IS_REGULAR) ||
          _sc_project_find_info (self, target) != NULL)
        continue;
      if (!_sc_project_valid_name (entry, FALSE))
        {
          g_ptr_array_add (self->warnings,
                           g_strdup_printf ("%s: '%s' is not a valid hook name; snapcraft will "
                                            "refuse it", file, entry));
          continue;
        }
      g_ptr_array_add (names, g_strdup (entry));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      ScTarget *target = g_new0 (ScTarget, 1);
      ScTargetInfo *info = g_new0 (ScTargetInfo, 1);

      target->name = g_strdup (g_ptr_array_index (names, i));
      target->is_hook = TRUE;
      target->plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plug_ref_free);
      target->extensions = g_new0 (char *, 1);
      target->slots = g_new0 (char *, 1);
      g_ptr_array_add (self->hooks, target);
      info->target = target;
      info->file_only = TRUE;
      g_ptr_array_add (self->hook_infos, info);
    }
}

ScProject *
_sc_project_load_bytes (const char *path,
                        const char *root,
                        const char *display_path,
                        const char *error_name,
                        GBytes     *bytes,
                        GError    **error)
{
  g_autoptr(ScProject) self = g_object_new (SC_TYPE_PROJECT, NULL);

  self->path = g_strdup (path);
  self->root = g_strdup (root);
  self->display_path = g_strdup (display_path);
  self->error_name = g_strdup (error_name);
  self->bytes = g_bytes_ref (bytes);

  self->doc = sc_yaml_document_new (error_name, bytes, error);
  if (self->doc == NULL)
    return NULL;
  if (!build_model (self, error))
    return NULL;
  if (path != NULL)
    read_file_hooks (self);
  return g_steal_pointer (&self);
}

ScProject *
sc_project_load_from_data (const char  *display_name,
                           const char  *data,
                           gsize        len,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (display_name == NULL)
    display_name = "snapcraft.yaml";
  return _sc_project_load_bytes (NULL, NULL, display_name, display_name, bytes, error);
}

/* The project folder of a snapcraft.yaml: the folder holding snap/ or
 * build-aux/snap/ when the file sits in one of those. */
static char *
root_of_file (const char *file)
{
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *base = g_path_get_basename (dir);

  if (g_str_equal (base, "snap"))
    {
      g_autofree char *parent = g_path_get_dirname (dir);
      g_autofree char *parent_base = g_path_get_basename (parent);

      if (g_str_equal (parent_base, "build-aux"))
        return g_path_get_dirname (parent);
      return g_steal_pointer (&parent);
    }
  return g_steal_pointer (&dir);
}

ScProject *
sc_project_load (const char  *path,
                 GError     **error)
{
  g_autofree char *file = NULL;
  g_autofree char *root = NULL;
  g_autofree char *display = NULL;
  g_autofree char *error_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  ScProject *project;

  g_return_val_if_fail (path != NULL, NULL);

  /* A symlink loop, a folder without permission, a FIFO: say so. */
  if (!sc_file_check_project_path (path, sc_project_candidates, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      for (guint i = 0; sc_project_candidates[i] != NULL; i++)
        {
          g_autofree char *candidate = g_build_filename (path, sc_project_candidates[i], NULL);

          if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (found, (gpointer) sc_project_candidates[i]);
        }
      if (found->len == 0)
        {
          g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND,
                       /* Translators: %s is a folder. */
                       _("%s: no snapcraft.yaml found (looked for snapcraft.yaml, "
                         "snap/snapcraft.yaml, build-aux/snap/snapcraft.yaml and "
                         ".snapcraft.yaml)"), path);
          return NULL;
        }
      display = g_strdup (g_ptr_array_index (found, 0));
      file = g_build_filename (path, display, NULL);
      root = g_strdup (path);
      error_name = g_strcmp0 (path, ".") == 0 ? g_strdup (display) : g_strdup (file);
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      file = g_strdup (path);
      display = g_path_get_basename (path);
      root = root_of_file (path);
      error_name = g_strdup (path);
    }
  else
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND,
                   /* Translators: %s is a path. */
                   _("%s: no such file or folder"), path);
      return NULL;
    }

  bytes = sc_file_read_limited (file, SC_YAML_MAX_SIZE, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID,
                     /* Translators: %s is a file, %u a size in mebibytes. */
                     _("%s:1:1: the file is larger than %u MiB"), error_name,
                     SC_YAML_MAX_SIZE / (1024 * 1024));
      else
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND, "%s",
                     local_error->message);
      return NULL;
    }

  project = _sc_project_load_bytes (file, root, display, error_name, bytes, error);
  if (project != NULL && found->len > 1)
    {
      g_autoptr(GString) others = g_string_new (NULL);

      for (guint i = 1; i < found->len; i++)
        g_string_append_printf (others, "%s%s", i > 1 ? ", " : "",
                                (const char *) g_ptr_array_index (found, i));
      g_ptr_array_add (project->warnings,
                       g_strdup_printf ("%s also has %s; using %s, the one snapcraft reads "
                                        "first", path, others->str, display));
    }
  return project;
}

const char *
sc_project_get_root (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->root;
}

const char *
sc_project_get_path (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->path;
}

const char *
sc_project_get_display_path (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->display_path;
}

GBytes *
sc_project_get_bytes (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->bytes;
}

GPtrArray *
sc_project_get_warnings (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->warnings;
}

const char * const *
sc_project_get_slot_names (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return (const char * const *) self->slot_names;
}

const char *
sc_project_get_name (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->name;
}

const char *
sc_project_get_base (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->base;
}

const char *
sc_project_get_build_base (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->build_base;
}

const char *
sc_project_get_grade (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->grade;
}

const char *
sc_project_get_confinement (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->confinement;
}

void
sc_project_get_confinement_position (ScProject *self,
                                     guint     *line,
                                     guint     *column)
{
  g_return_if_fail (SC_IS_PROJECT (self));
  if (line != NULL)
    *line = self->confinement_key ? self->confinement_key->line : 0;
  if (column != NULL)
    *column = self->confinement_key ? self->confinement_key->column : 0;
}

GPtrArray *
sc_project_get_apps (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->apps;
}

GPtrArray *
sc_project_get_hooks (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->hooks;
}

GPtrArray *
sc_project_get_plug_defs (ScProject *self)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  return self->plug_defs;
}

ScTargetInfo *
_sc_project_find_info (ScProject  *self,
                       const char *target)
{
  GPtrArray *infos = self->app_infos;

  if (g_str_has_prefix (target, "hook:"))
    {
      infos = self->hook_infos;
      target += strlen ("hook:");
    }
  for (guint i = 0; i < infos->len; i++)
    {
      ScTargetInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (info->target->name, target))
        return info;
    }
  return NULL;
}

ScTarget *
sc_project_find_target (ScProject  *self,
                        const char *target)
{
  ScTargetInfo *info;

  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  info = _sc_project_find_info (self, target);
  return info ? info->target : NULL;
}

gboolean
sc_project_hook_is_file_only (ScProject *self,
                              ScTarget  *hook)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (hook != NULL, FALSE);

  for (guint i = 0; i < self->hook_infos->len; i++)
    {
      ScTargetInfo *info = g_ptr_array_index (self->hook_infos, i);

      if (info->target == hook)
        return info->file_only;
    }
  return FALSE;
}

ScPlugDef *
sc_project_find_plug_def (ScProject  *self,
                          const char *name)
{
  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Built on first use (the definitions never change after loading), so
   * that looking up every plug of a long list stays linear. Duplicate
   * keys are refused, so names are unique. */
  if (self->plug_def_index == NULL)
    {
      self->plug_def_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->plug_defs->len; i++)
        {
          ScPlugDef *def = g_ptr_array_index (self->plug_defs, i);

          if (!g_hash_table_contains (self->plug_def_index, def->name))
            g_hash_table_insert (self->plug_def_index, def->name, def);
        }
    }
  return g_hash_table_lookup (self->plug_def_index, name);
}

/* sc-project.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds a project's snapcraft.yaml, checks it the way snapcraft would and
 * builds the model (apps, hooks, top-level plug definitions). Edits never
 * regenerate YAML: they are byte-range replacements located with the node
 * positions of sc-yaml-document, and every result is parsed again and
 * compared with the intended model before anyone may write it.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <string.h>

#include "sc-diff.h"
#include "sc-file-util.h"
#include "sc-project.h"
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

/* Where an app or hook lives in the tree. */
typedef struct
{
  ScTarget   *target;
  ScYamlNode *key;          /* apps.<name> key */
  ScYamlNode *value;        /* raw value: mapping, null scalar or alias */
  ScYamlNode *mapping;      /* resolved mapping, NULL when the value is null */
  ScYamlNode *plugs_key;    /* own `plugs` key, NULL when absent */
  ScYamlNode *plugs_value;  /* raw value of that key */
  gboolean    plugs_merged; /* the list comes from a `<<` merge */
  gboolean    file_only;    /* a hook that is only a file in the hooks folder */
} TargetInfo;

struct _ScProject
{
  GObject         parent_instance;

  char           *root;
  char           *path;
  char           *display_path;
  char           *error_name;
  GBytes         *bytes;
  ScYamlDocument *doc;
  GPtrArray      *warnings;

  char           *name;
  char           *base;
  char           *build_base;
  char           *grade;
  char           *confinement;
  ScYamlNode     *confinement_key;
  ScYamlNode     *confinement_value;

  GPtrArray      *apps;        /* ScTarget* */
  GPtrArray      *hooks;       /* ScTarget* */
  GPtrArray      *app_infos;   /* TargetInfo*, same order */
  GPtrArray      *hook_infos;
  GPtrArray      *plug_defs;   /* ScPlugDef* */
  GHashTable     *plug_def_index; /* name -> ScPlugDef*, built on demand */
  ScYamlNode     *plugs_key;   /* top-level */
  ScYamlNode     *plugs_value;
  GStrv           slot_names;  /* top-level slots: keys (or items of the old list form) */
};

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
static gboolean
valid_name (const char *s,
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
                      "duplicate key '%s' (first at line %u, column %u); snapcraft rejects "
                      "repeated keys", resolved->value, worst_first->line, worst_first->column);
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
    return fail_at (self, raw, error, "'%s' must be a single value, not a %s", what,
                    node->kind == SC_YAML_NODE_MAPPING ? "mapping" : "list");
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
read_plug_list (ScProject   *self,
                TargetInfo  *info,
                GError     **error)
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
    return fail_at (self, raw, error, "'plugs' of %s '%s' must be a list of plug names",
                    target->is_hook ? "hook" : "app", target->name);

  for (guint i = 0; i < seq->n_children; i++)
    {
      ScYamlNode *item_raw = seq->children[i];
      ScYamlNode *item = sc_yaml_node_resolve (item_raw);
      ScPlugRef *ref;

      const char *type = sc_yaml_node_yaml11_type (item);

      if (item->kind != SC_YAML_NODE_SCALAR || strlen (item->value) != item->value_len)
        return fail_at (self, item_raw, error,
                        "'plugs' of %s '%s' must be a list of plug names (strings)",
                        target->is_hook ? "hook" : "app", target->name);
      /* YAML reads a plain 42, 1.5, true or ~ as a number, a boolean or
       * null, and snapcraft wants strings; quoting makes them strings. */
      if (!g_str_equal (type, "str"))
        return fail_at (self, item_raw, error,
                        "'plugs' of %s '%s' must be a list of plug names (strings), but "
                        "YAML reads '%s' as %s; quote it if it is meant as a name",
                        target->is_hook ? "hook" : "app", target->name, item->value,
                        g_str_equal (type, "int") ? "an integer" :
                        g_str_equal (type, "float") ? "a number" :
                        g_str_equal (type, "bool") ? "a boolean" :
                        g_str_equal (type, "null") ? "null (no value)" :
                        g_str_equal (type, "timestamp") ? "a date" : "a non-string value");
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
    return fail_at (self, raw, error, "'%s' must be a mapping of %s names to their definitions",
                    section, hooks ? "hook" : "app");

  for (guint i = 0; i + 1 < map->n_children; i += 2)
    {
      ScYamlNode *key = map->children[i];
      ScYamlNode *value = map->children[i + 1];
      ScYamlNode *resolved_key = sc_yaml_node_resolve (key);
      ScYamlNode *mapping = sc_yaml_node_resolve (value);
      TargetInfo *info;
      ScTarget *target;

      if (resolved_key->kind != SC_YAML_NODE_SCALAR ||
          !valid_name (resolved_key->value, !hooks) ||
          strlen (resolved_key->value) != resolved_key->value_len)
        {
          if (hooks)
            return fail_at (self, key, error,
                            "'%s' is not a valid hook name: use lowercase letters, digits and "
                            "single hyphens, starting with a letter",
                            resolved_key->kind == SC_YAML_NODE_SCALAR ? resolved_key->value : "?");
          return fail_at (self, key, error,
                          "'%s' is not a valid app name: use letters, digits and single "
                          "hyphens, starting and ending with a letter or digit",
                          resolved_key->kind == SC_YAML_NODE_SCALAR ? resolved_key->value : "?");
        }

      if (sc_yaml_node_is_null (mapping))
        mapping = NULL;
      else if (mapping->kind != SC_YAML_NODE_MAPPING)
        return fail_at (self, value, error, "%s '%s' must be a mapping of its settings",
                        hooks ? "hook" : "app", resolved_key->value);

      target = g_new0 (ScTarget, 1);
      target->name = g_strdup (resolved_key->value);
      target->is_hook = hooks;
      target->plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plug_ref_free);
      target->line = key->line;
      target->column = key->column;
      g_ptr_array_add (targets, target);

      info = g_new0 (TargetInfo, 1);
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
                    "the top-level 'plugs' must be a mapping of plug names to definitions");

  for (guint i = 0; i + 1 < map->n_children; i += 2)
    {
      ScYamlNode *key_raw = map->children[i];
      ScYamlNode *key = sc_yaml_node_resolve (key_raw);
      ScYamlNode *value_raw = map->children[i + 1];
      ScYamlNode *value = sc_yaml_node_resolve (value_raw);
      g_autoptr(GVariantBuilder) attrs = g_variant_builder_new (G_VARIANT_TYPE ("a{sv}"));
      ScPlugDef *def;

      if (key->kind != SC_YAML_NODE_SCALAR || strlen (key->value) != key->value_len)
        return fail_at (self, key_raw, error, "plug names must be strings");

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
                        "plug '%s' is defined as a list; a definition is an interface name "
                        "or a mapping of attributes", def->name);
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
                                    "the interface of plug '%s' must be a name", def->name);
                  g_free (def->interface);
                  def->interface = g_strdup (iface->value);
                  continue;
                }
              v = node_to_variant (aval, &budget, 0);
              if (v == NULL)
                {
                  g_variant_builder_clear (attrs);
                  return fail_at (self, aval, error,
                                  "the attributes of plug '%s' expand to too many values "
                                  "(aliases nested too deeply?)", def->name);
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

static TargetInfo *find_info (ScProject  *self,
                              const char *target);

static gboolean
build_model (ScProject  *self,
             GError    **error)
{
  ScYamlNode *root = sc_yaml_document_get_root (self->doc);
  ScYamlNode *name_raw, *name_key;

  if (root->kind != SC_YAML_NODE_MAPPING)
    return fail_at (self, root, error,
                    "not a snapcraft project: the top level must be a mapping of keys");

  if (!check_duplicate_keys (self, error))
    return FALSE;

  name_raw = sc_yaml_mapping_lookup (root, "name", &name_key);
  if (name_raw == NULL)
    return fail_at (self, root, error, "not a snapcraft project: there is no 'name' key");
  if (!scalar_text (self, name_raw, "name", &self->name, error))
    return FALSE;
  if (self->name == NULL)
    return fail_at (self, name_raw, error, "'name' must not be empty");

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
          find_info (self, target) != NULL)
        continue;
      if (!valid_name (entry, FALSE))
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
      TargetInfo *info = g_new0 (TargetInfo, 1);

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

static ScProject *
load_bytes (const char  *path,
            const char  *root,
            const char  *display_path,
            const char  *error_name,
            GBytes      *bytes,
            GError     **error)
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
  return load_bytes (NULL, NULL, display_name, display_name, bytes, error);
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
                       "%s: no snapcraft.yaml found (looked for snapcraft.yaml, "
                       "snap/snapcraft.yaml, build-aux/snap/snapcraft.yaml and "
                       ".snapcraft.yaml)", path);
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
                   "%s: no such file or folder", path);
      return NULL;
    }

  bytes = sc_file_read_limited (file, SC_YAML_MAX_SIZE, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID,
                     "%s:1:1: the file is larger than %u MiB", error_name,
                     SC_YAML_MAX_SIZE / (1024 * 1024));
      else
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND, "%s",
                     local_error->message);
      return NULL;
    }

  project = load_bytes (file, root, display, error_name, bytes, error);
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

static TargetInfo *
find_info (ScProject  *self,
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
      TargetInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (info->target->name, target))
        return info;
    }
  return NULL;
}

ScTarget *
sc_project_find_target (ScProject  *self,
                        const char *target)
{
  TargetInfo *info;

  g_return_val_if_fail (SC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  info = find_info (self, target);
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
      TargetInfo *info = g_ptr_array_index (self->hook_infos, i);

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

gboolean
sc_project_replace_contents (const char  *path,
                             GBytes      *expected,
                             GBytes      *new_contents,
                             GError     **error)
{
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (new_contents != NULL, FALSE);

  data = g_bytes_get_data (new_contents, &len);
  return sc_file_replace_atomic (path, data ? data : "", len, expected, error);
}

/* ---- Editing ---------------------------------------------------------- */

typedef struct
{
  char     *name;
  GVariant *attributes;   /* normalised a{sv} without "interface" */
  char     *interface;
} DefEdit;

struct _ScEdit
{
  ScProject  *project;
  char       *confinement;
  GPtrArray  *touched;      /* TargetInfo*, in the order first touched */
  GHashTable *desired;      /* TargetInfo* -> GPtrArray of char* */
  GPtrArray  *defs;         /* DefEdit* */
};

static void
def_edit_free (gpointer data)
{
  DefEdit *def = data;

  g_free (def->name);
  g_free (def->interface);
  g_clear_pointer (&def->attributes, g_variant_unref);
  g_free (def);
}

ScEdit *
sc_edit_new (ScProject *project)
{
  ScEdit *edit;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);

  edit = g_new0 (ScEdit, 1);
  edit->project = g_object_ref (project);
  edit->touched = g_ptr_array_new ();
  edit->desired = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  edit->defs = g_ptr_array_new_with_free_func (def_edit_free);
  return edit;
}

void
sc_edit_free (ScEdit *edit)
{
  if (edit == NULL)
    return;
  g_clear_object (&edit->project);
  g_free (edit->confinement);
  g_ptr_array_unref (edit->touched);
  g_hash_table_unref (edit->desired);
  g_ptr_array_unref (edit->defs);
  g_free (edit);
}

void
sc_edit_set_confinement (ScEdit     *edit,
                         const char *confinement)
{
  g_return_if_fail (edit != NULL);
  g_free (edit->confinement);
  edit->confinement = g_strdup (confinement);
}

static GPtrArray *
plug_names (ScTarget *target)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < target->plugs->len; i++)
    g_ptr_array_add (names, g_strdup (((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name));
  return names;
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* A set of the strings in NAMES (borrowed), for lookups in long lists. */
static GHashTable *
name_set (GPtrArray *names)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < names->len; i++)
    g_hash_table_add (set, g_ptr_array_index (names, i));
  return set;
}

static gboolean
names_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
target_has_plug (ScTarget   *target,
                 const char *plug)
{
  for (guint i = 0; i < target->plugs->len; i++)
    if (g_str_equal (((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name, plug))
      return TRUE;
  return FALSE;
}

static TargetInfo *
lookup_target_for_edit (ScEdit      *edit,
                        const char  *target,
                        const char  *plug,
                        gboolean     removing,
                        GPtrArray  **desired,
                        GError     **error)
{
  ScProject *self = edit->project;
  TargetInfo *info;

  g_return_val_if_fail (target != NULL && plug != NULL, NULL);

  info = find_info (self, target);
  if (info == NULL)
    {
      gboolean hook = g_str_has_prefix (target, "hook:");
      GPtrArray *targets = hook ? self->hooks : self->apps;
      const char *wanted = hook ? target + 5 : target;
      const char *best = NULL;
      guint best_distance = 3;

      for (guint i = 0; i < targets->len; i++)
        {
          ScTarget *t = g_ptr_array_index (targets, i);
          guint d = sc_edit_distance (wanted, t->name);

          if (d < best_distance)
            {
              best_distance = d;
              best = t->name;
            }
        }
      if (best != NULL)
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET,
                     "%s has no %s named '%s'; did you mean '%s%s'?", self->display_path,
                     hook ? "hook" : "app", wanted, hook ? "hook:" : "", best);
      else
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET,
                     "%s has no %s named '%s'", self->display_path,
                     hook ? "hook" : "app", wanted);
      return NULL;
    }

  /* A name already in the list may always be removed, even one snapd
   * would refuse, so that such a list can be cleaned up. */
  if (!valid_name (plug, FALSE) && !(removing && target_has_plug (info->target, plug)))
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   "'%s' is not a valid plug name: use lowercase letters, digits and single "
                   "hyphens, starting with a letter", plug);
      return NULL;
    }

  *desired = g_hash_table_lookup (edit->desired, info);
  if (*desired == NULL)
    {
      *desired = plug_names (info->target);
      g_hash_table_insert (edit->desired, info, *desired);
      g_ptr_array_add (edit->touched, info);
    }
  return info;
}

gboolean
sc_edit_add_plug (ScEdit      *edit,
                  const char  *target,
                  const char  *plug,
                  GError     **error)
{
  GPtrArray *desired = NULL;
  TargetInfo *info;

  g_return_val_if_fail (edit != NULL, FALSE);

  info = lookup_target_for_edit (edit, target, plug, FALSE, &desired, error);
  if (info == NULL)
    return FALSE;
  if (names_contain (desired, plug))
    return TRUE;
  if (target_has_plug (info->target, plug))
    {
      /* Removed earlier in this edit and added again: the last operation
       * wins, and the plug keeps its place (every occurrence of it) in the
       * list, which is where the editor leaves its item. */
      g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < desired->len; i++)
        g_ptr_array_add (before, g_strdup (g_ptr_array_index (desired, i)));
      g_ptr_array_set_size (desired, 0);
      for (guint i = 0; i < info->target->plugs->len; i++)
        {
          const char *name = ((ScPlugRef *) g_ptr_array_index (info->target->plugs, i))->name;

          if (g_str_equal (name, plug) || names_contain (before, name))
            g_ptr_array_add (desired, g_strdup (name));
        }
      for (guint i = 0; i < before->len; i++)
        if (!target_has_plug (info->target, g_ptr_array_index (before, i)))
          g_ptr_array_add (desired, g_strdup (g_ptr_array_index (before, i)));
      return TRUE;
    }
  g_ptr_array_add (desired, g_strdup (plug));
  return TRUE;
}

gboolean
sc_edit_remove_plug (ScEdit      *edit,
                     const char  *target,
                     const char  *plug,
                     GError     **error)
{
  GPtrArray *desired = NULL;

  g_return_val_if_fail (edit != NULL, FALSE);

  if (lookup_target_for_edit (edit, target, plug, TRUE, &desired, error) == NULL)
    return FALSE;
  /* Every occurrence goes: a list may name a plug twice. */
  for (guint i = desired->len; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (desired, i - 1), plug))
      g_ptr_array_remove_index (desired, i - 1);
  return TRUE;
}

/* Converts a caller's value to what the model would read back from the
 * YAML we write for it. NULL for unsupported types. */
static GVariant *
normalise_value (GVariant *value,
                 guint     depth)
{
  const GVariantType *type;

  if (depth > 16)
    return NULL;
  while (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) inner = g_variant_get_variant (value);

      return normalise_value (inner, depth + 1);
    }
  type = g_variant_get_type (value);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING) ||
      g_variant_type_equal (type, G_VARIANT_TYPE_OBJECT_PATH) ||
      g_variant_type_equal (type, G_VARIANT_TYPE_SIGNATURE))
    return g_variant_new_string (g_variant_get_string (value, NULL));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (g_variant_get_boolean (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BYTE))
    return g_variant_new_int64 (g_variant_get_byte (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT16))
    return g_variant_new_int64 (g_variant_get_int16 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT16))
    return g_variant_new_int64 (g_variant_get_uint16 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    return g_variant_new_int64 (g_variant_get_int32 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    return g_variant_new_int64 (g_variant_get_uint32 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT64))
    return g_variant_new_int64 (g_variant_get_int64 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE ("ms")))
    {
      if (g_variant_n_children (value) == 0)
        return g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL);
      {
        g_autoptr(GVariant) inner = g_variant_get_child_value (value, 0);

        return g_variant_new_string (g_variant_get_string (inner, NULL));
      }
    }
  if (g_variant_type_equal (type, G_VARIANT_TYPE ("a{sv}")))
    {
      GVariantBuilder builder;
      GVariantIter iter;
      const char *key;
      GVariant *child;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
        {
          GVariant *norm = normalise_value (child, depth + 1);

          g_variant_unref (child);
          if (norm == NULL)
            {
              g_variant_builder_clear (&builder);
              return NULL;
            }
          g_variant_builder_add (&builder, "{sv}", key, norm);
        }
      return g_variant_builder_end (&builder);
    }
  if (g_variant_type_is_array (type) && !g_variant_type_is_dict_entry (g_variant_type_element (type)))
    {
      GVariantBuilder builder;
      gsize n = g_variant_n_children (value);

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);
          GVariant *norm = normalise_value (child, depth + 1);

          if (norm == NULL)
            {
              g_variant_builder_clear (&builder);
              return NULL;
            }
          g_variant_builder_add (&builder, "v", norm);
        }
      return g_variant_builder_end (&builder);
    }
  return NULL;
}

gboolean
sc_edit_define_plug (ScEdit      *edit,
                     const char  *name,
                     GVariant    *attributes,
                     GError     **error)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *child;
  g_autofree char *interface = NULL;
  DefEdit *def;

  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!valid_name (name, FALSE))
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   "'%s' is not a valid plug name: use lowercase letters, digits and single "
                   "hyphens, starting with a letter", name);
      return FALSE;
    }
  if (attributes != NULL && !g_variant_is_of_type (attributes, G_VARIANT_TYPE ("a{sv}")))
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   "the attributes of plug '%s' must be a dictionary (a{sv})", name);
      return FALSE;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  if (attributes != NULL)
    {
      g_variant_iter_init (&iter, attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
        {
          g_autoptr(GVariant) value = child;
          GVariant *norm;

          if (g_str_equal (key, "interface"))
            {
              if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
                  !valid_name (g_variant_get_string (value, NULL), FALSE))
                {
                  g_variant_builder_clear (&builder);
                  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                               "the interface of plug '%s' must be an interface name", name);
                  return FALSE;
                }
              g_free (interface);
              interface = g_variant_dup_string (value, NULL);
              continue;
            }
          if (key[0] == '\0' || key[0] == '$' || !g_utf8_validate (key, -1, NULL))
            {
              g_variant_builder_clear (&builder);
              g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                           "'%s' is not a valid attribute name for plug '%s'", key, name);
              return FALSE;
            }
          norm = normalise_value (value, 0);
          if (norm == NULL)
            {
              g_variant_builder_clear (&builder);
              g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                           "attribute '%s' of plug '%s' has an unsupported type %s", key,
                           name, g_variant_get_type_string (value));
              return FALSE;
            }
          g_variant_builder_add (&builder, "{sv}", key, norm);
        }
    }

  for (guint i = 0; i < edit->defs->len; i++)
    {
      DefEdit *old = g_ptr_array_index (edit->defs, i);

      if (g_str_equal (old->name, name))
        {
          g_ptr_array_remove_index (edit->defs, i);
          break;
        }
    }

  def = g_new0 (DefEdit, 1);
  def->name = g_strdup (name);
  def->interface = interface ? g_steal_pointer (&interface) : g_strdup (name);
  def->attributes = g_variant_ref_sink (g_variant_builder_end (&builder));
  g_ptr_array_add (edit->defs, def);
  return TRUE;
}

static gboolean
def_edit_is_noop (ScEdit  *edit,
                  DefEdit *def)
{
  ScPlugDef *old = sc_project_find_plug_def (edit->project, def->name);

  return old != NULL && g_str_equal (old->interface, def->interface) &&
         g_variant_equal (old->attributes, def->attributes);
}

static gboolean
confinement_changes (ScEdit *edit)
{
  return edit->confinement != NULL &&
         (edit->project->confinement_key == NULL ||
          g_strcmp0 (edit->project->confinement, edit->confinement) != 0);
}

gboolean
sc_edit_is_empty (ScEdit *edit)
{
  g_return_val_if_fail (edit != NULL, TRUE);

  if (confinement_changes (edit))
    return FALSE;
  for (guint i = 0; i < edit->touched->len; i++)
    {
      TargetInfo *info = g_ptr_array_index (edit->touched, i);
      g_autoptr(GPtrArray) orig = plug_names (info->target);

      if (!names_equal (orig, g_hash_table_lookup (edit->desired, info)))
        return FALSE;
    }
  for (guint i = 0; i < edit->defs->len; i++)
    if (!def_edit_is_noop (edit, g_ptr_array_index (edit->defs, i)))
      return FALSE;
  return TRUE;
}

/* ---- Rendering ---------------------------------------------------------- */

typedef struct
{
  ScEdit         *edit;
  ScProject      *project;
  ScYamlDocument *doc;
  ScYamlPatch    *patch;
  const char     *data;
  gsize           len;
  const char     *eol;
  gboolean        flow_plugs;   /* the file writes its plug lists as [a, b] */
  gboolean        no_plug_lists; /* the file has no plug list at all */
  guint           seq_offset;   /* dash column minus key column for block lists */
  guint           map_step;     /* indentation of nested mappings */
  GHashTable     *rendered;     /* TargetInfo* whose plug list is rewritten */
  GHashTable     *expanded;     /* anchored scalars whose aliases are written out as values */
} Render;

static char *
spaces (guint n)
{
  char *s = g_malloc (n + 1);

  memset (s, ' ', n);
  s[n] = '\0';
  return s;
}

static guint
col0 (const ScYamlNode *node)
{
  return node->column > 0 ? node->column - 1 : 0;
}

static gsize
line_end (Render *r,
          gsize   offset)
{
  return sc_yaml_document_line_end (r->doc, offset);
}

/* Offset just past the ':' that follows KEY (KEY's end if none is found). */
static gsize
colon_after (Render     *r,
             ScYamlNode *key)
{
  gsize pos = key->end;

  while (pos < r->len && (r->data[pos] == ' ' || r->data[pos] == '\t'))
    pos++;
  if (pos < r->len && r->data[pos] == ':')
    return pos + 1;
  return key->end;
}

/* TRUE for a block scalar with keep chomping (|+ or >+): its trailing
 * blank lines are part of its value. */
static gboolean
keeps_trailing_lines (Render     *r,
                      ScYamlNode *node)
{
  gsize pos = node->value_start;

  if (node->kind != SC_YAML_NODE_SCALAR ||
      (node->style != SC_YAML_STYLE_LITERAL && node->style != SC_YAML_STYLE_FOLDED) ||
      pos >= r->len || (r->data[pos] != '|' && r->data[pos] != '>'))
    return FALSE;
  for (pos++; pos < r->len && strchr (" \t#\r\n", r->data[pos]) == NULL; pos++)
    if (r->data[pos] == '+')
      return TRUE;
  return FALSE;
}

/* The last scalar, alias or empty collection at the end of NODE. */
static ScYamlNode *
last_leaf (ScYamlNode *node)
{
  while (node != NULL && (node->kind == SC_YAML_NODE_MAPPING ||
                          node->kind == SC_YAML_NODE_SEQUENCE) && node->n_children > 0)
    node = node->children[node->n_children - 1];
  return node;
}

/* Where a new line can go after NODE (and after offset MIN_END): the end
 * of its last line, past the trailing blank lines that a keep-chomped
 * block scalar at its end owns, so that they stay in that scalar. */
static gsize
insert_point_after (Render     *r,
                    ScYamlNode *node,
                    gsize       min_end)
{
  gsize pos = line_end (r, MAX (node->end, min_end));
  ScYamlNode *last = last_leaf (node);

  if (last == NULL || !keeps_trailing_lines (r, last) || last->end < node->end)
    return pos;
  for (;;)
    {
      gsize next = pos, le, q;

      if (next < r->len && r->data[next] == '\r' && next + 1 < r->len && r->data[next + 1] == '\n')
        next += 2;
      else if (next < r->len)
        next++;
      else
        break;
      if (next >= r->len)
        break;
      le = line_end (r, next);
      for (q = next; q < le && (r->data[q] == ' ' || r->data[q] == '\t'); q++)
        ;
      if (q < le)
        break;
      pos = le;
    }
  return pos;
}

/* The block scalar that is the last node ending before OFFSET, or NULL. */
static ScYamlNode *
block_scalar_before (Render *r,
                     gsize   offset)
{
  guint n = sc_yaml_document_get_n_nodes (r->doc);
  ScYamlNode *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      ScYamlNode *node = sc_yaml_document_get_node (r->doc, i);

      if (node->kind == SC_YAML_NODE_SCALAR && node->end <= offset &&
          (best == NULL || node->end > best->end))
        best = node;
    }
  if (best != NULL &&
      (best->style == SC_YAML_STYLE_LITERAL || best->style == SC_YAML_STYLE_FOLDED))
    return best;
  return NULL;
}

/* TRUE when the last node that ends before OFFSET is a block scalar. */
static gboolean
ends_in_block_scalar (Render *r,
                      gsize   offset)
{
  return block_scalar_before (r, offset) != NULL;
}

/* Deletes the whole lines from the one holding FROM to the one holding TO,
 * together with the line break before them (or after, on the first line). */
static void
delete_lines (Render *r,
              gsize   from,
              gsize   to)
{
  gsize ls = sc_yaml_document_line_start (r->doc, from);
  gsize le = line_end (r, to);

  if (ls > 0 && le == r->len && ends_in_block_scalar (r, ls))
    {
      /* The last lines of a file without a final line break: the break
       * before them ends a block scalar's text, so it stays. */
      sc_yaml_patch_replace (r->patch, ls, le, "");
    }
  else if (ls > 0)
    sc_yaml_patch_replace (r->patch, sc_yaml_document_break_before (r->doc, ls), le, "");
  else
    {
      if (le < r->len && r->data[le] == '\r' && le + 1 < r->len && r->data[le + 1] == '\n')
        le += 2;
      else if (le < r->len)
        le++;
      ls = (r->len >= 3 && memcmp (r->data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
      sc_yaml_patch_replace (r->patch, ls, le, "");
    }
}

/* Position of the '-' of a block sequence item, or G_MAXSIZE when the item
 * does not sit on its dash's line with only blanks before the dash. */
static gsize
item_dash (Render     *r,
           ScYamlNode *item)
{
  gsize pos = item->start;

  while (pos > 0 && (r->data[pos - 1] == ' ' || r->data[pos - 1] == '\t'))
    pos--;
  if (pos == 0 || r->data[pos - 1] != '-')
    return G_MAXSIZE;
  pos--;
  if (!sc_yaml_document_starts_line (r->doc, pos))
    return G_MAXSIZE;
  return pos;
}

/* Position of the '-' of a block sequence item written on the line of an
 * explicit key's indicator (`: - home` or `? - home`), else G_MAXSIZE. */
static gsize
compact_dash (Render     *r,
              ScYamlNode *item)
{
  gsize pos = item->start, dash;

  while (pos > 0 && (r->data[pos - 1] == ' ' || r->data[pos - 1] == '\t'))
    pos--;
  if (pos == 0 || r->data[pos - 1] != '-')
    return G_MAXSIZE;
  dash = --pos;
  while (pos > 0 && r->data[pos - 1] == ' ')
    pos--;
  if (pos == 0 || pos == dash || (r->data[pos - 1] != ':' && r->data[pos - 1] != '?'))
    return G_MAXSIZE;
  if (!sc_yaml_document_starts_line (r->doc, pos - 1))
    return G_MAXSIZE;
  return dash;
}

/* 1-based column of an offset that has only blanks before it on its line
 * (an item's dash): those are single-byte characters, so bytes count. */
static guint
blank_prefixed_column (Render *r,
                       gsize   offset)
{
  gsize ls = sc_yaml_document_line_start (r->doc, offset);

  if (ls == 0 && r->len >= 3 && memcmp (r->data, "\xEF\xBB\xBF", 3) == 0)
    ls = 3;
  return (guint) (offset - ls) + 1;
}

static char *
flow_list (GPtrArray *names)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (names, i), TRUE);

      g_string_append_printf (s, "%s%s", i ? ", " : "", q);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static char *
block_items (Render    *r,
             GPtrArray *names,
             guint      indent)
{
  g_autofree char *prefix = spaces (indent);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (names, i), FALSE);

      g_string_append_printf (s, "%s%s- %s", r->eol, prefix, q);
    }
  return g_string_free (s, FALSE);
}

/* The value text of a `plugs:` key at column KEY_COL, starting right after
 * the colon: " [a, b]" or the block items on their own lines. */
static char *
list_value (Render    *r,
            GPtrArray *names,
            guint      key_col,
            gboolean   flow)
{
  if (flow)
    {
      g_autofree char *list = flow_list (names);

      return g_strconcat (" ", list, NULL);
    }
  return block_items (r, names, key_col + r->seq_offset);
}

static void
detect_style (Render *r)
{
  ScProject *self = r->project;
  guint n_flow = 0, n_block = 0;
  gboolean have_offset = FALSE, have_step = FALSE;

  r->seq_offset = 2;
  r->map_step = 2;

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          TargetInfo *info = g_ptr_array_index (infos, i);
          ScYamlNode *pv = info->plugs_value;

          if (!have_step && info->mapping != NULL && info->value == info->mapping &&
              info->mapping->style == SC_YAML_STYLE_BLOCK && info->mapping->n_children > 0 &&
              info->mapping->children[0]->column > info->key->column)
            {
              r->map_step = info->mapping->children[0]->column - info->key->column;
              have_step = TRUE;
            }
          if (pv == NULL || pv->kind != SC_YAML_NODE_SEQUENCE)
            continue;
          if (pv->style == SC_YAML_STYLE_FLOW)
            n_flow++;
          else
            {
              n_block++;
              if (!have_offset && pv->n_children > 0)
                {
                  gsize dash = item_dash (r, pv->children[0]);

                  if (dash != G_MAXSIZE)
                    {
                      guint column = blank_prefixed_column (r, dash);

                      if (column >= info->plugs_key->column)
                        {
                          r->seq_offset = column - info->plugs_key->column;
                          have_offset = TRUE;
                        }
                    }
                }
            }
        }
    }
  r->flow_plugs = n_flow > n_block;
  r->no_plug_lists = n_flow == 0 && n_block == 0;

  /* Without block plug lists, take the layout of any block list that is
   * the value of a mapping key. */
  if (!have_offset)
    {
      guint n = sc_yaml_document_get_n_nodes (r->doc);

      for (guint i = 0; i < n && !have_offset; i++)
        {
          ScYamlNode *seq = sc_yaml_document_get_node (r->doc, i);
          ScYamlNode *parent = seq->parent;

          if (seq->kind != SC_YAML_NODE_SEQUENCE || seq->style != SC_YAML_STYLE_BLOCK ||
              parent == NULL || parent->kind != SC_YAML_NODE_MAPPING ||
              parent->style != SC_YAML_STYLE_BLOCK || seq->n_children == 0 || seq->anchor)
            continue;
          for (guint k = 1; k < parent->n_children; k += 2)
            if (parent->children[k] == seq)
              {
                ScYamlNode *key = parent->children[k - 1];
                gsize dash = item_dash (r, seq->children[0]);
                guint column;

                if (dash == G_MAXSIZE)
                  break;
                column = blank_prefixed_column (r, dash);
                if (column >= key->column && sc_yaml_document_starts_line (r->doc, key->start))
                  {
                    r->seq_offset = column - key->column;
                    have_offset = TRUE;
                  }
                break;
              }
        }
    }

  if (!have_step)
    {
      ScYamlNode *root = sc_yaml_document_get_root (r->doc);

      for (guint i = 1; i < root->n_children && !have_step; i += 2)
        {
          ScYamlNode *value = root->children[i];

          if (value->kind == SC_YAML_NODE_MAPPING && value->style == SC_YAML_STYLE_BLOCK &&
              value->n_children > 0 && value->children[0]->column > root->children[i - 1]->column)
            {
              r->map_step = value->children[0]->column - root->children[i - 1]->column;
              have_step = TRUE;
            }
        }
    }
}

static gboolean
verify_fail (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
verify_fail (GError    **error,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_VERIFY, "%s", message);
  return FALSE;
}

static void
render_confinement (Render *r)
{
  ScProject *self = r->project;
  const char *value = r->edit->confinement;
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *val = self->confinement_value;

  if (self->confinement_key != NULL)
    {
      g_autofree char *text = NULL;

      if (val->kind == SC_YAML_NODE_SCALAR && val->style == SC_YAML_STYLE_SINGLE_QUOTED)
        text = g_strdup_printf ("'%s'", value);
      else if (val->kind == SC_YAML_NODE_SCALAR && val->style == SC_YAML_STYLE_DOUBLE_QUOTED)
        text = g_strdup_printf ("\"%s\"", value);
      else
        text = sc_yaml_quote_scalar (value, root->style == SC_YAML_STYLE_FLOW);

      if (val->n_aliases > 0)
        {
          /* Other places name the old value through its anchor: they get
           * that value written out, so only confinement changes. */
          guint n = sc_yaml_document_get_n_nodes (r->doc);

          g_hash_table_add (r->expanded, val);
          for (guint i = 0; i < n; i++)
            {
              ScYamlNode *node = sc_yaml_document_get_node (r->doc, i);
              gboolean flow;
              g_autofree char *old = NULL;

              if (node->kind != SC_YAML_NODE_ALIAS || node->target != val)
                continue;
              flow = node->parent != NULL && node->parent->style == SC_YAML_STYLE_FLOW;
              old = sc_yaml_quote_scalar (self->confinement, flow);
              sc_yaml_patch_replace (r->patch, node->start, node->end, old);
            }
        }

      if (val->start == val->end)
        {
          g_autofree char *spaced = g_strconcat (" ", text, NULL);

          sc_yaml_patch_replace (r->patch, val->start, val->end, spaced);
        }
      else if (val->kind == SC_YAML_NODE_ALIAS)
        sc_yaml_patch_replace (r->patch, val->start, val->end, text);
      else
        sc_yaml_patch_replace (r->patch, val->value_start, val->end, text);
      return;
    }

  /* No key: a new line after grade, base or name. */
  {
    static const char * const after[] = { "grade", "base", "name" };
    ScYamlNode *anchor = NULL, *anchor_key = NULL;
    g_autofree char *quoted = sc_yaml_quote_scalar (value, root->style == SC_YAML_STYLE_FLOW);

    for (guint i = 0; i < G_N_ELEMENTS (after) && anchor == NULL; i++)
      anchor = sc_yaml_mapping_lookup (root, after[i], &anchor_key);
    g_assert (anchor != NULL);   /* name is required */

    if (root->style == SC_YAML_STYLE_FLOW)
      {
        g_autofree char *text = g_strdup_printf (", confinement: %s", quoted);

        sc_yaml_patch_replace (r->patch, anchor->end, anchor->end, text);
      }
    else
      {
        g_autofree char *indent = spaces (col0 (root->children[0]));
        g_autofree char *text = g_strdup_printf ("%s%sconfinement: %s", r->eol, indent, quoted);
        gsize pos = insert_point_after (r, anchor, anchor_key->end);

        sc_yaml_patch_replace (r->patch, pos, pos, text);
      }
  }
}

/* Removes the KEY: VALUE pair from MAPPING. In block style the key line and
 * the lines of the value's items go; comment lines between items stay. */
static void
remove_pair (Render     *r,
             ScYamlNode *mapping,
             ScYamlNode *key,
             ScYamlNode *value)
{
  if (mapping->style == SC_YAML_STYLE_FLOW)
    {
      guint index = 0;

      for (guint i = 0; i + 1 < mapping->n_children; i += 2)
        if (mapping->children[i] == key)
          index = i;
      if (mapping->n_children == 2)
        sc_yaml_patch_replace (r->patch, key->start, value->end, "");
      else if (index + 2 < mapping->n_children)
        sc_yaml_patch_replace (r->patch, key->start, mapping->children[index + 2]->start, "");
      else
        sc_yaml_patch_replace (r->patch, mapping->children[index - 1]->end, value->end, "");
      return;
    }

  {
    ScYamlNode *scalar = block_scalar_before (r, key->start);
    gboolean simple = value->kind == SC_YAML_NODE_SEQUENCE &&
                      value->style == SC_YAML_STYLE_BLOCK && value->n_children > 0 &&
                      line_end (r, key->end) < value->value_start;
    gsize pos;

    /* Comment lines between the items stay. */
    for (guint i = 0; i < value->n_children && simple; i++)
      if (item_dash (r, value->children[i]) == G_MAXSIZE)
        simple = FALSE;
    if (simple)
      {
        delete_lines (r, key->start, key->end);
        for (guint i = 0; i < value->n_children; i++)
          delete_lines (r, item_dash (r, value->children[i]), value->children[i]->end);
        pos = line_end (r, key->end);
      }
    else
      {
        delete_lines (r, key->start, MAX (value->end, key->end));
        pos = line_end (r, MAX (value->end, key->end));
      }

    /* Right after a block scalar, the first comment line that is left
     * would continue the scalar's text if indented like it: it moves to
     * the key's column, which ends the scalar. Blank lines before it go
     * when the scalar keeps its trailing lines (|+). */
    while (scalar != NULL && pos < r->len)
      {
        gsize ls = pos + ((r->data[pos] == '\r' && pos + 1 < r->len &&
                           r->data[pos + 1] == '\n') ? 2 : 1);
        gsize le, q;

        if (ls >= r->len)
          break;
        le = line_end (r, ls);
        for (q = ls; q < le && (r->data[q] == ' ' || r->data[q] == '\t'); q++)
          ;
        if (q == le)
          {
            if (keeps_trailing_lines (r, scalar))
              delete_lines (r, ls, ls);
          }
        else if (r->data[q] == '#')
          {
            if (q - ls > col0 (key))
              {
                g_autofree char *indent = spaces (col0 (key));

                sc_yaml_patch_replace (r->patch, ls, q, indent);
              }
            break;
          }
        else if (ls >= value->end)
          break;
        pos = le;
      }
  }
}

/* Gives KEY the list NAMES in place of its current value PV (an alias, a
 * null or an unworkable layout). */
static void
replace_value (Render     *r,
               ScYamlNode *mapping,
               ScYamlNode *key,
               ScYamlNode *pv,
               GPtrArray  *names,
               gboolean    flow)
{
  /* In flow context, after an explicit key (`? plugs`, no colon right
   * after it) or a key that does not start its line, the value stays a
   * flow list where the old value was. */
  if (mapping->style == SC_YAML_STYLE_FLOW || !sc_yaml_document_starts_line (r->doc, key->start) ||
      colon_after (r, key) == key->end)
    flow = TRUE;

  if (flow)
    {
      g_autofree char *list = flow_list (names);

      if (pv->start == pv->end)
        {
          g_autofree char *spaced = g_strconcat (" ", list, NULL);

          sc_yaml_patch_replace (r->patch, pv->start, pv->end, spaced);
        }
      else
        sc_yaml_patch_replace (r->patch, pv->start, pv->end, list);
    }
  else
    {
      gsize colon = colon_after (r, key);
      g_autofree char *items = block_items (r, names, col0 (key) + r->seq_offset);
      gsize pos;

      if (pv->end > colon)
        sc_yaml_patch_replace (r->patch, colon, pv->end, "");
      pos = line_end (r, MAX (pv->end, colon));
      sc_yaml_patch_replace (r->patch, pos, pos, items);
    }
}

/* The names of DESIRED (borrowed) that no item of SEQ holds, in order. */
static GPtrArray *
names_not_in (GPtrArray  *desired,
              ScYamlNode *seq)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *added = g_ptr_array_new ();

  for (guint k = 0; k < seq->n_children; k++)
    g_hash_table_add (present, sc_yaml_node_resolve (seq->children[k])->value);
  for (guint i = 0; i < desired->len; i++)
    if (!g_hash_table_contains (present, g_ptr_array_index (desired, i)))
      g_ptr_array_add (added, g_ptr_array_index (desired, i));
  return added;
}

static gboolean
edit_block_list (Render    *r,
                 ScYamlNode *seq,
                 GPtrArray *desired)
{
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GHashTable) wanted = name_set (desired);
  ScYamlNode *last;
  gsize last_dash;
  gsize first_dash = G_MAXSIZE;

  /* The first item may share its line with an explicit key's `:` (`: -
   * home`) as long as it stays; the others start their own lines. */
  for (guint i = 0; i < seq->n_children; i++)
    if (item_dash (r, seq->children[i]) == G_MAXSIZE)
      {
        if (i > 0 || (first_dash = compact_dash (r, seq->children[0])) == G_MAXSIZE ||
            !g_hash_table_contains (wanted, sc_yaml_node_resolve (seq->children[0])->value))
          return FALSE;
      }

  for (guint i = 0; i < seq->n_children; i++)
    {
      ScYamlNode *item = seq->children[i];
      ScYamlNode *resolved = sc_yaml_node_resolve (item);

      if (!g_hash_table_contains (wanted, resolved->value))
        delete_lines (r, item_dash (r, item), item->end);
    }

  added = names_not_in (desired, seq);

  if (added->len > 0)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *indent = NULL;
      g_autofree char *gap = NULL;
      gsize pos;

      last = seq->children[seq->n_children - 1];
      last_dash = seq->n_children == 1 && first_dash != G_MAXSIZE ? first_dash
                                                                  : item_dash (r, last);
      indent = spaces (blank_prefixed_column (r, last_dash) - 1);
      gap = g_strndup (r->data + last_dash + 1, last->start - last_dash - 1);
      for (guint i = 0; i < added->len; i++)
        {
          g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), FALSE);

          g_string_append_printf (text, "%s%s-%s%s", r->eol, indent, gap, q);
        }
      pos = line_end (r, last->end);
      sc_yaml_patch_replace (r->patch, pos, pos, text->str);
      g_string_free (text, TRUE);
    }
  return TRUE;
}

/* For a flow list written one item per line, the end of ITEM's line
 * part: past a comma and blanks (and a comment). G_MAXSIZE when something
 * else follows the item on its line or when something precedes it. */
static gsize
flow_item_alone (Render     *r,
                 ScYamlNode *item,
                 gboolean   *comma)
{
  gsize pos = item->end, le = line_end (r, item->end);

  *comma = FALSE;
  if (!sc_yaml_document_starts_line (r->doc, item->start))
    return G_MAXSIZE;
  while (pos < le && (r->data[pos] == ' ' || r->data[pos] == '\t'))
    pos++;
  if (pos < le && r->data[pos] == ',')
    {
      *comma = TRUE;
      pos++;
      while (pos < le && (r->data[pos] == ' ' || r->data[pos] == '\t'))
        pos++;
    }
  if (pos < le && r->data[pos] != '#')
    return G_MAXSIZE;
  return le;
}

/* A flow list over several lines with one item per line: items are
 * removed and added as whole lines, so the others keep their text and
 * their comments. FALSE (nothing done) for other layouts. */
static gboolean
edit_flow_list_lines (Render     *r,
                      ScYamlNode *seq,
                      GPtrArray  *desired,
                      GPtrArray  *added)
{
  guint n = seq->n_children;
  gboolean last_comma = FALSE, comma;
  gint last_kept = -1;
  gsize rb = seq->end - 1;
  g_autoptr(GHashTable) wanted = name_set (desired);

  if (n == 0 || !sc_yaml_document_starts_line (r->doc, rb))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (flow_item_alone (r, seq->children[i], &comma) == G_MAXSIZE)
        return FALSE;
      if (i + 1 < n && !comma)
        return FALSE;
      if (i + 1 == n)
        last_comma = comma;
      if (g_hash_table_contains (wanted, sc_yaml_node_resolve (seq->children[i])->value))
        last_kept = (gint) i;
    }
  if (last_kept < 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (wanted, sc_yaml_node_resolve (seq->children[i])->value))
      delete_lines (r, seq->children[i]->start, seq->children[i]->end);

  if (added->len > 0)
    {
      ScYamlNode *last = seq->children[last_kept];
      gsize ls = sc_yaml_document_line_start (r->doc, last->start);
      g_autofree char *indent = g_strndup (r->data + ls, last->start - ls);
      GString *text = g_string_new (NULL);

      flow_item_alone (r, last, &comma);
      if (!comma)
        sc_yaml_patch_replace (r->patch, last->end, last->end, ",");
      for (guint i = 0; i < added->len; i++)
        {
          g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), TRUE);

          g_string_append_printf (text, "%s%s%s%s", r->eol, indent, q,
                                  i + 1 < added->len || last_comma ? "," : "");
        }
      sc_yaml_patch_replace (r->patch, line_end (r, last->end), line_end (r, last->end),
                             text->str);
      g_string_free (text, TRUE);
    }
  return TRUE;
}

static void
edit_flow_list (Render     *r,
                ScYamlNode *seq,
                GPtrArray  *desired)
{
  gsize lb = seq->value_start, rb = seq->end - 1;
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) added = names_not_in (desired, seq);
  g_autoptr(GHashTable) wanted = name_set (desired);
  g_autofree char *sep = NULL;
  gint prev_kept = -1;
  guint n = seq->n_children;

  if (edit_flow_list_lines (r, seq, desired, added))
    {
      g_string_free (out, TRUE);
      return;
    }

  /* The separator new items get: the file's own between two items (the
   * first one without a comment), else one built from the first (a comma,
   * then the line break and indentation when the list spans lines). */
  for (guint i = 0; i + 1 < n && sep == NULL; i++)
    {
      gsize a = seq->children[i]->end, b = seq->children[i + 1]->start;
      g_autofree char *between = g_strndup (r->data + a, b - a);

      if (strchr (between, '#') == NULL)
        sep = g_steal_pointer (&between);
    }
  if (sep == NULL && n >= 2)
    {
      gsize a = seq->children[0]->end, b = seq->children[1]->start;
      gsize ls = sc_yaml_document_line_start (r->doc, b);

      if (ls > a)
        {
          g_autofree char *indent = g_strndup (r->data + ls, b - ls);

          sep = g_strconcat (",", r->eol, indent, NULL);
        }
    }
  if (sep == NULL)
    sep = g_strdup (", ");

  if (n == 0)
    {
      for (guint i = 0; i < added->len; i++)
        {
          g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), TRUE);

          g_string_append_printf (out, "%s%s", i ? sep : "", q);
        }
      sc_yaml_patch_replace (r->patch, lb + 1, rb, out->str);
      g_string_free (out, TRUE);
      return;
    }

  g_string_append_len (out, r->data + lb + 1, (gssize) (seq->children[0]->start - lb - 1));
  for (guint i = 0; i < n; i++)
    {
      ScYamlNode *item = seq->children[i];

      if (!g_hash_table_contains (wanted, sc_yaml_node_resolve (item)->value))
        continue;
      if (prev_kept >= 0)
        {
          ScYamlNode *p = seq->children[prev_kept];
          ScYamlNode *next = seq->children[prev_kept + 1];

          g_string_append_len (out, r->data + p->end, (gssize) (next->start - p->end));
        }
      g_string_append_len (out, r->data + item->start, (gssize) (item->end - item->start));
      prev_kept = (gint) i;
    }
  for (guint i = 0; i < added->len; i++)
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), TRUE);

      g_string_append_printf (out, "%s%s", prev_kept >= 0 || i > 0 ? sep : "", q);
    }
  g_string_append_len (out, r->data + seq->children[n - 1]->end,
                       (gssize) (rb - seq->children[n - 1]->end));

  sc_yaml_patch_replace (r->patch, lb + 1, rb, out->str);
  g_string_free (out, TRUE);
}

/* Adds a `plugs:` entry to an app or hook that has none. */
static void
insert_plugs_entry (Render     *r,
                    TargetInfo *info,
                    GPtrArray  *desired)
{
  ScYamlNode *av = info->value;
  ScYamlNode *parent = info->key->parent;
  gboolean flow = r->flow_plugs;

  if (av->kind == SC_YAML_NODE_MAPPING && av->style == SC_YAML_STYLE_FLOW)
    {
      g_autofree char *list = flow_list (desired);

      if (av->n_children > 0)
        {
          g_autofree char *text = g_strdup_printf (", plugs: %s", list);
          ScYamlNode *last = av->children[av->n_children - 1];

          sc_yaml_patch_replace (r->patch, last->end, last->end, text);
        }
      else
        {
          g_autofree char *text = g_strdup_printf ("plugs: %s", list);

          sc_yaml_patch_replace (r->patch, av->value_start + 1, av->value_start + 1, text);
        }
      return;
    }

  if (av->kind == SC_YAML_NODE_MAPPING)
    {
      guint key_col = col0 (av->children[0]);
      g_autofree char *indent = spaces (key_col);
      g_autofree char *value = list_value (r, desired, key_col, flow);
      g_autofree char *text = g_strdup_printf ("%s%splugs:%s", r->eol, indent, value);
      gsize pos = insert_point_after (r, av, 0);

      sc_yaml_patch_replace (r->patch, pos, pos, text);
      return;
    }

  /* A null value: `configure:` or `configure: ~`. */
  if (parent->style == SC_YAML_STYLE_FLOW ||
      !sc_yaml_document_starts_line (r->doc, info->key->start))
    {
      g_autofree char *list = flow_list (desired);
      g_autofree char *text = NULL;
      gsize colon = colon_after (r, info->key);

      if (colon == info->key->end)
        {
          /* `{configure}`: a key without a colon. */
          text = g_strdup_printf (": {plugs: %s}", list);
          sc_yaml_patch_replace (r->patch, info->key->end, info->key->end, text);
        }
      else
        {
          text = g_strdup_printf (av->start == av->end ? " {plugs: %s}" : "{plugs: %s}", list);
          sc_yaml_patch_replace (r->patch, av->start, av->end, text);
        }
    }
  else
    {
      guint key_col = col0 (info->key) + r->map_step;
      g_autofree char *indent = spaces (key_col);
      g_autofree char *value = list_value (r, desired, key_col, flow);
      g_autofree char *text = g_strdup_printf ("%s%splugs:%s", r->eol, indent, value);
      gsize colon = colon_after (r, info->key);
      gsize pos;

      if (av->end > colon)
        sc_yaml_patch_replace (r->patch, colon, av->end, "");
      pos = line_end (r, MAX (av->end, colon));
      sc_yaml_patch_replace (r->patch, pos, pos, text);
    }
}

static gboolean
render_target (Render      *r,
               TargetInfo  *info,
               GPtrArray   *desired,
               GError     **error)
{
  ScTarget *target = info->target;
  const char *kind = target->is_hook ? "hook" : "app";
  ScYamlNode *pv = info->plugs_value;

  if (info->value->kind == SC_YAML_NODE_ALIAS)
    return verify_fail (error, "%s '%s' is written as an alias (*%s) of another definition; "
                        "its plugs cannot be changed on their own", kind, target->name,
                        info->value->value);
  if (info->value->n_aliases > 0)
    return verify_fail (error, "%s '%s' is shared through the anchor &%s; changing its plugs "
                        "would change every place that uses it", kind, target->name,
                        info->value->anchor);

  if (info->plugs_key == NULL)
    {
      if (desired->len == 0)
        return info->plugs_merged
               ? verify_fail (error, "the plugs of %s '%s' come from a merge key (<<); "
                              "they cannot be removed here", kind, target->name)
               : TRUE;
      insert_plugs_entry (r, info, desired);
      return TRUE;
    }

  if (desired->len == 0)
    {
      remove_pair (r, info->mapping, info->plugs_key, pv);
      return TRUE;
    }

  if (pv->kind == SC_YAML_NODE_ALIAS || pv->kind == SC_YAML_NODE_SCALAR)
    replace_value (r, info->mapping, info->plugs_key, pv, desired,
                   r->flow_plugs && pv->kind == SC_YAML_NODE_ALIAS);
  else if (pv->style == SC_YAML_STYLE_FLOW)
    edit_flow_list (r, pv, desired);
  else if (!edit_block_list (r, pv, desired))
    {
      /* An item layout we do not edit line by line (an item on the line
       * after its dash): the whole list becomes a flow list on the key's
       * line, where it is indented enough whatever the key's column. */
      g_autofree char *list = flow_list (desired);
      g_autofree char *text = g_strconcat (" ", list, NULL);
      gsize colon = colon_after (r, info->plugs_key);

      if (colon == info->plugs_key->end)
        {
          /* An explicit key (`? plugs` / `: - home`): the colon is not
           * after the key, so the list replaces the value where it is. */
          sc_yaml_patch_replace (r->patch, pv->start, pv->end, list);
        }
      else
        sc_yaml_patch_replace (r->patch, colon, pv->end, text);
    }
  return TRUE;
}

static TargetInfo *
info_with_plugs_value (ScProject  *self,
                       ScYamlNode *node)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          TargetInfo *info = g_ptr_array_index (infos, i);

          if (info->plugs_value == node)
            return info;
        }
    }
  return NULL;
}

/* Plug lists edited in place that other apps name through an alias: those
 * apps get a copy of the list (their own, unchanged or edited), so the
 * shared list never changes behind their back. */
static gboolean
plan_shared_lists (Render    *r,
                   GError   **error)
{
  ScEdit *edit = r->edit;
  guint n = sc_yaml_document_get_n_nodes (r->doc);

  for (guint i = 0; i < edit->touched->len; i++)
    {
      TargetInfo *info = g_ptr_array_index (edit->touched, i);
      GPtrArray *desired = g_hash_table_lookup (edit->desired, info);
      g_autoptr(GPtrArray) orig = plug_names (info->target);

      if (names_equal (orig, desired))
        continue;
      g_hash_table_add (r->rendered, info);

      if (info->plugs_value == NULL || info->plugs_value->kind == SC_YAML_NODE_ALIAS ||
          info->plugs_value->n_aliases == 0)
        continue;

      for (guint k = 0; k < n; k++)
        {
          ScYamlNode *node = sc_yaml_document_get_node (r->doc, k);
          TargetInfo *user;

          if (node->kind != SC_YAML_NODE_ALIAS || node->target != info->plugs_value)
            continue;
          user = info_with_plugs_value (r->project, node);
          if (user == NULL)
            return verify_fail (error, "the plugs of %s '%s' are shared through the anchor "
                                "&%s, which is also used outside apps and hooks (line %u); "
                                "change that list by hand",
                                info->target->is_hook ? "hook" : "app", info->target->name,
                                info->plugs_value->anchor, node->line);
          g_hash_table_add (r->rendered, user);
        }
    }
  return TRUE;
}

static GPtrArray *desired_of (ScEdit     *edit,
                              TargetInfo *info);

/* Plug items that go away but carry an anchor that other places name
 * (`- &p home` … `[*p]`): those aliases get the value written out, so
 * they do not lose what they point at. */
static void
expand_removed_anchors (Render *r)
{
  guint n = sc_yaml_document_get_n_nodes (r->doc);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, r->rendered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TargetInfo *info = key;
      ScYamlNode *seq = info->plugs_value;
      g_autoptr(GHashTable) wanted = NULL;

      if (info->file_only || seq == NULL || seq->kind != SC_YAML_NODE_SEQUENCE)
        continue;
      wanted = name_set (desired_of (r->edit, info));
      for (guint i = 0; i < seq->n_children; i++)
        {
          ScYamlNode *item = seq->children[i];

          if (item->n_aliases == 0 || g_hash_table_contains (wanted, item->value) ||
              g_hash_table_contains (r->expanded, item))
            continue;
          g_hash_table_add (r->expanded, item);
          for (guint k = 0; k < n; k++)
            {
              ScYamlNode *node = sc_yaml_document_get_node (r->doc, k);
              gboolean flow;
              g_autofree char *text = NULL;

              /* An alias in the same list goes with the item. */
              if (node->kind != SC_YAML_NODE_ALIAS || node->target != item ||
                  node->parent == seq)
                continue;
              flow = node->parent != NULL && node->parent->style == SC_YAML_STYLE_FLOW;
              text = sc_yaml_quote_scalar (item->value, flow);
              sc_yaml_patch_replace (r->patch, node->start, node->end, text);
            }
        }
    }
}

static GPtrArray *
desired_of (ScEdit     *edit,
            TargetInfo *info)
{
  GPtrArray *desired = g_hash_table_lookup (edit->desired, info);

  if (desired == NULL)
    {
      desired = plug_names (info->target);
      g_hash_table_insert (edit->desired, info, desired);
      g_ptr_array_add (edit->touched, info);
    }
  return desired;
}

/* ---- New top-level keys and hooks that are only files ---- */

/* TRUE when a blank line lies between the top-level entry PREV_KEY:
 * PREV and the key NEXT. */
static gboolean
gap_is_blank (Render     *r,
              ScYamlNode *prev_key,
              ScYamlNode *prev,
              ScYamlNode *next)
{
  gsize from = line_end (r, MAX (prev->end, prev_key->end));
  gsize to = sc_yaml_document_line_start (r->doc, next->start);

  for (gsize pos = from; pos < to; pos++)
    if (r->data[pos] == '\n' || r->data[pos] == '\r')
      {
        gsize q = pos + 1;

        if (r->data[pos] == '\r' && q < r->len && r->data[q] == '\n')
          q++;
        while (q < to && (r->data[q] == ' ' || r->data[q] == '\t'))
          q++;
        if (q < r->len && (r->data[q] == '\n' || r->data[q] == '\r'))
          return TRUE;
      }
  return FALSE;
}

/* TRUE when the file separates the top-level entry at INDEX (a key's
 * index in the root's children) from its neighbours with blank lines: the
 * gap after it decides, else the gap before it. */
static gboolean
top_level_spaced (Render *r,
                  guint   index)
{
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);

  if (root->style == SC_YAML_STYLE_FLOW)
    return FALSE;
  if (index + 2 < root->n_children)
    return gap_is_blank (r, root->children[index], root->children[index + 1],
                         root->children[index + 2]);
  if (index >= 2)
    return gap_is_blank (r, root->children[index - 2], root->children[index - 1],
                         root->children[index]);
  return FALSE;
}

/* Inserts BLOCK (a new top-level key and its lines, without a line break
 * at either end) after the top-level entry KEY: VALUE, separated the way
 * the file separates its top-level keys. */
static void
insert_top_level_after (Render     *r,
                        ScYamlNode *key,
                        ScYamlNode *value,
                        const char *block)
{
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  gsize end = insert_point_after (r, value, key->end);
  ScYamlNode *next = NULL;
  guint index = 0;

  for (guint i = 0; i + 1 < root->n_children; i += 2)
    if (root->children[i] == key)
      {
        index = i;
        next = i + 2 < root->n_children ? root->children[i + 2] : NULL;
      }

  if (top_level_spaced (r, index))
    {
      if (next == NULL)
        {
          g_autofree char *text = g_strconcat (r->eol, r->eol, block, NULL);

          sc_yaml_patch_replace (r->patch, end, end, text);
          return;
        }
      else
        {
          gsize to = sc_yaml_document_line_start (r->doc, next->start);
          gsize pos = end;
          gboolean seen_blank = FALSE;

          /* Past the first run of blank lines after the entry: comment
           * lines after it belong to the next key. */
          while (pos < to)
            {
              gsize ls = pos, le;

              if (r->data[pos] == '\r' && pos + 1 < r->len && r->data[pos + 1] == '\n')
                ls += 2;
              else
                ls += 1;
              if (ls >= to)
                {
                  pos = to;
                  break;
                }
              le = line_end (r, ls);
              {
                gsize q = ls;

                while (q < le && (r->data[q] == ' ' || r->data[q] == '\t'))
                  q++;
                if (q == le)
                  seen_blank = TRUE;
                else if (seen_blank)
                  {
                    pos = ls;
                    break;
                  }
              }
              pos = le;
            }
          if (seen_blank)
            {
              g_autofree char *text = g_strconcat (block, r->eol, r->eol, NULL);

              if (pos > to)
                pos = to;
              sc_yaml_patch_replace (r->patch, pos, pos, text);
              return;
            }
        }
    }

  {
    g_autofree char *text = g_strconcat (r->eol, block, NULL);

    sc_yaml_patch_replace (r->patch, end, end, text);
  }
}

/* "NAME:" and its plugs as block lines at INDENT (joined with EOL, no
 * line break at either end), or "NAME: {plugs: [..]}" in flow. */
static char *
hook_entry_text (Render     *r,
                 const char *name,
                 GPtrArray  *desired,
                 guint       indent,
                 gboolean    flow_context)
{
  g_autofree char *quoted = sc_yaml_quote_scalar (name, flow_context);

  if (flow_context)
    {
      g_autofree char *list = flow_list (desired);

      return g_strdup_printf ("%s: {plugs: %s}", quoted, list);
    }
  else
    {
      gboolean flow = r->flow_plugs || r->no_plug_lists;
      guint inner = indent + r->map_step;
      g_autofree char *prefix = spaces (indent);
      g_autofree char *inner_prefix = spaces (inner);
      g_autofree char *value = list_value (r, desired, inner, flow);

      return g_strdup_printf ("%s%s:%s%splugs:%s", prefix, quoted, r->eol, inner_prefix, value);
    }
}

/* Hooks that were only files and now get plugs: entries in `hooks:`,
 * which is created when the file has none. */
static gboolean
render_file_hooks (Render  *r,
                   GError **error)
{
  ScProject *self = r->project;
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *hooks_key = NULL;
  ScYamlNode *hv = sc_yaml_mapping_lookup (root, "hooks", &hooks_key);
  ScYamlNode *hm = sc_yaml_node_resolve (hv);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();   /* TargetInfo* */
  gboolean flow_context;
  guint indent;
  GString *text;

  for (guint i = 0; i < self->hook_infos->len; i++)
    {
      TargetInfo *info = g_ptr_array_index (self->hook_infos, i);

      if (info->file_only && g_hash_table_contains (r->rendered, info) &&
          desired_of (r->edit, info)->len > 0)
        g_ptr_array_add (entries, info);
    }
  if (entries->len == 0)
    return TRUE;

  if (hv != NULL && (hv->kind == SC_YAML_NODE_ALIAS || hv->n_aliases > 0))
    return verify_fail (error, "'hooks' is shared through an alias or anchor; add the hook "
                        "'%s' by hand", ((TargetInfo *) entries->pdata[0])->target->name);

  flow_context = root->style == SC_YAML_STYLE_FLOW ||
                 (hm != NULL && hm->kind == SC_YAML_NODE_MAPPING &&
                  hm->style == SC_YAML_STYLE_FLOW) ||
                 (hooks_key != NULL && !sc_yaml_document_starts_line (r->doc, hooks_key->start));
  if (hm != NULL && hm->kind == SC_YAML_NODE_MAPPING && hm->n_children > 0 && !flow_context)
    indent = col0 (hm->children[0]);
  else if (hooks_key != NULL)
    indent = col0 (hooks_key) + r->map_step;
  else
    indent = col0 (root->children[0]) + r->map_step;

  text = g_string_new (NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      TargetInfo *info = g_ptr_array_index (entries, i);
      g_autofree char *entry = hook_entry_text (r, info->target->name,
                                                desired_of (r->edit, info), indent,
                                                flow_context);

      if (flow_context)
        g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", entry);
      else
        g_string_append_printf (text, "%s%s", i > 0 ? r->eol : "", entry);
    }

  if (hm != NULL && hm->kind == SC_YAML_NODE_MAPPING)
    {
      if (flow_context && hm->style == SC_YAML_STYLE_FLOW)
        {
          if (hm->n_children > 0)
            {
              g_autofree char *t = g_strconcat (", ", text->str, NULL);
              gsize pos = hm->children[hm->n_children - 1]->end;

              sc_yaml_patch_replace (r->patch, pos, pos, t);
            }
          else
            sc_yaml_patch_replace (r->patch, hm->value_start + 1, hm->value_start + 1, text->str);
        }
      else
        {
          g_autofree char *t = g_strconcat (r->eol, text->str, NULL);
          gsize pos = insert_point_after (r, hm, 0);

          sc_yaml_patch_replace (r->patch, pos, pos, t);
        }
    }
  else if (hm != NULL)
    {
      /* `hooks:` with a null value. */
      gsize colon = colon_after (r, hooks_key);

      if (flow_context)
        {
          g_autofree char *t = g_strdup_printf (hv->start == hv->end ? " {%s}" : "{%s}",
                                                text->str);

          if (colon == hooks_key->end)
            {
              g_autofree char *t2 = g_strdup_printf (": {%s}", text->str);

              sc_yaml_patch_replace (r->patch, hooks_key->end, hooks_key->end, t2);
            }
          else
            sc_yaml_patch_replace (r->patch, hv->start, hv->end, t);
        }
      else
        {
          g_autofree char *t = g_strconcat (r->eol, text->str, NULL);
          gsize pos;

          if (hv->end > colon)
            sc_yaml_patch_replace (r->patch, colon, hv->end, "");
          pos = line_end (r, MAX (hv->end, colon));
          sc_yaml_patch_replace (r->patch, pos, pos, t);
        }
    }
  else if (root->style == SC_YAML_STYLE_FLOW)
    {
      g_autofree char *t = g_strdup_printf (", hooks: {%s}", text->str);
      gsize pos = root->children[root->n_children - 1]->end;

      sc_yaml_patch_replace (r->patch, pos, pos, t);
    }
  else
    {
      g_autofree char *top = spaces (col0 (root->children[0]));
      g_autofree char *block = g_strdup_printf ("%shooks:%s%s", top, r->eol, text->str);
      ScYamlNode *apps_key = NULL;
      ScYamlNode *apps = sc_yaml_mapping_lookup (root, "apps", &apps_key);

      if (apps == NULL)
        {
          apps_key = root->children[root->n_children - 2];
          apps = root->children[root->n_children - 1];
        }
      insert_top_level_after (r, apps_key, apps, block);
    }
  g_string_free (text, TRUE);
  return TRUE;
}

/* ---- Plug definitions ---- */

static void append_variant_flow (GString  *out,
                                 GVariant *value);

static void
append_scalar (GString  *out,
               GVariant *value,
               gboolean  flow)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    g_string_append_printf (out, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_variant_get_string (value, NULL), flow);

      g_string_append (out, q);
    }
  /* "ms" nothing: an empty value is null. */
}

static void
append_variant_flow (GString  *out,
                     GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("av")))
    {
      gsize n = g_variant_n_children (value);

      g_string_append_c (out, '[');
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);
          g_autoptr(GVariant) inner = g_variant_get_variant (child);

          if (i > 0)
            g_string_append (out, ", ");
          if (g_variant_is_of_type (inner, G_VARIANT_TYPE ("ms")))
            g_string_append (out, "null");
          else
            append_variant_flow (out, inner);
        }
      g_string_append_c (out, ']');
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE ("a{sv}")))
    {
      GVariantIter iter;
      const char *key;
      GVariant *child;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
        {
          g_autofree char *qk = sc_yaml_quote_scalar (key, TRUE);

          g_string_append_printf (out, "%s%s: ", first ? "" : ", ", qk);
          if (g_variant_is_of_type (child, G_VARIANT_TYPE ("ms")))
            g_string_append (out, "null");
          else
            append_variant_flow (out, child);
          g_variant_unref (child);
          first = FALSE;
        }
      g_string_append_c (out, '}');
    }
  else
    append_scalar (out, value, TRUE);
}

/* "key: value" lines of a block mapping at INDENT, each preceded by EOL. */
static void
append_block_mapping (Render   *r,
                      GString  *out,
                      GVariant *dict,
                      guint     indent,
                      guint     depth)
{
  g_autofree char *prefix = spaces (indent);
  GVariantIter iter;
  const char *key;
  GVariant *child;

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
    {
      g_autoptr(GVariant) value = child;
      g_autofree char *qk = sc_yaml_quote_scalar (key, FALSE);

      g_string_append_printf (out, "%s%s%s:", r->eol, prefix, qk);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE ("av")) && g_variant_n_children (value) > 0)
        {
          g_autofree char *item_prefix = spaces (indent + r->seq_offset);
          gsize n = g_variant_n_children (value);

          for (gsize i = 0; i < n; i++)
            {
              g_autoptr(GVariant) child = g_variant_get_child_value (value, i);
              g_autoptr(GVariant) inner = g_variant_get_variant (child);

              g_string_append_printf (out, "%s%s- ", r->eol, item_prefix);
              if (g_variant_is_of_type (inner, G_VARIANT_TYPE ("ms")))
                g_string_append (out, "null");
              else if (g_variant_is_container (inner))
                append_variant_flow (out, inner);
              else
                append_scalar (out, inner, FALSE);
            }
        }
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE ("a{sv}")) &&
               g_variant_n_children (value) > 0 && depth < 8)
        append_block_mapping (r, out, value, indent + r->map_step, depth + 1);
      else if (g_variant_is_container (value) && !g_variant_is_of_type (value, G_VARIANT_TYPE ("ms")))
        {
          g_string_append_c (out, ' ');
          append_variant_flow (out, value);
        }
      else if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("ms")))
        {
          g_string_append_c (out, ' ');
          append_scalar (out, value, FALSE);
        }
    }
}

/* The text of one definition: "name:" and its attribute lines (block), or
 * "name: {...}" (flow). The first line has no indentation of its own. */
static char *
def_text (Render  *r,
          DefEdit *def,
          guint    indent,
          gboolean flow)
{
  GString *out = g_string_new (NULL);
  g_autofree char *qn = sc_yaml_quote_scalar (def->name, flow);
  g_autofree char *qi = sc_yaml_quote_scalar (def->interface, flow);
  g_autofree char *prefix = spaces (indent + r->map_step);

  if (flow)
    {
      g_string_append_printf (out, "%s: {interface: %s", qn, qi);
      if (g_variant_n_children (def->attributes) > 0)
        {
          GString *rest = g_string_new (NULL);

          append_variant_flow (rest, def->attributes);
          /* "{a: b}" -> ", a: b" */
          g_string_append_printf (out, ", %.*s", (int) rest->len - 2, rest->str + 1);
          g_string_free (rest, TRUE);
        }
      g_string_append_c (out, '}');
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, "%s:%s%sinterface: %s", qn, r->eol, prefix, qi);
  append_block_mapping (r, out, def->attributes, indent + r->map_step, 0);
  return g_string_free (out, FALSE);
}

static gboolean
render_defs (Render  *r,
             GError **error)
{
  ScProject *self = r->project;
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *pv = self->plugs_value;
  ScYamlNode *pm = sc_yaml_node_resolve (pv);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  for (guint i = 0; i < r->edit->defs->len; i++)
    {
      DefEdit *def = g_ptr_array_index (r->edit->defs, i);
      ScYamlNode *key = NULL, *value;

      if (def_edit_is_noop (r->edit, def))
        continue;
      value = pm ? sc_yaml_mapping_lookup (pm, def->name, &key) : NULL;
      if (value == NULL)
        {
          g_ptr_array_add (fresh, def);
          continue;
        }
      if (pv->kind == SC_YAML_NODE_ALIAS)
        return verify_fail (error, "the top-level plugs are an alias (*%s); define plug '%s' "
                            "by hand", pv->value, def->name);
      if (pm->style == SC_YAML_STYLE_FLOW || !sc_yaml_document_starts_line (r->doc, key->start))
        {
          g_autofree char *text = def_text (r, def, 0, TRUE);

          sc_yaml_patch_replace (r->patch, key->start, value->end, text);
        }
      else
        {
          g_autofree char *text = def_text (r, def, col0 (key), FALSE);

          sc_yaml_patch_replace (r->patch, key->start, line_end (r, MAX (value->end, key->end)),
                                 text);
        }
    }

  if (fresh->len == 0)
    return TRUE;

  if (pv != NULL && pv->kind == SC_YAML_NODE_ALIAS)
    return verify_fail (error, "the top-level plugs are an alias (*%s); define new plugs by "
                        "hand", pv->value);

  if (pm != NULL && pm->kind == SC_YAML_NODE_MAPPING && pm->style == SC_YAML_STYLE_FLOW)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < fresh->len; i++)
        {
          g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), 0, TRUE);

          g_string_append_printf (text, "%s%s", (pm->n_children > 0 || i > 0) ? ", " : "", t);
        }
      if (pm->n_children > 0)
        sc_yaml_patch_replace (r->patch, pm->children[pm->n_children - 1]->end,
                               pm->children[pm->n_children - 1]->end, text->str);
      else
        sc_yaml_patch_replace (r->patch, pm->value_start + 1, pm->value_start + 1, text->str);
      g_string_free (text, TRUE);
      return TRUE;
    }

  if (pm != NULL && pm->kind == SC_YAML_NODE_MAPPING)
    {
      guint indent = col0 (pm->children[0]);
      g_autofree char *prefix = spaces (indent);
      GString *text = g_string_new (NULL);
      gsize pos = insert_point_after (r, pm, 0);

      for (guint i = 0; i < fresh->len; i++)
        {
          g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), indent, FALSE);

          g_string_append_printf (text, "%s%s%s", r->eol, prefix, t);
        }
      sc_yaml_patch_replace (r->patch, pos, pos, text->str);
      g_string_free (text, TRUE);
      return TRUE;
    }

  if (root->style == SC_YAML_STYLE_FLOW)
    {
      GString *text = g_string_new (pm ? "{" : ", plugs: {");

      for (guint i = 0; i < fresh->len; i++)
        {
          g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), 0, TRUE);

          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", t);
        }
      g_string_append_c (text, '}');
      if (pm)
        sc_yaml_patch_replace (r->patch, pv->start, pv->end, text->str);
      else
        sc_yaml_patch_replace (r->patch, root->children[root->n_children - 1]->end,
                               root->children[root->n_children - 1]->end, text->str);
      g_string_free (text, TRUE);
      return TRUE;
    }

  {
    guint top = col0 (root->children[0]);
    guint indent = pm ? col0 (self->plugs_key) + r->map_step : top + r->map_step;
    g_autofree char *prefix = spaces (indent);
    g_autofree char *top_prefix = spaces (top);
    GString *text = g_string_new (NULL);
    gsize pos;

    if (pm == NULL)
      g_string_append_printf (text, "%s%splugs:", r->eol, top_prefix);
    for (guint i = 0; i < fresh->len; i++)
      {
        g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), indent, FALSE);

        g_string_append_printf (text, "%s%s%s", r->eol, prefix, t);
      }

    if (pm != NULL)
      {
        /* `plugs:` with a null value */
        gsize colon = colon_after (r, self->plugs_key);

        if (pv->end > colon)
          sc_yaml_patch_replace (r->patch, colon, pv->end, "");
        pos = line_end (r, MAX (pv->end, colon));
      }
    else
      {
        ScYamlNode *apps_key = NULL;
        ScYamlNode *apps = sc_yaml_mapping_lookup (root, "apps", &apps_key);

        if (apps == NULL)
          {
            apps_key = root->children[root->n_children - 2];
            apps = root->children[root->n_children - 1];
          }
        /* A new top-level key, spaced like the others. */
        insert_top_level_after (r, apps_key, apps, text->str + strlen (r->eol));
        g_string_free (text, TRUE);
        return TRUE;
      }
    sc_yaml_patch_replace (r->patch, pos, pos, text->str);
    g_string_free (text, TRUE);
  }
  return TRUE;
}

/* ---- Verification ---- */

static gboolean
strv_equal0 (char **a,
             char **b)
{
  guint na = a ? g_strv_length (a) : 0, nb = b ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return TRUE;
}

/* Compares two mappings (or nulls) entry by entry, leaving out SKIP. */
static gboolean
mapping_equal_except (ScYamlNode *a,
                      ScYamlNode *b,
                      const char *const *skip,
                      GHashTable *expanded)
{
  guint ia = 0, ib = 0;
  guint na = (a && a->kind == SC_YAML_NODE_MAPPING) ? a->n_children : 0;
  guint nb = (b && b->kind == SC_YAML_NODE_MAPPING) ? b->n_children : 0;

  if (a && a->kind != SC_YAML_NODE_MAPPING && !sc_yaml_node_is_null (a))
    return FALSE;
  if (b && b->kind != SC_YAML_NODE_MAPPING && !sc_yaml_node_is_null (b))
    return FALSE;

  for (;;)
    {
      while (ia < na && a->children[ia]->kind == SC_YAML_NODE_SCALAR &&
             g_strv_contains (skip, a->children[ia]->value))
        ia += 2;
      while (ib < nb && b->children[ib]->kind == SC_YAML_NODE_SCALAR &&
             g_strv_contains (skip, b->children[ib]->value))
        ib += 2;
      if (ia >= na || ib >= nb)
        return ia >= na && ib >= nb;
      if (!sc_yaml_node_equal_expanding (a->children[ia], b->children[ib], expanded) ||
          !sc_yaml_node_equal_expanding (a->children[ia + 1], b->children[ib + 1], expanded))
        return FALSE;
      ia += 2;
      ib += 2;
    }
}

static gboolean
verify_targets (Render     *r,
                ScProject  *after,
                gboolean    hooks,
                GError    **error)
{
  ScProject *before = r->project;
  GPtrArray *old_infos = hooks ? before->hook_infos : before->app_infos;
  GPtrArray *new_infos = hooks ? after->hook_infos : after->app_infos;
  const char *kind = hooks ? "hook" : "app";
  static const char * const skip_plugs[] = { "plugs", NULL };

  if (old_infos->len != new_infos->len)
    return verify_fail (error, "the edit changed the number of %ss", kind);

  for (guint i = 0; i < old_infos->len; i++)
    {
      TargetInfo *oi = g_ptr_array_index (old_infos, i);
      TargetInfo *ni = NULL;
      ScTarget *o = oi->target, *n;

      /* By name: a hook that was only a file and gains an entry moves
       * among the file's own hooks. */
      for (guint k = 0; k < new_infos->len && ni == NULL; k++)
        if (g_str_equal (((TargetInfo *) g_ptr_array_index (new_infos, k))->target->name, o->name))
          ni = g_ptr_array_index (new_infos, k);
      if (ni == NULL)
        return verify_fail (error, "the edit would remove %s '%s'", kind, o->name);
      if (ni->file_only && !oi->file_only)
        return verify_fail (error, "the edit would remove the entry of %s '%s'", kind, o->name);
      n = ni->target;
      GPtrArray *want = g_hash_table_lookup (r->edit->desired, oi);
      g_autoptr(GPtrArray) got = plug_names (n);
      g_autoptr(GPtrArray) orig = plug_names (o);

      if (!g_str_equal (o->name, n->name) || g_strcmp0 (o->command, n->command) != 0 ||
          g_strcmp0 (o->daemon, n->daemon) != 0 || !strv_equal0 (o->extensions, n->extensions) ||
          !strv_equal0 (o->slots, n->slots))
        return verify_fail (error, "the edit would change %s '%s' beyond its plugs", kind,
                            o->name);
      if (!names_equal (want ? want : orig, got))
        return verify_fail (error, "the edit would not give %s '%s' the intended plugs", kind,
                            o->name);

      if (g_hash_table_contains (r->rendered, oi))
        {
          if (!mapping_equal_except (oi->mapping, ni->mapping, skip_plugs, r->expanded))
            return verify_fail (error, "the edit would change other settings of %s '%s'",
                                kind, o->name);
        }
      else if (!sc_yaml_node_equal_expanding (oi->value, ni->value, r->expanded))
        return verify_fail (error, "the edit would change %s '%s', which it should not touch",
                            kind, o->name);
    }
  return TRUE;
}

static gboolean
verify (Render     *r,
        ScProject  *after,
        GError    **error)
{
  ScProject *before = r->project;
  ScEdit *edit = r->edit;
  ScYamlNode *old_root = sc_yaml_document_get_root (before->doc);
  ScYamlNode *new_root = sc_yaml_document_get_root (after->doc);
  static const char * const skip_top[] = { "confinement", "plugs", "apps", "hooks", NULL };
  const char *want_confinement = edit->confinement ? edit->confinement : before->confinement;
  gboolean hooks_grow = FALSE;

  if (g_strcmp0 (before->name, after->name) != 0 || g_strcmp0 (before->base, after->base) != 0 ||
      g_strcmp0 (before->build_base, after->build_base) != 0 ||
      g_strcmp0 (before->grade, after->grade) != 0)
    return verify_fail (error, "the edit would change the snap's name, base or grade");
  if (g_strcmp0 (want_confinement, after->confinement) != 0)
    return verify_fail (error, "the edit would not give the intended confinement");
  if (g_strcmp0 (before->confinement, after->confinement) != 0 &&
      after->confinement_value != NULL && after->confinement_value->n_aliases > 0)
    return verify_fail (error, "the new confinement value would also change the places that "
                        "name it through its anchor &%s", after->confinement_value->anchor);
  if (!mapping_equal_except (old_root, new_root, skip_top, r->expanded))
    return verify_fail (error, "the edit would change top-level settings it should not touch");

  for (guint i = 0; i < before->hook_infos->len; i++)
    {
      TargetInfo *info = g_ptr_array_index (before->hook_infos, i);

      if (info->file_only && g_hash_table_contains (r->rendered, info))
        hooks_grow = TRUE;
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *section = pass ? "hooks" : "apps";
      ScYamlNode *ok = NULL, *nk = NULL;
      ScYamlNode *ov = sc_yaml_mapping_lookup (old_root, section, &ok);
      ScYamlNode *nv = sc_yaml_mapping_lookup (new_root, section, &nk);

      if (pass == 1 && hooks_grow)
        {
          /* Hooks that were only files get entries: `hooks:` may be new,
           * or a null value may have become a mapping. */
          if ((ov != NULL && (nv == NULL || !sc_yaml_node_equal (ok, nk) ||
                              g_strcmp0 (ov->anchor, nv->anchor) != 0)) ||
              (nv != NULL && sc_yaml_node_resolve (nv)->kind != SC_YAML_NODE_MAPPING))
            return verify_fail (error, "the edit would change the '%s' section", section);
        }
      else if ((ov == NULL) != (nv == NULL) ||
          (ov != NULL && (!sc_yaml_node_equal (ok, nk) ||
                          g_strcmp0 (ov->anchor, nv->anchor) != 0 || ov->kind != nv->kind)))
        return verify_fail (error, "the edit would change the '%s' section", section);
      if (!verify_targets (r, after, pass == 1, error))
        return FALSE;
    }

  /* Plug definitions: the old ones unchanged unless redefined, the new
   * ones exactly as asked, nothing else. */
  {
    guint expected = before->plug_defs->len;

    for (guint i = 0; i < edit->defs->len; i++)
      {
        DefEdit *def = g_ptr_array_index (edit->defs, i);
        ScPlugDef *got = sc_project_find_plug_def (after, def->name);

        if (sc_project_find_plug_def (before, def->name) == NULL)
          expected++;
        if (got == NULL || !g_str_equal (got->interface, def->interface) ||
            !g_variant_equal (got->attributes, def->attributes))
          return verify_fail (error, "the edit would not define plug '%s' as intended",
                              def->name);
      }
    if (after->plug_defs->len != expected)
      return verify_fail (error, "the edit would change the number of plug definitions");
    for (guint i = 0; i < before->plug_defs->len; i++)
      {
        ScPlugDef *old = g_ptr_array_index (before->plug_defs, i);
        ScPlugDef *got = sc_project_find_plug_def (after, old->name);
        gboolean redefined = FALSE;

        for (guint k = 0; k < edit->defs->len; k++)
          if (g_str_equal (((DefEdit *) g_ptr_array_index (edit->defs, k))->name, old->name))
            redefined = TRUE;
        if (redefined)
          continue;
        if (got == NULL || !g_str_equal (got->interface, old->interface) ||
            !g_variant_equal (got->attributes, old->attributes))
          return verify_fail (error, "the edit would change plug definition '%s'", old->name);
      }
  }
  return TRUE;
}

GBytes *
sc_edit_render (ScEdit  *edit,
                GError **error)
{
  ScProject *self;
  g_autoptr(ScYamlPatch) patch = NULL;
  g_autoptr(GHashTable) rendered = NULL;
  g_autoptr(GHashTable) expanded = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(ScProject) after = NULL;
  g_autoptr(GError) local_error = NULL;
  Render r = { 0 };
  g_return_val_if_fail (edit != NULL, NULL);

  self = edit->project;
  if (sc_edit_is_empty (edit))
    return g_bytes_ref (self->bytes);

  patch = sc_yaml_patch_new (self->doc);
  rendered = g_hash_table_new (g_direct_hash, g_direct_equal);
  r.edit = edit;
  r.project = self;
  r.doc = self->doc;
  r.patch = patch;
  r.data = sc_yaml_document_get_data (self->doc, &r.len);
  r.eol = sc_yaml_document_get_eol (self->doc);
  r.rendered = rendered;
  r.expanded = expanded;
  detect_style (&r);

  if (confinement_changes (edit))
    render_confinement (&r);

  if (!plan_shared_lists (&r, error))
    return NULL;
  expand_removed_anchors (&r);

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          TargetInfo *info = g_ptr_array_index (infos, i);

          if (!info->file_only && g_hash_table_contains (rendered, info) &&
              !render_target (&r, info, desired_of (edit, info), error))
            return NULL;
        }
    }

  if (!render_file_hooks (&r, error))
    return NULL;

  if (!render_defs (&r, error))
    return NULL;

  text = sc_yaml_patch_apply (patch, &local_error);
  if (text == NULL)
    return verify_fail (error, "%s", local_error->message), NULL;

  after = load_bytes (self->path, self->root, self->display_path, self->error_name, text,
                      &local_error);
  if (after == NULL)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_VERIFY,
                   "the edited text would not load again (%s); nothing was written",
                   local_error->message);
      return NULL;
    }
  if (!verify (&r, after, error))
    return NULL;

  return g_steal_pointer (&text);
}

char *
sc_edit_diff (ScEdit  *edit,
              GError **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize old_len, new_len;
  const char *old_data, *new_data;

  g_return_val_if_fail (edit != NULL, NULL);

  text = sc_edit_render (edit, error);
  if (text == NULL)
    return NULL;
  if (g_bytes_equal (text, edit->project->bytes))
    return g_strdup ("");

  a = g_strconcat ("a/", edit->project->display_path, NULL);
  b = g_strconcat ("b/", edit->project->display_path, NULL);
  old_data = g_bytes_get_data (edit->project->bytes, &old_len);
  new_data = g_bytes_get_data (text, &new_len);
  return sc_diff_unified (old_data ? old_data : "", old_len, new_data ? new_data : "", new_len,
                          a, b, 3);
}

gboolean
sc_edit_write (ScEdit  *edit,
               GError **error)
{
  return sc_edit_write_full (edit, SC_FILE_REPLACE_NONE, error);
}

gboolean
sc_edit_write_full (ScEdit              *edit,
                    ScFileReplaceFlags   flags,
                    GError             **error)
{
  g_autoptr(GBytes) text = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (edit != NULL, FALSE);

  text = sc_edit_render (edit, error);
  if (text == NULL)
    return FALSE;
  if (g_bytes_equal (text, edit->project->bytes))
    return TRUE;
  if (edit->project->path == NULL)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   "%s was not loaded from a file; there is nowhere to write",
                   edit->project->display_path);
      return FALSE;
    }
  data = g_bytes_get_data (text, &len);
  return sc_file_replace_atomic_full (edit->project->path, data ? data : "", len,
                                      edit->project->bytes, flags, error);
}

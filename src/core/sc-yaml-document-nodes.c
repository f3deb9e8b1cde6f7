/* sc-yaml-document-nodes.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Questions about one node of the tree: what it resolves to, whether it is
 * null or a string the way YAML 1.1 (and so snapcraft) reads it, a mapping
 * lookup, and whether two nodes are written the same.
 */
#define G_LOG_DOMAIN "sc-yaml-document"

#include "config.h"

#include <string.h>
#include <yaml.h>

#include "sc-yaml-document-private.h"

ScYamlNode *
sc_yaml_node_resolve (ScYamlNode *node)
{
  if (node != NULL && node->kind == SC_YAML_NODE_ALIAS)
    return node->target;
  return node;
}

gboolean
sc_yaml_node_is_null (const ScYamlNode *node)
{
  if (node == NULL || node->kind != SC_YAML_NODE_SCALAR || node->style != SC_YAML_STYLE_PLAIN)
    return FALSE;
  if (node->tag != NULL)
    return g_str_equal (node->tag, YAML_NULL_TAG);
  return node->value[0] == '\0' ||
         g_str_equal (node->value, "~") ||
         g_str_equal (node->value, "null") ||
         g_str_equal (node->value, "Null") ||
         g_str_equal (node->value, "NULL");
}

gboolean
_sc_yaml_is_bool_word (const char *s)
{
  static const char * const words[] = {
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
    "FALSE", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (s, words[i]))
      return TRUE;
  return FALSE;
}

/* Conservative: anything that YAML 1.1 might read as an int or float. */
gboolean
_sc_yaml_looks_numeric (const char *s)
{
  const char *p = s;
  gboolean digit = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  if (*p == '.')
    {
      const char *rest = p + 1;

      if (g_ascii_strcasecmp (rest, "inf") == 0 || g_ascii_strcasecmp (rest, "nan") == 0)
        return TRUE;
    }
  if (!g_ascii_isdigit (*p) && *p != '.')
    return FALSE;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!strchr ("_.:xobeEaAbBcCdDfF+-", *p))
        return FALSE;
    }
  return digit;
}

gboolean
sc_yaml_node_is_string (const ScYamlNode *node)
{
  if (node == NULL || node->kind != SC_YAML_NODE_SCALAR)
    return FALSE;
  if (node->tag != NULL && !g_str_equal (node->tag, "!"))
    return g_str_equal (node->tag, YAML_STR_TAG);
  if (node->style != SC_YAML_STYLE_PLAIN)
    return TRUE;
  return !sc_yaml_node_is_null (node) && !_sc_yaml_is_bool_word (node->value) &&
         !_sc_yaml_looks_numeric (node->value);
}

/* The implicit types of PyYAML's resolver (YAML 1.1), which snapcraft
 * reads its file with. The patterns are the resolver's own. */
static const char * const yaml11_patterns[][2] = {
  { "bool", "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$" },
  { "float", "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
             "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
             "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
             "|[-+]?\\.(?:inf|Inf|INF)"
             "|\\.(?:nan|NaN|NAN))$" },
  { "int", "^(?:[-+]?0b[0-1_]+"
           "|[-+]?0[0-7_]+"
           "|[-+]?(?:0|[1-9][0-9_]*)"
           "|[-+]?0x[0-9a-fA-F_]+"
           "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$" },
  { "null", "^(?:~|null|Null|NULL|)$" },
  { "timestamp", "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                 "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                 "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                 "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$" },
};

const char *
sc_yaml_node_yaml11_type (const ScYamlNode *node)
{
  static GRegex *regexes[G_N_ELEMENTS (yaml11_patterns)];
  static gsize initialised = 0;

  if (node == NULL)
    return NULL;
  switch (node->kind)
    {
    case SC_YAML_NODE_SEQUENCE:
      return "seq";
    case SC_YAML_NODE_MAPPING:
      return "map";
    case SC_YAML_NODE_ALIAS:
      return sc_yaml_node_yaml11_type (node->target);
    case SC_YAML_NODE_SCALAR:
    default:
      break;
    }

  if (node->tag != NULL && !g_str_equal (node->tag, "!"))
    {
      if (g_str_has_prefix (node->tag, "tag:yaml.org,2002:"))
        return node->tag + strlen ("tag:yaml.org,2002:");
      return node->tag;
    }
  /* PyYAML resolves a scalar with the non-specific tag "!" as if it were
   * plain, quoted or not; a quoted scalar without a tag is a string. */
  if (node->tag == NULL && node->style != SC_YAML_STYLE_PLAIN)
    return "str";
  if (strlen (node->value) != node->value_len)
    return "str";

  if (g_once_init_enter (&initialised))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (yaml11_patterns); i++)
        regexes[i] = g_regex_new (yaml11_patterns[i][1], G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (yaml11_patterns); i++)
    if (regexes[i] != NULL && g_regex_match (regexes[i], node->value, 0, NULL))
      return yaml11_patterns[i][0];
  return "str";
}

ScYamlNode *
sc_yaml_mapping_lookup (ScYamlNode  *mapping,
                        const char  *key,
                        ScYamlNode **key_node)
{
  if (key_node != NULL)
    *key_node = NULL;
  if (mapping == NULL || mapping->kind != SC_YAML_NODE_MAPPING)
    return NULL;
  for (guint i = 0; i + 1 < mapping->n_children; i += 2)
    {
      ScYamlNode *k = mapping->children[i];

      if (k->kind == SC_YAML_NODE_SCALAR && strcmp (k->value, key) == 0 &&
          k->value_len == strlen (key))
        {
          if (key_node != NULL)
            *key_node = k;
          return mapping->children[i + 1];
        }
    }
  return NULL;
}

static gboolean
node_equal (const ScYamlNode *a,
            const ScYamlNode *b,
            GHashTable       *expanded)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (expanded != NULL && a->kind == SC_YAML_NODE_ALIAS &&
      g_hash_table_contains (expanded, a->target) &&
      b->kind == SC_YAML_NODE_SCALAR && b->anchor == NULL)
    {
      const ScYamlNode *t = a->target;

      /* The alias was written out as its value. */
      return t->kind == SC_YAML_NODE_SCALAR && t->value_len == b->value_len &&
             memcmp (t->value, b->value, b->value_len) == 0 &&
             g_str_equal (sc_yaml_node_yaml11_type (t), sc_yaml_node_yaml11_type (b));
    }
  if (a->kind != b->kind || g_strcmp0 (a->anchor, b->anchor) != 0 ||
      g_strcmp0 (a->tag, b->tag) != 0)
    return FALSE;

  switch (a->kind)
    {
    case SC_YAML_NODE_ALIAS:
      return g_str_equal (a->value, b->value);

    case SC_YAML_NODE_SCALAR:
      return a->value_len == b->value_len &&
             memcmp (a->value, b->value, a->value_len) == 0 &&
             (a->style == SC_YAML_STYLE_PLAIN) == (b->style == SC_YAML_STYLE_PLAIN);

    case SC_YAML_NODE_SEQUENCE:
    case SC_YAML_NODE_MAPPING:
    default:
      if (a->n_children != b->n_children)
        return FALSE;
      for (guint i = 0; i < a->n_children; i++)
        if (!node_equal (a->children[i], b->children[i], expanded))
          return FALSE;
      return TRUE;
    }
}

gboolean
sc_yaml_node_equal (const ScYamlNode *a,
                    const ScYamlNode *b)
{
  return node_equal (a, b, NULL);
}

gboolean
sc_yaml_node_equal_expanding (const ScYamlNode *a,
                              const ScYamlNode *b,
                              GHashTable       *expanded)
{
  return node_equal (a, b, expanded);
}

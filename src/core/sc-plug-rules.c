/* sc-plug-rules.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plug attribute rules as data, read from snapd (canonical/snapd
 * bee548f7470643ffd5c94a75797a6cef83e29ff6). The comment or source field
 * of each row names where it comes from; when snapd changes, compare the
 * rows with those places.
 */
#define G_LOG_DOMAIN "sc-plug-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-plug-rules.h"
#include "sc-policy.h"

/* Interfaces whose plug sanitizer (BeforePreparePlug) refuses a plug
 * without these attributes, so that snapd will not install the snap; and
 * the two that only refuse the connection (BeforeConnectPlug). Interfaces
 * whose sanitizer fills in a default (custom-device, posix-mq,
 * shared-memory: the plug name) or only checks attributes that are given
 * (home, browser-support, optical-drive, …) are not here. */
static const ScRequiredAttributes required_rules[] = {
  { "personal-files", SC_REQUIRE_ANY, { "read", "write", NULL },
    "read=$HOME/.config/app",
    "read: [$HOME/.config/app]", FALSE,
    "cannot add personal-files plug: needs valid \"read\" or \"write\" attribute",
    "interfaces/builtin/common_files.go: commonFilesInterface.BeforePreparePlug" },
  { "system-files", SC_REQUIRE_ANY, { "read", "write", NULL },
    "read=/etc/app",
    "read: [/etc/app]", FALSE,
    "cannot add system-files plug: needs valid \"read\" or \"write\" attribute",
    "interfaces/builtin/common_files.go: commonFilesInterface.BeforePreparePlug" },
  { "content", SC_REQUIRE_ALL, { "target", NULL },
    "target=$SNAP/data-dir/themes,default-provider=gtk-common-themes",
    "target: $SNAP/data-dir/themes", FALSE,
    "content plug must contain target path",
    "interfaces/builtin/content.go: contentInterface.BeforePreparePlug" },
  { "dbus", SC_REQUIRE_ALL, { "bus", "name", NULL },
    "bus=session,name=org.example.Service",
    "bus: session, name: org.example.Service", FALSE,
    "cannot find attribute 'bus'",
    "interfaces/builtin/dbus.go: dbusInterface.BeforePreparePlug (getAttribs)" },
  { "confdb", SC_REQUIRE_ALL, { "account", "view", NULL },
    "account=ACCOUNT-ID,view=SCHEMA/VIEW",
    "account: ACCOUNT-ID, view: SCHEMA/VIEW", FALSE,
    "confdb plug must have an \"account\" attribute",
    "interfaces/builtin/confdb.go: confdbInterface.BeforePreparePlug" },
  { "mediatek-accel", SC_REQUIRE_ALL, { "units", NULL },
    "units=apu",
    "units: [apu]", FALSE,
    "mediatek-accel interface requires \"units\" attribute to be set",
    "interfaces/builtin/mediatek_accel.go: mediatekAccelInterface.BeforePreparePlug" },
  { "netlink-driver", SC_REQUIRE_ALL, { "family-name", NULL },
    "family-name=NAME",
    "family-name: NAME", FALSE,
    "netlink-driver plug must have a family-name attribute",
    "interfaces/builtin/netlink_driver.go: validateFamilyNameAttr" },
  { "polkit", SC_REQUIRE_ANY, { "action-prefix", "install-rules", NULL },
    "action-prefix=org.example.app",
    "action-prefix: org.example.app", FALSE,
    "must have at least one of (\"action-prefix\", \"install-rules\") attributes set",
    "interfaces/builtin/polkit.go: polkitInterface.BeforePreparePlug" },
  { "mount-control", SC_REQUIRE_ALL, { "mount", NULL },
    NULL,
    "mount: [{what: /dev/sdb1, where: $SNAP_COMMON/mnt, type: [ext4]}]", TRUE,
    "mount-control \"mount\" attribute must be a list of dictionaries",
    "interfaces/builtin/mount_control.go: mountControlInterface.BeforeConnectPlug" },
  { "kernel-module-load", SC_REQUIRE_ALL, { "modules", NULL },
    NULL,
    "modules: [{name: MODULE, load: on-boot}]", TRUE,
    "kernel-module-load \"modules\" attribute must be a list of dictionaries",
    "interfaces/builtin/kernel_module_load.go: kernelModuleLoadInterface.BeforeConnectPlug" },
};

/* How we present a plug attribute that snapd's base declaration treats
 * apart from the interface's default. Whether it needs store approval,
 * does not auto-connect or auto-connects is not decided here but by the
 * generated rows of sc-policy-data.h (sc_policy_attribute_effect()); this
 * table only says it in our words, one row per interface and attribute
 * that a generated deny or $MISSING row names (test-check checks that
 * none is missing). */
static const ScAttributeRule attribute_rules[] = {
  { "home", "read", "home-read-all",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” reads all users' home folders (“read: all”): this needs store approval "
       "and never connects automatically"),
    N_("Drop “read: all” unless the app really manages other users' files; the plain home "
       "plug covers the user's own home.") },
  { "browser-support", "allow-sandbox", "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “allow-sandbox: true”: the store reviews it by hand and it does not "
       "connect automatically"),
    NULL },
  { "optical-drive", "write", "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “write: true”: writing to optical discs needs store approval and a "
       "manual connection"),
    NULL },
  { "desktop", "desktop-file-ids", "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “desktop-file-ids”, which needs store approval"),
    NULL },
  { "usb-gadget", "name", "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “name”, “where” or “persistent”: a usb-gadget plug with its own "
       "gadget settings needs store approval"),
    NULL },
  { "usb-gadget", "where", "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “name”, “where” or “persistent”: a usb-gadget plug with its own "
       "gadget settings needs store approval"),
    NULL },
  { "usb-gadget", "persistent", "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “name”, “where” or “persistent”: a usb-gadget plug with its own "
       "gadget settings needs store approval"),
    NULL },
};

/* Attributes whose value is a list: one value given on the command line
 * becomes a list of one (common_files.go, mediatek_accel.go, desktop.go). */
static const struct
{
  const char *interface;
  const char *attribute;
} list_attributes[] = {
  { "personal-files", "read" },
  { "personal-files", "write" },
  { "system-files", "read" },
  { "system-files", "write" },
  { "mediatek-accel", "units" },
  { "desktop", "desktop-file-ids" },
};

gboolean
sc_plug_rules_attribute_is_list (const char *interface,
                                 const char *attribute)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_attributes); i++)
    if (g_strcmp0 (list_attributes[i].interface, interface) == 0 &&
        g_strcmp0 (list_attributes[i].attribute, attribute) == 0)
      return TRUE;
  return FALSE;
}

const ScRequiredAttributes *
sc_plug_rules_get_required (const char *interface)
{
  if (interface == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (required_rules); i++)
    if (strcmp (required_rules[i].interface, interface) == 0)
      return &required_rules[i];
  return NULL;
}

gboolean
sc_plug_rules_has_required (const ScRequiredAttributes *rule,
                            GVariant                   *attributes)
{
  guint found = 0, n = 0;

  g_return_val_if_fail (rule != NULL, FALSE);

  for (; rule->attributes[n] != NULL; n++)
    {
      g_autoptr(GVariant) value = NULL;

      if (attributes != NULL)
        value = g_variant_lookup_value (attributes, rule->attributes[n], NULL);
      /* snapd reads a null value as no value. */
      if (value != NULL && !g_variant_is_of_type (value, G_VARIANT_TYPE ("ms")))
        found++;
    }
  return rule->mode == SC_REQUIRE_ANY ? found > 0 : found == n;
}

char *
sc_plug_rules_dup_required_text (const ScRequiredAttributes *rule)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; rule->attributes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, rule->attributes[i + 1] != NULL ? ", "
                               : rule->mode == SC_REQUIRE_ANY ? _(" or ") : _(" and "));
      g_string_append_printf (text, "“%s”", rule->attributes[i]);
    }
  return g_string_free (text, FALSE);
}

char *
sc_plug_rules_check_files_path (const char  *interface,
                                const char  *path,
                                const char **hint,
                                gboolean    *advice)
{
  gboolean personal = g_strcmp0 (interface, "personal-files") == 0;
  const char *dummy_hint;
  gboolean dummy_advice;

  g_return_val_if_fail (path != NULL, NULL);

  hint = hint != NULL ? hint : &dummy_hint;
  advice = advice != NULL ? advice : &dummy_advice;
  *advice = FALSE;

  /* personal_files.go validateSinglePathHome; system_files.go
   * validateSinglePathSystem. */
  if (personal && !g_str_has_prefix (path, "$HOME/"))
    {
      *hint = _("personal-files paths are relative to the user's home: write them as "
                "“$HOME/.config/app”.");
      return g_strdup (_("does not start with “$HOME/”"));
    }
  if (!personal && path[0] != '/')
    {
      *hint = _("system-files paths start with “/”.");
      return g_strdup (_("is not an absolute path"));
    }
  /* apparmor.ValidateNoAppArmorRegexp: the characters AppArmor reads as
   * patterns. */
  if (strpbrk (path, "*?[]{}^\"") != NULL)
    {
      *hint = _("List each file or folder by its exact path; a folder covers what is inside "
                "it.");
      return g_strdup (_("contains a glob pattern"));
    }
  /* validateSinglePath: filepath.Clean must not change it. */
  if (strstr (path, "/../") != NULL || g_str_has_suffix (path, "/..") ||
      strstr (path, "/./") != NULL || g_str_has_suffix (path, "/.") ||
      strstr (path, "//") != NULL)
    {
      *hint = _("Remove “..”, “.” and doubled slashes from the path.");
      return g_strdup (_("is not normalised"));
    }
  if (strlen (path) > 1 && g_str_has_suffix (path, "/"))
    {
      *hint = _("Write the folder without the trailing slash; it covers what is inside it.");
      return g_strdup (_("ends with “/”"));
    }
  if (g_str_has_suffix (path, "@"))
    {
      *hint = _("AppArmor would read the end of the path as a variable; remove the “@”.");
      return g_strdup (_("ends with “@”"));
    }
  if (strchr (path, '~') != NULL)
    {
      *hint = personal ? _("Write the home folder as “$HOME”, only at the start.")
                       : _("Write the full path without “~”.");
      return g_strdup (_("contains “~”"));
    }
  if (personal && strstr (path + strlen ("$HOME"), "$HOME") != NULL)
    {
      *hint = _("“$HOME” may only start the path; snapd refuses it anywhere else.");
      return g_strdup (_("uses “$HOME” after its start"));
    }
  if (!personal && strstr (path, "$HOME") != NULL)
    {
      *hint = _("system-files cannot reach the home folder; use personal-files for paths "
                "under “$HOME”.");
      return g_strdup (_("uses “$HOME”"));
    }
  /* review-tools: personal-files is meant for dot-files. */
  if (personal && path[strlen ("$HOME/")] != '.')
    {
      *advice = TRUE;
      *hint = _("personal-files is meant for dot-files such as “$HOME/.config/app”; the "
                "home interface already gives access to non-hidden files.");
      return g_strdup (_("is not a hidden file or folder"));
    }
  return NULL;
}

/* VALUE as snapd's attribute constraints read it (asserts/constraint.go:
 * a string as it is, a boolean or integer in its text form, a list when
 * every item matches): the text every item shares, "" when the items
 * differ or are not scalars, NULL for a null value (no value). */
static char *
attribute_text (GVariant *value)
{
  g_autofree char *first = NULL;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) inner = g_variant_get_variant (value);

      return attribute_text (inner);
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE))
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_ARRAY) ||
      g_variant_is_of_type (value, G_VARIANT_TYPE_DICTIONARY) || g_variant_n_children (value) == 0)
    return g_strdup ("");
  for (gsize i = 0; i < g_variant_n_children (value); i++)
    {
      g_autoptr(GVariant) item = g_variant_get_child_value (value, i);
      g_autofree char *text = attribute_text (item);

      if (text == NULL || (first != NULL && strcmp (first, text) != 0))
        return g_strdup ("");
      if (first == NULL)
        first = g_steal_pointer (&text);
    }
  return g_steal_pointer (&first);
}

const ScAttributeRule *
sc_plug_rules_get_attribute_rule (const char *interface,
                                  const char *attribute)
{
  if (interface == NULL || attribute == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (attribute_rules); i++)
    if (strcmp (attribute_rules[i].interface, interface) == 0 &&
        strcmp (attribute_rules[i].attribute, attribute) == 0)
      return &attribute_rules[i];
  return NULL;
}

ScAttributeEffect
sc_plug_rules_attribute_effect (const char  *interface,
                                GVariant    *attributes,
                                const char **attribute)
{
  ScAttributeEffect effect = SC_ATTRIBUTE_DEFAULT;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (attribute != NULL)
    *attribute = NULL;
  if (interface == NULL || attributes == NULL ||
      !g_variant_is_of_type (attributes, G_VARIANT_TYPE_VARDICT))
    return SC_ATTRIBUTE_DEFAULT;

  g_variant_iter_init (&iter, attributes);
  /* The strongest effect wins, the first attribute among equals:
   * store approval, then no auto-connection, then auto-connection. */
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autofree char *text = attribute_text (value);
      gboolean auto_connect = TRUE, store_approval = FALSE;
      ScAttributeEffect this;

      if (text == NULL ||
          !sc_policy_attribute_effect (interface, key, text, &auto_connect, &store_approval))
        continue;
      this = store_approval ? SC_ATTRIBUTE_NEEDS_GRANT
             : !auto_connect ? SC_ATTRIBUTE_MANUAL
             : SC_ATTRIBUTE_AUTO_CONNECTS;
      if (effect == SC_ATTRIBUTE_DEFAULT || this < effect)
        {
          effect = this;
          if (attribute != NULL)
            *attribute = key;
        }
    }
  return effect;
}

const ScAttributeRule *
sc_plug_rules_get_attribute_rules (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (attribute_rules);
  return attribute_rules;
}

const ScRequiredAttributes *
sc_plug_rules_get_required_rules (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (required_rules);
  return required_rules;
}

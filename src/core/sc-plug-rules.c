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

/* Plug attribute values the base declaration treats apart from the
 * interface's default: deny-connection / deny-auto-connection or
 * deny-installation on plug-attributes (store approval), or an
 * allow-auto-connection of its own. */
static const ScAttributeRule attribute_rules[] = {
  { "home", "read", SC_ATTRIBUTE_EQUALS, "all", SC_ATTRIBUTE_NEEDS_GRANT, "home-read-all",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” reads all users' home folders (“read: all”): this needs store approval "
       "and never connects automatically"),
    N_("Drop “read: all” unless the app really manages other users' files; the plain home "
       "plug covers the user's own home."),
    "interfaces/builtin/home.go: homeBaseDeclarationSlots, deny-connection and "
    "deny-auto-connection on plug-attributes read: all" },
  { "browser-support", "allow-sandbox", SC_ATTRIBUTE_IS_TRUE, NULL, SC_ATTRIBUTE_NEEDS_GRANT,
    "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “allow-sandbox: true”: the store reviews it by hand and it does not "
       "connect automatically"),
    NULL,
    "interfaces/builtin/browser_support.go: browserSupportBaseDeclarationSlots, "
    "deny-connection and deny-auto-connection on plug-attributes allow-sandbox: true" },
  { "optical-drive", "write", SC_ATTRIBUTE_IS_TRUE, NULL, SC_ATTRIBUTE_NEEDS_GRANT,
    "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “write: true”: writing to optical discs needs store approval and a "
       "manual connection"),
    NULL,
    "interfaces/builtin/optical_drive.go: opticalDriveBaseDeclarationSlots, "
    "deny-connection and deny-auto-connection on plug-attributes write: true" },
  { "desktop", "desktop-file-ids", SC_ATTRIBUTE_PRESENT, NULL, SC_ATTRIBUTE_NEEDS_GRANT,
    "store-approval",
    /* Translators: %s is a plug name. */
    N_("Plug “%s” sets “desktop-file-ids”, which needs store approval"),
    NULL,
    "interfaces/builtin/desktop.go: desktopBaseDeclarationPlugs, allow-installation only "
    "with plug-attributes desktop-file-ids: $MISSING" },
  { "shared-memory", "private", SC_ATTRIBUTE_IS_TRUE, NULL, SC_ATTRIBUTE_AUTO_CONNECTS,
    NULL, NULL, NULL,
    "interfaces/builtin/shared_memory.go: sharedMemoryBaseDeclarationPlugs, "
    "allow-auto-connection with plug-attributes private: true to the system's slot" },
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

static gboolean
attribute_matches (const ScAttributeRule *rule,
                   GVariant              *attributes)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (attributes, rule->attribute, NULL);

  if (value == NULL)
    return FALSE;
  switch (rule->match)
    {
    case SC_ATTRIBUTE_IS_TRUE:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        return g_variant_get_boolean (value);
      return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
             g_ascii_strcasecmp (g_variant_get_string (value, NULL), "true") == 0;
    case SC_ATTRIBUTE_EQUALS:
      return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
             strcmp (g_variant_get_string (value, NULL), rule->value) == 0;
    case SC_ATTRIBUTE_PRESENT:
    default:
      return TRUE;
    }
}

const ScAttributeRule *
sc_plug_rules_match_attributes (const char *interface,
                                GVariant   *attributes)
{
  if (interface == NULL || attributes == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (attribute_rules); i++)
    if (strcmp (attribute_rules[i].interface, interface) == 0 &&
        attribute_matches (&attribute_rules[i], attributes))
      return &attribute_rules[i];
  return NULL;
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

/* test-extensions.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sc-extensions.h"
#include "sc-project.h"

static ScProject *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extensions", name, NULL);
  g_autoptr(GError) error = NULL;
  ScProject *project = sc_project_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* "plug=D", "plug=E(extension)", "plug=U" or "plug=U(extension)", joined
 * by commas, in the order sc_project_dup_effective_plugs() returns. */
static char *
describe_effective (ScProject  *project,
                    const char *target_name)
{
  ScTarget *target = sc_project_find_target (project, target_name);
  g_autoptr(GPtrArray) plugs = NULL;
  GString *text = g_string_new ("");

  g_assert_nonnull (target);
  plugs = sc_project_dup_effective_plugs (project, target);
  g_assert_nonnull (plugs);

  for (guint i = 0; i < plugs->len; i++)
    {
      ScEffectivePlug *plug = plugs->pdata[i];
      const char *origin = plug->origin == SC_PLUG_ORIGIN_DECLARED ? "D"
                           : plug->origin == SC_PLUG_ORIGIN_EXTENSION ? "E" : "U";

      if (text->len > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "%s=%s", plug->plug, origin);
      if (plug->extension != NULL)
        g_string_append_printf (text, "(%s)", plug->extension);
      if (plug->origin == SC_PLUG_ORIGIN_EXTENSION)
        g_assert_nonnull (plug->extension);
      if (plug->origin == SC_PLUG_ORIGIN_DECLARED)
        g_assert_null (plug->extension);
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  const char *fixture;
  const char *target;
  const char *expected;
} EffectiveCase;

#define GNOME_E(ext) \
  "desktop-legacy=E(" ext "),gsettings=E(" ext "),opengl=E(" ext "),wayland=E(" ext ")," \
  "x11=E(" ext ")"
#define THEMES_U(ext) "gtk-3-themes=U(" ext "),icon-themes=U(" ext "),sound-themes=U(" ext ")"
#define KDE_E \
  "desktop=E(kde-neon),desktop-legacy=E(kde-neon),opengl=E(kde-neon),wayland=E(kde-neon)," \
  "x11=E(kde-neon),audio-playback=E(kde-neon),unity7=E(kde-neon),network=E(kde-neon)," \
  "network-bind=E(kde-neon)"
#define KDE_THEMES_U \
  "gtk-2-themes=U(kde-neon),gtk-3-themes=U(kde-neon),icon-themes=U(kde-neon)," \
  "sound-themes=U(kde-neon)"

static const EffectiveCase effective_cases[] = {
  /* Declared plugs come first, even one the extension also gives
   * (desktop); then the extension's; then the unscoped content plugs. */
  { "gnome-core22.yaml", "gnome-app",
    "home=D,desktop=D," GNOME_E ("gnome") "," THEMES_U ("gnome") ",gnome-42-2204=U(gnome)" },
  /* An app without the extension still gets its unscoped plugs. */
  { "gnome-core22.yaml", "helper",
    "network=D," THEMES_U ("gnome") ",gnome-42-2204=U(gnome)" },
  /* The configure hook gets desktop from the extension; others do not. */
  { "gnome-core22.yaml", "hook:configure",
    "network=D,desktop=E(gnome)," THEMES_U ("gnome") ",gnome-42-2204=U(gnome)" },
  { "gnome-core22.yaml", "hook:install", THEMES_U ("gnome") ",gnome-42-2204=U(gnome)" },
  /* core24: another platform snap, plus the gpu-2404 content plug. */
  { "gnome-core24.yaml", "gnome-app",
    "home=D,desktop=D," GNOME_E ("gnome") "," THEMES_U ("gnome")
    ",gnome-46-2404=U(gnome),gpu-2404=U(gnome)" },
  { "kde-neon-core22.yaml", "kde-app", KDE_E "," KDE_THEMES_U ",kf5-core22=U(kde-neon)" },
  { "kde-neon-core24.yaml", "kde-app",
    KDE_E "," KDE_THEMES_U ",kf5-core24=U(kde-neon),gpu-2404=U(kde-neon)" },
  { "kde-neon-core22.yaml", "hook:configure", NULL },
  { "gnome-3-28-core18.yaml", "legacy-app",
    "network=D,desktop=E(gnome-3-28)," GNOME_E ("gnome-3-28") "," THEMES_U ("gnome-3-28")
    ",gnome-3-28-1804=U(gnome-3-28)" },
  /* gnome-3-28 does not exist for core20: it adds nothing. */
  { "gnome-3-28-core20.yaml", "wrong-base", "network=D" },
  /* ROS adds no plugs; the content variant adds one unscoped plug. */
  { "ros2-humble.yaml", "talker",
    "network=D,network-bind=D,ros-humble-desktop=U(ros2-humble-desktop)" },
  { "ros2-humble.yaml", "listener", "ros-humble-desktop=U(ros2-humble-desktop)" },
  /* dotnet lists its runtime plug on the app, so it is not unscoped. */
  { "dotnet8.yaml", "dotnet-app", "dotnet8-runtime=E(dotnet8)" },
  { "unknown-extension.yaml", "typo-app", "home=D" },
  { "unscoped.yaml", "unscoped-app", "shared-data=D,home=D,dot-config=U" },
};

static void
test_effective_plugs (void)
{
  g_test_summary ("Effective plugs per fixture project and target: declared, then "
                  "extension-implied, then unscoped, without duplicates");

  for (guint i = 0; i < G_N_ELEMENTS (effective_cases); i++)
    {
      const EffectiveCase *c = &effective_cases[i];
      g_autoptr(ScProject) project = load_fixture (c->fixture);
      g_autofree char *actual = NULL;

      if (c->expected == NULL)
        {
          /* The target does not exist in the file. */
          g_assert_null (sc_project_find_target (project, c->target));
          continue;
        }

      actual = describe_effective (project, c->target);
      g_test_message ("%s %s: %s", c->fixture, c->target, actual);
      g_assert_cmpstr (actual, ==, c->expected);
    }
}

static ScEffectivePlug *
find_effective (GPtrArray  *plugs,
                const char *name)
{
  for (guint i = 0; i < plugs->len; i++)
    if (strcmp (((ScEffectivePlug *) plugs->pdata[i])->plug, name) == 0)
      return plugs->pdata[i];
  return NULL;
}

static void
assert_string_attribute (ScPlugDef  *def,
                         const char *key,
                         const char *expected)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (def->attributes, key, G_VARIANT_TYPE_STRING);

  if (expected == NULL)
    {
      g_assert_null (value);
      return;
    }
  g_assert_nonnull (value);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, expected);
}

static void
test_effective_definitions (void)
{
  g_autoptr(ScProject) gnome = load_fixture ("gnome-core24.yaml");
  g_autoptr(ScProject) dotnet = load_fixture ("dotnet8.yaml");
  g_autoptr(ScProject) unscoped = load_fixture ("unscoped.yaml");
  g_autoptr(GPtrArray) plugs = NULL;
  ScEffectivePlug *plug;
  gboolean font_cache = TRUE;

  g_test_summary ("Effective plugs resolve their top-level definition and interface, "
                  "from the project or from the extension");

  plugs = sc_project_dup_effective_plugs (gnome, sc_project_find_target (gnome, "gnome-app"));
  plug = find_effective (plugs, "desktop");
  g_assert_nonnull (plug);
  g_assert_cmpstr (plug->interface, ==, "desktop");
  g_assert_nonnull (plug->definition);
  g_assert_true (g_variant_lookup (plug->definition->attributes, "mount-host-font-cache", "b",
                                   &font_cache));
  g_assert_false (font_cache);

  plug = find_effective (plugs, "gpu-2404");
  g_assert_nonnull (plug);
  g_assert_cmpstr (plug->interface, ==, "content");
  assert_string_attribute (plug->definition, "target", "$SNAP/gpu-2404");
  assert_string_attribute (plug->definition, "default-provider", "mesa-2404");

  plug = find_effective (plugs, "gnome-46-2404");
  g_assert_nonnull (plug);
  assert_string_attribute (plug->definition, "target", "$SNAP/gnome-platform");

  plug = find_effective (plugs, "home");
  g_assert_cmpstr (plug->interface, ==, "home");
  g_assert_null (plug->definition);
  g_clear_pointer (&plugs, g_ptr_array_unref);

  plugs = sc_project_dup_effective_plugs (dotnet, sc_project_find_target (dotnet, "dotnet-app"));
  plug = find_effective (plugs, "dotnet8-runtime");
  g_assert_nonnull (plug);
  g_assert_cmpstr (plug->interface, ==, "content");
  assert_string_attribute (plug->definition, "content", "dotnet-runtime-80");
  assert_string_attribute (plug->definition, "target", "$SNAP/opt/dotnet8");
  g_clear_pointer (&plugs, g_ptr_array_unref);

  plugs = sc_project_dup_effective_plugs (unscoped,
                                          sc_project_find_target (unscoped, "unscoped-app"));
  plug = find_effective (plugs, "dot-config");
  g_assert_nonnull (plug);
  g_assert_cmpstr (plug->interface, ==, "personal-files");
  g_assert_true (plug->definition == sc_project_find_plug_def (unscoped, "dot-config"));
  g_assert_null (plug->extension);
}

typedef struct
{
  const char *extension;
  const char *base;
  const char *app_plugs;     /* comma-separated; NULL when unsupported */
  const char *top_level;     /* comma-separated "name:interface" */
  const char *configure;     /* comma-separated; NULL when none */
} TableCase;

static const TableCase table_cases[] = {
  { "gnome", "core22", "desktop,desktop-legacy,gsettings,opengl,wayland,x11",
    "desktop:desktop,gtk-3-themes:content,icon-themes:content,sound-themes:content,"
    "gnome-42-2204:content", "desktop" },
  { "gnome", "core24", "desktop,desktop-legacy,gsettings,opengl,wayland,x11",
    "desktop:desktop,gtk-3-themes:content,icon-themes:content,sound-themes:content,"
    "gnome-46-2404:content,gpu-2404:content", "desktop" },
  { "gnome", "core20", NULL, NULL, NULL },
  { "gnome", NULL, NULL, NULL, NULL },
  { "gnome-3-34", "core18", "desktop,desktop-legacy,gsettings,opengl,wayland,x11",
    "desktop:desktop,gtk-3-themes:content,icon-themes:content,sound-themes:content,"
    "gnome-3-34-1804:content", "desktop" },
  { "gnome-3-38", "core20", "desktop,desktop-legacy,gsettings,opengl,wayland,x11",
    "desktop:desktop,gtk-3-themes:content,icon-themes:content,sound-themes:content,"
    "gnome-3-38-2004:content", "desktop" },
  { "kde-neon", "core18", "desktop,desktop-legacy,opengl,wayland,x11",
    "desktop:desktop,icon-themes:content,sound-themes:content,"
    "kde-frameworks-5-core18:content", "desktop" },
  { "kde-neon", "core20", "desktop,desktop-legacy,opengl,wayland,x11",
    "desktop:desktop,icon-themes:content,sound-themes:content,"
    "kde-frameworks-5-99-qt-5-15-7-core20:content", "desktop" },
  { "kde-neon-6", "core24",
    "desktop,desktop-legacy,opengl,wayland,x11,audio-playback,unity7,network,network-bind",
    "desktop:desktop,gtk-2-themes:content,gtk-3-themes:content,icon-themes:content,"
    "sound-themes:content,kf6-core24:content,lxqt-support-core24:content,gpu-2404:content",
    "desktop" },
  { "kde-neon-qt6", "core22",
    "desktop,desktop-legacy,opengl,wayland,x11,audio-playback,unity7,network,network-bind",
    "desktop:desktop,gtk-2-themes:content,gtk-3-themes:content,icon-themes:content,"
    "sound-themes:content,kde-qt6-core22:content", "desktop" },
  /* Flutter: no top-level desktop entry and no configure hook. */
  { "flutter-stable", "core18", "desktop,desktop-legacy,gsettings,opengl,wayland,x11",
    "gtk-3-themes:content,icon-themes:content,sound-themes:content,gnome-3-28-1804:content",
    NULL },
  { "flutter-master", "core18", "desktop,desktop-legacy,gsettings,opengl,wayland,x11",
    "gtk-3-themes:content,icon-themes:content,sound-themes:content,gnome-3-28-1804:content",
    NULL },
  { "gpu", "core22", "", "graphics-core22:content", NULL },
  { "gpu", "core26", "", "gpu-2604:content", NULL },
  { "ros1-noetic", "core20", "", "", NULL },
  { "ros1-noetic-perception", "core20", "", "ros-noetic-perception:content", NULL },
  { "ros2-foxy-ros-core", "core20", "", "ros-foxy-ros-core:content", NULL },
  { "ros2-jazzy", "core24", "", "", NULL },
  { "ros2-lyrical-desktop", "core26", "", "ros-lyrical-desktop:content", NULL },
  { "env-injector", "core24", "", "", NULL },
  { "env-injector", "core22", NULL, NULL, NULL },
  { "dotnet11", "core24", "dotnet11-runtime", "dotnet11-runtime:content", NULL },
  { "no-such-extension", "core24", NULL, NULL, NULL },
};

static void
test_tables (void)
{
  g_test_summary ("Extension tables: app plugs, top-level definitions and configure hook "
                  "plugs per extension and base");

  for (guint i = 0; i < G_N_ELEMENTS (table_cases); i++)
    {
      const TableCase *c = &table_cases[i];
      const char * const *app_plugs = sc_extension_get_app_plugs (c->extension, c->base);
      const char * const *configure = sc_extension_get_hook_plugs (c->extension, c->base,
                                                                   "configure");
      g_autoptr(GPtrArray) defs = sc_extension_dup_top_level_plugs (c->extension, c->base);

      g_test_message ("%s on %s", c->extension, c->base);

      if (c->app_plugs == NULL)
        {
          g_assert_null (app_plugs);
          g_assert_null (defs);
          g_assert_null (configure);
          continue;
        }

      {
        g_autofree char *joined = g_strjoinv (",", (char **) app_plugs);
        g_autoptr(GString) top = g_string_new ("");

        g_assert_cmpstr (joined, ==, c->app_plugs);
        g_assert_nonnull (defs);
        for (guint j = 0; j < defs->len; j++)
          {
            ScPlugDef *def = defs->pdata[j];

            g_string_append_printf (top, "%s%s:%s", j > 0 ? "," : "", def->name, def->interface);
            g_assert_true (g_variant_is_of_type (def->attributes, G_VARIANT_TYPE_VARDICT));
            if (strcmp (def->interface, "content") == 0)
              {
                g_autoptr(GVariant) target = g_variant_lookup_value (def->attributes, "target",
                                                                     G_VARIANT_TYPE_STRING);
                g_assert_nonnull (target);
                g_assert_true (g_str_has_prefix (g_variant_get_string (target, NULL), "$SNAP/"));
              }
          }
        g_assert_cmpstr (top->str, ==, c->top_level);
      }

      if (c->configure == NULL)
        g_assert_null (configure);
      else
        {
          g_autofree char *joined = g_strjoinv (",", (char **) configure);

          g_assert_cmpstr (joined, ==, c->configure);
        }
      g_assert_null (sc_extension_get_hook_plugs (c->extension, c->base, "install"));
    }
}

typedef struct
{
  const char *extension;
  const char *base;
  const char *plug;
  const char *content;   /* NULL: no content attribute */
  const char *target;
  const char *provider;
} ContentCase;

static const ContentCase content_cases[] = {
  { "gnome", "core22", "gtk-3-themes", NULL, "$SNAP/data-dir/themes", "gtk-common-themes" },
  { "gnome", "core22", "gnome-42-2204", NULL, "$SNAP/gnome-platform", "gnome-42-2204" },
  { "gnome", "core24", "gpu-2404", NULL, "$SNAP/gpu-2404", "mesa-2404" },
  { "kde-neon", "core22", "kf5-core22", "kf5-core22-all", "$SNAP/kf5", "kf5-core22" },
  { "kde-neon", "core20", "kde-frameworks-5-99-qt-5-15-7-core20",
    "kde-frameworks-5-99-qt-5-15-7-core20-all", "$SNAP/kf5",
    "kde-frameworks-5-99-qt-5-15-7-core20" },
  { "kde-neon-6", "core24", "kf6-core24", "kf6-core24-all", "$SNAP/kf6", "kf6-core24" },
  { "kde-neon-6", "core22", "lxqt-support-core22", NULL, "$SNAP/lxqt-support",
    "lxqt-support-core22" },
  { "kde-neon-qt6", "core24", "kde-qt6-core24", "kde-qt6-core24-all", "$SNAP/qt6",
    "kde-qt6-core24" },
  { "kde-neon", "core22", "gtk-2-themes", NULL, "$SNAP/data-dir/themes", "gtk-common-themes" },
  { "gnome-3-38", "core20", "sound-themes", NULL, "$SNAP/data-dir/sounds", "gtk-common-themes" },
  { "gpu", "core22", "graphics-core22", NULL, "$SNAP/graphics-core22", "mesa-core22" },
  { "gpu", "core26", "gpu-2604", NULL, "$SNAP/gpu-2604", "mesa-2604" },
  { "ros2-humble-ros-base", "core22", "ros-humble-ros-base", "ros-humble-ros-base",
    "$SNAP/opt/ros/underlay_ws", "ros-humble-ros-base" },
  { "dotnet10", "core24", "dotnet10-runtime", "dotnet-runtime-100", "$SNAP/opt/dotnet10",
    "dotnet-runtime-100" },
};

static void
assert_attribute (ScPlugDef  *def,
                  const char *key,
                  const char *expected)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (def->attributes, key, NULL);

  if (expected == NULL)
    {
      g_assert_null (value);
      return;
    }
  g_assert_nonnull (value);
  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING));
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, expected);
}

static void
test_content_attributes (void)
{
  g_test_summary ("Content plugs that extensions define carry the content label, mount "
                  "target and default provider snapcraft writes");

  for (guint i = 0; i < G_N_ELEMENTS (content_cases); i++)
    {
      const ContentCase *c = &content_cases[i];
      g_autoptr(GPtrArray) defs = sc_extension_dup_top_level_plugs (c->extension, c->base);
      ScPlugDef *def = NULL;

      g_test_message ("%s on %s: %s", c->extension, c->base, c->plug);
      g_assert_nonnull (defs);
      for (guint j = 0; j < defs->len && def == NULL; j++)
        if (strcmp (((ScPlugDef *) defs->pdata[j])->name, c->plug) == 0)
          def = defs->pdata[j];
      g_assert_nonnull (def);
      g_assert_cmpstr (def->interface, ==, "content");
      assert_attribute (def, "content", c->content);
      assert_attribute (def, "target", c->target);
      assert_attribute (def, "default-provider", c->provider);
    }
}

static void
test_known (void)
{
  const char * const *bases;
  const char * const *names = sc_extension_get_names ();

  g_test_summary ("Extension names and the bases each supports");

  g_assert_true (sc_extension_is_known ("gnome"));
  g_assert_true (sc_extension_is_known ("ros2-humble-desktop"));
  g_assert_false (sc_extension_is_known ("gnome-3-40"));
  g_assert_false (sc_extension_is_known (""));
  g_assert_null (sc_extension_get_bases ("nope"));

  bases = sc_extension_get_bases ("kde-neon");
  g_assert_nonnull (bases);
  g_assert_cmpuint (g_strv_length ((char **) bases), ==, 4);
  g_assert_true (g_strv_contains (bases, "core18"));
  g_assert_true (g_strv_contains (bases, "core20"));
  g_assert_true (g_strv_contains (bases, "core22"));
  g_assert_true (g_strv_contains (bases, "core24"));

  g_assert_true (sc_extension_supports_confinement ("gnome", "strict"));
  g_assert_true (sc_extension_supports_confinement ("gnome", "devmode"));
  g_assert_true (sc_extension_supports_confinement ("gnome", NULL));
  g_assert_false (sc_extension_supports_confinement ("gnome", "classic"));
  g_assert_false (sc_extension_supports_confinement ("kde-neon", "classic"));
  g_assert_true (sc_extension_supports_confinement ("env-injector", "classic"));
  g_assert_false (sc_extension_supports_confinement ("no-such", "strict"));

  bases = sc_extension_get_bases ("gpu");
  g_assert_cmpuint (g_strv_length ((char **) bases), ==, 3);
  g_assert_true (g_strv_contains (bases, "core26"));

  /* Every name once. */
  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = i + 1; names[j] != NULL; j++)
      g_assert_cmpstr (names[i], !=, names[j]);
  g_assert_true (g_strv_contains (names, "flutter-dev"));
  g_assert_true (g_strv_contains (names, "dotnet10"));
}

static void
test_extension_base (void)
{
  static const struct { const char *yaml; const char *expected; } cases[] = {
    { "name: a\nbase: core22\nconfinement: strict\n", "core22" },
    { "name: a\nbase: bare\nbuild-base: core24\nconfinement: strict\n", "core24" },
    { "name: a\nbase: devel\nbuild-base: devel\ngrade: devel\nconfinement: strict\n", "devel" },
    { "name: a\nconfinement: strict\n", NULL },
  };

  g_test_summary ("Extensions are checked against base, or build-base for bare/devel");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProject) project =
        sc_project_load_from_data ("snapcraft.yaml", cases[i].yaml, strlen (cases[i].yaml), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sc_project_get_extension_base (project), ==, cases[i].expected);
    }
}

static void
test_refused_extensions (void)
{
  static const struct { const char *yaml; const char *expected; } cases[] = {
    /* snapcraft refuses gnome on a classic snap: nothing is implied. */
    { "name: a\nbase: core24\nconfinement: classic\napps:\n  a:\n    command: a\n"
      "    extensions: [gnome]\n    plugs: [home]\n", "home=D" },
    /* No base at all. */
    { "name: a\nconfinement: strict\napps:\n  a:\n    command: a\n"
      "    extensions: [gnome]\n    plugs: [home]\n", "home=D" },
    /* bare with a build-base: checked against the build-base. */
    { "name: a\nbase: bare\nbuild-base: core24\nconfinement: strict\napps:\n  a:\n"
      "    command: a\n    extensions: [dotnet9]\n", "dotnet9-runtime=E(dotnet9)" },
  };

  g_test_summary ("Extensions snapcraft would refuse (classic confinement, no base) imply "
                  "no plugs; bare uses the build-base");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProject) project =
        sc_project_load_from_data ("snapcraft.yaml", cases[i].yaml, strlen (cases[i].yaml), &error);
      g_autofree char *actual = NULL;

      g_assert_no_error (error);
      actual = describe_effective (project, "a");
      g_assert_cmpstr (actual, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extensions/tables", test_tables);
  g_test_add_func ("/extensions/known", test_known);
  g_test_add_func ("/extensions/content-attributes", test_content_attributes);
  g_test_add_func ("/extensions/effective-plugs", test_effective_plugs);
  g_test_add_func ("/extensions/effective-definitions", test_effective_definitions);
  g_test_add_func ("/extensions/extension-base", test_extension_base);
  g_test_add_func ("/extensions/refused", test_refused_extensions);

  return g_test_run ();
}

/* sc-extensions.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each snapcraft extension adds to a project, per base, kept as data:
 * the plugs it appends to every app that lists it, the top-level plug
 * definitions it merges into the root (desktop and content plugs), and the
 * plugs of the `configure` hook it creates. Facts from snapcraft's extension
 * code (current code for core22 and newer, legacy code for core18/core20).
 *
 * Only what matters for confinement is modelled: command chains,
 * environment, layouts and parts are left out.
 */
#define G_LOG_DOMAIN "sc-extensions"

#include "config.h"

#include <string.h>

#include "sc-extensions.h"

/* A top-level plug an extension defines. DESKTOP entries are the
 * `desktop: {mount-host-font-cache: false}` definition; the others are
 * content plugs. CONTENT is NULL when the extension leaves the `content`
 * attribute out (snapd then uses the plug name). */
typedef struct
{
  const char *name;
  gboolean    desktop;
  const char *content;
  const char *target;
  const char *default_provider;
} ExtPlugDef;

typedef struct
{
  const char         *extension;
  const char         *base;
  const char * const *app_plugs;     /* never NULL */
  const ExtPlugDef   *plug_defs;     /* terminated by a NULL name */
  const char * const *configure_plugs;  /* plugs of hooks.configure, nullable */
  gboolean            classic;       /* also supports confinement: classic */
} ExtVariant;

static const char * const no_plugs[] = { NULL };

/* The six plugs of the GNOME family and the legacy flutter extensions. */
static const char * const gnome_app_plugs[] = {
  "desktop", "desktop-legacy", "gsettings", "opengl", "wayland", "x11", NULL
};
/* kde-neon on core18/core20, and on core22 before the core24 rework. */
static const char * const kde_legacy_app_plugs[] = {
  "desktop", "desktop-legacy", "opengl", "wayland", "x11", NULL
};
/* kde-neon, kde-neon-6 and kde-neon-qt6 in current snapcraft. */
static const char * const kde_app_plugs[] = {
  "desktop", "desktop-legacy", "opengl", "wayland", "x11",
  "audio-playback", "unity7", "network", "network-bind", NULL
};
static const char * const configure_desktop[] = { "desktop", NULL };

#define DESKTOP_DEF { "desktop", TRUE, NULL, NULL, NULL }
#define THEMES_DEF(name, dir) { name, FALSE, NULL, "$SNAP/data-dir/" dir, "gtk-common-themes" }
#define GTK2_THEMES THEMES_DEF ("gtk-2-themes", "themes")
#define GTK3_THEMES THEMES_DEF ("gtk-3-themes", "themes")
#define ICON_THEMES THEMES_DEF ("icon-themes", "icons")
#define SOUND_THEMES THEMES_DEF ("sound-themes", "sounds")
#define GNOME_PLATFORM(snap) { snap, FALSE, NULL, "$SNAP/gnome-platform", snap }
#define GPU_2404 { "gpu-2404", FALSE, NULL, "$SNAP/gpu-2404", "mesa-2404" }
#define KDE_PLATFORM(snap, dir) { snap, FALSE, snap "-all", "$SNAP/" dir, snap }
#define END_DEFS { NULL, FALSE, NULL, NULL, NULL }

static const ExtPlugDef gnome_core22_defs[] = {
  DESKTOP_DEF, GTK3_THEMES, ICON_THEMES, SOUND_THEMES, GNOME_PLATFORM ("gnome-42-2204"), END_DEFS
};
static const ExtPlugDef gnome_core24_defs[] = {
  DESKTOP_DEF, GTK3_THEMES, ICON_THEMES, SOUND_THEMES, GNOME_PLATFORM ("gnome-46-2404"),
  GPU_2404, END_DEFS
};
static const ExtPlugDef gnome_3_28_defs[] = {
  DESKTOP_DEF, GTK3_THEMES, ICON_THEMES, SOUND_THEMES, GNOME_PLATFORM ("gnome-3-28-1804"), END_DEFS
};
static const ExtPlugDef gnome_3_34_defs[] = {
  DESKTOP_DEF, GTK3_THEMES, ICON_THEMES, SOUND_THEMES, GNOME_PLATFORM ("gnome-3-34-1804"), END_DEFS
};
static const ExtPlugDef gnome_3_38_defs[] = {
  DESKTOP_DEF, GTK3_THEMES, ICON_THEMES, SOUND_THEMES, GNOME_PLATFORM ("gnome-3-38-2004"), END_DEFS
};
/* Flutter extensions define no top-level `desktop` entry. */
static const ExtPlugDef flutter_defs[] = {
  GTK3_THEMES, ICON_THEMES, SOUND_THEMES, GNOME_PLATFORM ("gnome-3-28-1804"), END_DEFS
};
static const ExtPlugDef kde_neon_core18_defs[] = {
  DESKTOP_DEF, ICON_THEMES, SOUND_THEMES, KDE_PLATFORM ("kde-frameworks-5-core18", "kf5"), END_DEFS
};
static const ExtPlugDef kde_neon_core20_defs[] = {
  DESKTOP_DEF, ICON_THEMES, SOUND_THEMES,
  KDE_PLATFORM ("kde-frameworks-5-99-qt-5-15-7-core20", "kf5"), END_DEFS
};
static const ExtPlugDef kde_neon_core22_defs[] = {
  DESKTOP_DEF, GTK2_THEMES, GTK3_THEMES, ICON_THEMES, SOUND_THEMES,
  KDE_PLATFORM ("kf5-core22", "kf5"), END_DEFS
};
static const ExtPlugDef kde_neon_core24_defs[] = {
  DESKTOP_DEF, GTK2_THEMES, GTK3_THEMES, ICON_THEMES, SOUND_THEMES,
  KDE_PLATFORM ("kf5-core24", "kf5"), GPU_2404, END_DEFS
};
static const ExtPlugDef kde_neon_6_core22_defs[] = {
  DESKTOP_DEF, GTK2_THEMES, GTK3_THEMES, ICON_THEMES, SOUND_THEMES,
  KDE_PLATFORM ("kf6-core22", "kf6"),
  { "lxqt-support-core22", FALSE, NULL, "$SNAP/lxqt-support", "lxqt-support-core22" }, END_DEFS
};
static const ExtPlugDef kde_neon_6_core24_defs[] = {
  DESKTOP_DEF, GTK2_THEMES, GTK3_THEMES, ICON_THEMES, SOUND_THEMES,
  KDE_PLATFORM ("kf6-core24", "kf6"),
  { "lxqt-support-core24", FALSE, NULL, "$SNAP/lxqt-support", "lxqt-support-core24" },
  GPU_2404, END_DEFS
};
static const ExtPlugDef kde_neon_qt6_core22_defs[] = {
  DESKTOP_DEF, GTK2_THEMES, GTK3_THEMES, ICON_THEMES, SOUND_THEMES,
  KDE_PLATFORM ("kde-qt6-core22", "qt6"), END_DEFS
};
static const ExtPlugDef kde_neon_qt6_core24_defs[] = {
  DESKTOP_DEF, GTK2_THEMES, GTK3_THEMES, ICON_THEMES, SOUND_THEMES,
  KDE_PLATFORM ("kde-qt6-core24", "qt6"), GPU_2404, END_DEFS
};
static const ExtPlugDef gpu_core22_defs[] = {
  { "graphics-core22", FALSE, NULL, "$SNAP/graphics-core22", "mesa-core22" }, END_DEFS
};
static const ExtPlugDef gpu_core24_defs[] = { GPU_2404, END_DEFS };
static const ExtPlugDef gpu_core26_defs[] = {
  { "gpu-2604", FALSE, NULL, "$SNAP/gpu-2604", "mesa-2604" }, END_DEFS
};
static const ExtPlugDef no_defs[] = { END_DEFS };

/* ROS content-sharing variants: one content plug named after the content
 * snap, mounted as the underlay workspace. */
#define ROS_DEF(snap) { snap, FALSE, snap, "$SNAP/opt/ros/underlay_ws", snap }
#define ROS_VARIANT(ext, base, snap) \
  static const ExtPlugDef ext##_defs[] = { ROS_DEF (snap), END_DEFS };
ROS_VARIANT (noetic_desktop, "core20", "ros-noetic-desktop")
ROS_VARIANT (noetic_perception, "core20", "ros-noetic-perception")
ROS_VARIANT (noetic_robot, "core20", "ros-noetic-robot")
ROS_VARIANT (noetic_ros_base, "core20", "ros-noetic-ros-base")
ROS_VARIANT (noetic_ros_core, "core20", "ros-noetic-ros-core")
ROS_VARIANT (foxy_desktop, "core20", "ros-foxy-desktop")
ROS_VARIANT (foxy_ros_base, "core20", "ros-foxy-ros-base")
ROS_VARIANT (foxy_ros_core, "core20", "ros-foxy-ros-core")
ROS_VARIANT (humble_desktop, "core22", "ros-humble-desktop")
ROS_VARIANT (humble_ros_base, "core22", "ros-humble-ros-base")
ROS_VARIANT (humble_ros_core, "core22", "ros-humble-ros-core")
ROS_VARIANT (jazzy_desktop, "core24", "ros-jazzy-desktop")
ROS_VARIANT (jazzy_ros_base, "core24", "ros-jazzy-ros-base")
ROS_VARIANT (jazzy_ros_core, "core24", "ros-jazzy-ros-core")
ROS_VARIANT (lyrical_desktop, "core26", "ros-lyrical-desktop")
ROS_VARIANT (lyrical_ros_base, "core26", "ros-lyrical-ros-base")
ROS_VARIANT (lyrical_ros_core, "core26", "ros-lyrical-ros-core")

/* dotnetN: one content plug for the runtime, also listed by every app. */
#define DOTNET(n, v) \
  static const char * const dotnet##n##_app_plugs[] = { "dotnet" #n "-runtime", NULL }; \
  static const ExtPlugDef dotnet##n##_defs[] = { \
    { "dotnet" #n "-runtime", FALSE, "dotnet-runtime-" #v, "$SNAP/opt/dotnet" #n, \
      "dotnet-runtime-" #v }, END_DEFS };
DOTNET (8, 80)
DOTNET (9, 90)
DOTNET (10, 100)
DOTNET (11, 110)

static const ExtVariant variants[] = {
  /* Legacy snapcraft, core18 and core20. */
  { "gnome-3-28", "core18", gnome_app_plugs, gnome_3_28_defs, configure_desktop },
  { "gnome-3-34", "core18", gnome_app_plugs, gnome_3_34_defs, configure_desktop },
  { "gnome-3-38", "core20", gnome_app_plugs, gnome_3_38_defs, configure_desktop },
  { "kde-neon", "core18", kde_legacy_app_plugs, kde_neon_core18_defs, configure_desktop },
  { "kde-neon", "core20", kde_legacy_app_plugs, kde_neon_core20_defs, configure_desktop },
  { "flutter-stable", "core18", gnome_app_plugs, flutter_defs, NULL },
  { "flutter-beta", "core18", gnome_app_plugs, flutter_defs, NULL },
  { "flutter-dev", "core18", gnome_app_plugs, flutter_defs, NULL },
  { "flutter-master", "core18", gnome_app_plugs, flutter_defs, NULL },
  { "ros1-noetic", "core20", no_plugs, no_defs, NULL },
  { "ros1-noetic-desktop", "core20", no_plugs, noetic_desktop_defs, NULL },
  { "ros1-noetic-perception", "core20", no_plugs, noetic_perception_defs, NULL },
  { "ros1-noetic-robot", "core20", no_plugs, noetic_robot_defs, NULL },
  { "ros1-noetic-ros-base", "core20", no_plugs, noetic_ros_base_defs, NULL },
  { "ros1-noetic-ros-core", "core20", no_plugs, noetic_ros_core_defs, NULL },
  { "ros2-foxy", "core20", no_plugs, no_defs, NULL },
  { "ros2-foxy-desktop", "core20", no_plugs, foxy_desktop_defs, NULL },
  { "ros2-foxy-ros-base", "core20", no_plugs, foxy_ros_base_defs, NULL },
  { "ros2-foxy-ros-core", "core20", no_plugs, foxy_ros_core_defs, NULL },

  /* Current snapcraft. */
  { "gnome", "core22", gnome_app_plugs, gnome_core22_defs, configure_desktop },
  { "gnome", "core24", gnome_app_plugs, gnome_core24_defs, configure_desktop },
  { "kde-neon", "core22", kde_app_plugs, kde_neon_core22_defs, configure_desktop },
  { "kde-neon", "core24", kde_app_plugs, kde_neon_core24_defs, configure_desktop },
  { "kde-neon-6", "core22", kde_app_plugs, kde_neon_6_core22_defs, configure_desktop },
  { "kde-neon-6", "core24", kde_app_plugs, kde_neon_6_core24_defs, configure_desktop },
  { "kde-neon-qt6", "core22", kde_app_plugs, kde_neon_qt6_core22_defs, configure_desktop },
  { "kde-neon-qt6", "core24", kde_app_plugs, kde_neon_qt6_core24_defs, configure_desktop },
  { "gpu", "core22", no_plugs, gpu_core22_defs, NULL },
  { "gpu", "core24", no_plugs, gpu_core24_defs, NULL },
  { "gpu", "core26", no_plugs, gpu_core26_defs, NULL },
  { "ros2-humble", "core22", no_plugs, no_defs, NULL },
  { "ros2-humble-ros-core", "core22", no_plugs, humble_ros_core_defs, NULL },
  { "ros2-humble-ros-base", "core22", no_plugs, humble_ros_base_defs, NULL },
  { "ros2-humble-desktop", "core22", no_plugs, humble_desktop_defs, NULL },
  { "ros2-jazzy", "core24", no_plugs, no_defs, NULL },
  { "ros2-jazzy-ros-core", "core24", no_plugs, jazzy_ros_core_defs, NULL },
  { "ros2-jazzy-ros-base", "core24", no_plugs, jazzy_ros_base_defs, NULL },
  { "ros2-jazzy-desktop", "core24", no_plugs, jazzy_desktop_defs, NULL },
  { "ros2-lyrical", "core26", no_plugs, no_defs, NULL },
  { "ros2-lyrical-ros-core", "core26", no_plugs, lyrical_ros_core_defs, NULL },
  { "ros2-lyrical-ros-base", "core26", no_plugs, lyrical_ros_base_defs, NULL },
  { "ros2-lyrical-desktop", "core26", no_plugs, lyrical_desktop_defs, NULL },
  /* The only extension that also accepts classic confinement. */
  { "env-injector", "core24", no_plugs, no_defs, NULL, TRUE },
  { "dotnet8", "core24", dotnet8_app_plugs, dotnet8_defs, NULL },
  { "dotnet9", "core24", dotnet9_app_plugs, dotnet9_defs, NULL },
  { "dotnet10", "core24", dotnet10_app_plugs, dotnet10_defs, NULL },
  { "dotnet11", "core24", dotnet11_app_plugs, dotnet11_defs, NULL },
};

/* Every extension name once, sorted, with its bases; built on first use. */
typedef struct
{
  const char  *name;
  const char **bases;   /* NULL-terminated */
} ExtName;

static GPtrArray *
get_names (void)
{
  static GPtrArray *names;

  if (g_once_init_enter (&names))
    {
      GPtrArray *array = g_ptr_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
        {
          ExtName *entry = NULL;
          guint n = 0;

          for (guint j = 0; j < array->len && entry == NULL; j++)
            if (strcmp (((ExtName *) array->pdata[j])->name, variants[i].extension) == 0)
              entry = array->pdata[j];

          if (entry == NULL)
            {
              entry = g_new0 (ExtName, 1);
              entry->name = variants[i].extension;
              entry->bases = g_new0 (const char *, 1);
              g_ptr_array_add (array, entry);
            }

          while (entry->bases[n] != NULL)
            n++;
          entry->bases = g_renew (const char *, entry->bases, n + 2);
          entry->bases[n] = variants[i].base;
          entry->bases[n + 1] = NULL;
        }

      g_once_init_leave (&names, array);
    }

  return names;
}

static const ExtVariant *
find_variant (const char *extension,
              const char *base)
{
  if (extension == NULL || base == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    if (strcmp (variants[i].extension, extension) == 0 && strcmp (variants[i].base, base) == 0)
      return &variants[i];

  return NULL;
}

gboolean
sc_extension_supports_confinement (const char *extension,
                                   const char *confinement)
{
  gboolean known = FALSE;

  if (extension == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    if (strcmp (variants[i].extension, extension) == 0)
      {
        known = TRUE;
        if (confinement != NULL && strcmp (confinement, "classic") == 0 && !variants[i].classic)
          return FALSE;
      }

  return known;
}

/* The variant snapcraft would apply to PROJECT, or NULL when it would stop
 * with an error instead (unknown extension, base or confinement not
 * supported). */
static const ExtVariant *
project_variant (ScProject  *project,
                 const char *extension)
{
  const ExtVariant *variant = find_variant (extension, sc_project_get_extension_base (project));

  if (variant != NULL &&
      g_strcmp0 (sc_project_get_confinement (project), "classic") == 0 && !variant->classic)
    return NULL;

  return variant;
}

static const char * const *
project_app_plugs (ScProject  *project,
                   const char *extension)
{
  const ExtVariant *variant = project_variant (project, extension);

  return variant != NULL ? variant->app_plugs : NULL;
}

static const char * const *
project_hook_plugs (ScProject  *project,
                    const char *extension,
                    const char *hook)
{
  const ExtVariant *variant = project_variant (project, extension);

  if (variant == NULL || hook == NULL || strcmp (hook, "configure") != 0)
    return NULL;
  return variant->configure_plugs;
}

const char * const *
sc_extension_get_app_plugs (const char *extension,
                            const char *base)
{
  const ExtVariant *variant = find_variant (extension, base);

  return variant != NULL ? variant->app_plugs : NULL;
}

static ScPlugDef *
plug_def_new (const ExtPlugDef *def)
{
  ScPlugDef *plug = g_new0 (ScPlugDef, 1);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  if (def->desktop)
    {
      g_variant_builder_add (&builder, "{sv}", "mount-host-font-cache",
                             g_variant_new_boolean (FALSE));
    }
  else
    {
      if (def->content != NULL)
        g_variant_builder_add (&builder, "{sv}", "content", g_variant_new_string (def->content));
      g_variant_builder_add (&builder, "{sv}", "target", g_variant_new_string (def->target));
      g_variant_builder_add (&builder, "{sv}", "default-provider",
                             g_variant_new_string (def->default_provider));
    }

  plug->name = g_strdup (def->name);
  plug->interface = g_strdup (def->desktop ? "desktop" : "content");
  plug->attributes = g_variant_ref_sink (g_variant_builder_end (&builder));

  return plug;
}

GPtrArray *
sc_extension_dup_top_level_plugs (const char *extension,
                                  const char *base)
{
  const ExtVariant *variant = find_variant (extension, base);
  GPtrArray *defs;

  if (variant == NULL)
    return NULL;

  defs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plug_def_free);
  for (const ExtPlugDef *def = variant->plug_defs; def->name != NULL; def++)
    g_ptr_array_add (defs, plug_def_new (def));

  return defs;
}

const char * const *
sc_extension_get_hook_plugs (const char *extension,
                             const char *base,
                             const char *hook)
{
  const ExtVariant *variant = find_variant (extension, base);

  if (variant == NULL || hook == NULL || strcmp (hook, "configure") != 0)
    return NULL;

  return variant->configure_plugs;
}

gboolean
sc_extension_is_known (const char *extension)
{
  return sc_extension_get_bases (extension) != NULL;
}

const char * const *
sc_extension_get_bases (const char *extension)
{
  GPtrArray *names = get_names ();

  if (extension == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      ExtName *entry = names->pdata[i];

      if (strcmp (entry->name, extension) == 0)
        return (const char * const *) entry->bases;
    }

  return NULL;
}

const char * const *
sc_extension_get_names (void)
{
  static const char **result;

  if (g_once_init_enter (&result))
    {
      GPtrArray *names = get_names ();
      const char **array = g_new0 (const char *, names->len + 1);

      for (guint i = 0; i < names->len; i++)
        array[i] = ((ExtName *) names->pdata[i])->name;
      g_once_init_leave (&result, array);
    }

  return (const char * const *) result;
}

const char *
sc_project_get_extension_base (ScProject *project)
{
  const char *base;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);

  base = sc_project_get_base (project);
  /* A `bare` or `devel` base builds on its build-base, and snapcraft
   * checks extensions against that. */
  if (base == NULL || strcmp (base, "bare") == 0 || strcmp (base, "devel") == 0)
    {
      const char *build_base = sc_project_get_build_base (project);

      if (build_base != NULL)
        return build_base;
    }

  return base;
}

/* ---- Effective plugs ------------------------------------------------- */

/* Per project, the top-level definitions that its extensions add, kept
 * alive with the project so ScEffectivePlug.definition can borrow them. */
typedef struct
{
  GPtrArray  *defs;        /* of ScPlugDef*, owned */
  GPtrArray  *extensions;  /* of const char*, parallel to defs: which extension */
} ExtDefs;

static void
ext_defs_free (ExtDefs *ext_defs)
{
  g_ptr_array_unref (ext_defs->defs);
  g_ptr_array_unref (ext_defs->extensions);
  g_free (ext_defs);
}

static ExtDefs *
get_extension_defs (ScProject *project)
{
  ExtDefs *ext_defs = g_object_get_data (G_OBJECT (project), "sc-extension-plug-defs");
  GPtrArray *apps;

  if (ext_defs != NULL)
    return ext_defs;

  ext_defs = g_new0 (ExtDefs, 1);
  ext_defs->defs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plug_def_free);
  ext_defs->extensions = g_ptr_array_new ();

  apps = sc_project_get_apps (project);
  for (guint i = 0; apps != NULL && i < apps->len; i++)
    {
      ScTarget *app = apps->pdata[i];

      for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
        {
          const ExtVariant *variant = project_variant (project, app->extensions[j]);

          if (variant == NULL)
            continue;

          for (const ExtPlugDef *def = variant->plug_defs; def->name != NULL; def++)
            {
              gboolean seen = FALSE;

              for (guint k = 0; k < ext_defs->defs->len && !seen; k++)
                seen = strcmp (((ScPlugDef *) ext_defs->defs->pdata[k])->name, def->name) == 0;
              if (seen)
                continue;

              g_ptr_array_add (ext_defs->defs, plug_def_new (def));
              g_ptr_array_add (ext_defs->extensions, (gpointer) variant->extension);
            }
        }
    }

  g_object_set_data_full (G_OBJECT (project), "sc-extension-plug-defs", ext_defs,
                          (GDestroyNotify) ext_defs_free);
  return ext_defs;
}

/* The extension-added top-level definition called NAME, or NULL. */
static ScPlugDef *
find_extension_def (ExtDefs     *ext_defs,
                    const char  *name,
                    const char **extension)
{
  for (guint i = 0; i < ext_defs->defs->len; i++)
    {
      ScPlugDef *def = ext_defs->defs->pdata[i];

      if (strcmp (def->name, name) == 0)
        {
          if (extension != NULL)
            *extension = ext_defs->extensions->pdata[i];
          return def;
        }
    }

  return NULL;
}

ScPlugDef *
sc_project_find_extension_plug_def (ScProject   *project,
                                    const char  *name,
                                    const char **extension)
{
  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (extension != NULL)
    *extension = NULL;
  return find_extension_def (get_extension_defs (project), name, extension);
}

/* Which extension adds plug NAME to TARGET, or NULL. */
static const char *
extension_giving (ScProject  *project,
                  ScTarget   *target,
                  const char *name)
{
  if (target->is_hook)
    {
      GPtrArray *apps = sc_project_get_apps (project);

      for (guint i = 0; apps != NULL && i < apps->len; i++)
        {
          ScTarget *app = apps->pdata[i];

          for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
            {
              const char * const *plugs =
                project_hook_plugs (project, app->extensions[j], target->name);

              if (plugs != NULL && g_strv_contains (plugs, name))
                return app->extensions[j];
            }
        }
      return NULL;
    }

  for (guint j = 0; target->extensions != NULL && target->extensions[j] != NULL; j++)
    {
      const char * const *plugs = project_app_plugs (project, target->extensions[j]);

      if (plugs != NULL && g_strv_contains (plugs, name))
        return target->extensions[j];
    }

  return NULL;
}

const char *
sc_project_get_plug_extension (ScProject  *project,
                               ScTarget   *target,
                               const char *plug)
{
  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (plug != NULL, NULL);

  return extension_giving (project, target, plug);
}

static gboolean
has_plug (GHashTable *seen,
          const char *name)
{
  return g_hash_table_contains (seen, name);
}

static void
add_plug (GPtrArray    *plugs,
          GHashTable   *seen,
          ScProject    *project,
          ExtDefs      *ext_defs,
          const char   *name,
          ScPlugOrigin  origin,
          const char   *extension)
{
  ScEffectivePlug *plug;
  ScPlugDef *def;
  const char *def_extension = NULL;

  if (has_plug (seen, name))
    return;

  /* The user's definition wins over the extension's (snapcraft merges the
   * two and keeps the user's scalars). */
  def = sc_project_find_plug_def (project, name);
  if (def == NULL)
    def = find_extension_def (ext_defs, name, &def_extension);

  plug = g_new0 (ScEffectivePlug, 1);
  plug->plug = g_strdup (name);
  plug->interface = g_strdup (def != NULL && def->interface != NULL ? def->interface : name);
  plug->origin = origin;
  plug->extension = g_strdup (extension != NULL ? extension : def_extension);
  if (origin == SC_PLUG_ORIGIN_DECLARED)
    g_clear_pointer (&plug->extension, g_free);
  plug->definition = def;
  g_ptr_array_add (plugs, plug);
  g_hash_table_add (seen, plug->plug);
}

/* Whether any app or hook lists NAME once extensions are expanded. */
static gboolean
is_listed (ScProject  *project,
           const char *name)
{
  GPtrArray *lists[2] = { sc_project_get_apps (project), sc_project_get_hooks (project) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        ScTarget *target = lists[l]->pdata[i];

        for (guint j = 0; j < target->plugs->len; j++)
          if (strcmp (((ScPlugRef *) target->plugs->pdata[j])->name, name) == 0)
            return TRUE;
        if (extension_giving (project, target, name) != NULL)
          return TRUE;
      }

  /* The configure hook an extension creates lists its plugs even when
   * the project has no hooks.configure entry. */
  {
    GPtrArray *apps = sc_project_get_apps (project);
      for (guint i = 0; apps != NULL && i < apps->len; i++)
      {
        ScTarget *app = apps->pdata[i];

        for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
          {
            const char * const *plugs =
              project_hook_plugs (project, app->extensions[j], "configure");

            if (plugs != NULL && g_strv_contains (plugs, name))
              return TRUE;
          }
      }
  }

  return FALSE;
}

gboolean
sc_project_plug_is_unscoped (ScProject  *project,
                             const char *name)
{
  g_return_val_if_fail (SC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return !is_listed (project, name);
}

/**
 * sc_project_dup_effective_plugs:
 * @project: a project
 * @target: one of @project's apps or hooks
 *
 * The plugs @target gets once snapcraft has expanded extensions and snapd
 * has bound unscoped plugs, without duplicates, in this order:
 *
 * 1. the names in @target's own `plugs:` list (origin DECLARED, extension
 *    NULL), even when an extension gives them too;
 * 2. plugs an extension listed by the app adds to it (origin EXTENSION);
 *    for hooks, the `configure` hook gets `desktop` when any app uses a
 *    GNOME or KDE extension;
 * 3. top-level definitions that no app or hook lists (origin UNSCOPED):
 *    the project's own, then those its extensions add (gtk-3-themes,
 *    the platform snap, …; extension set to the one adding it).
 *
 * Each plug's definition is the project's top-level entry of that name or,
 * failing that, the entry an extension adds; interface is the definition's
 * interface or else the plug name. Extensions that are unknown, or do not
 * support the project's base (see sc_project_get_extension_base()) or its
 * classic confinement, contribute nothing here, as snapcraft would refuse
 * the project: sc_check_project() reports them as `unsupported-extension`.
 *
 * Returns: (transfer container): of ScEffectivePlug*
 */
GPtrArray *
sc_project_dup_effective_plugs (ScProject *project,
                                ScTarget  *target)
{
  g_autoptr(GPtrArray) plugs = NULL;
  /* Names already in PLUGS (borrowed from them): a list of thousands of
   * plugs must not cost a quadratic scan. Declared after PLUGS, so it is
   * freed first. */
  g_autoptr(GHashTable) seen = NULL;
  ExtDefs *ext_defs;
  GPtrArray *defs;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_effective_plug_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  ext_defs = get_extension_defs (project);

  for (guint i = 0; i < target->plugs->len; i++)
    {
      ScPlugRef *ref = target->plugs->pdata[i];

      add_plug (plugs, seen, project, ext_defs, ref->name, SC_PLUG_ORIGIN_DECLARED, NULL);
    }

  if (target->is_hook)
    {
      GPtrArray *apps = sc_project_get_apps (project);

      for (guint i = 0; apps != NULL && i < apps->len; i++)
        {
          ScTarget *app = apps->pdata[i];

          for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
            {
              const char * const *hook_plugs =
                project_hook_plugs (project, app->extensions[j], target->name);

              for (guint k = 0; hook_plugs != NULL && hook_plugs[k] != NULL; k++)
                add_plug (plugs, seen, project, ext_defs, hook_plugs[k], SC_PLUG_ORIGIN_EXTENSION,
                          app->extensions[j]);
            }
        }
    }
  else
    {
      for (guint j = 0; target->extensions != NULL && target->extensions[j] != NULL; j++)
        {
          const char * const *app_plugs = project_app_plugs (project, target->extensions[j]);

          for (guint k = 0; app_plugs != NULL && app_plugs[k] != NULL; k++)
            add_plug (plugs, seen, project, ext_defs, app_plugs[k], SC_PLUG_ORIGIN_EXTENSION,
                      target->extensions[j]);
        }
    }

  defs = sc_project_get_plug_defs (project);
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      ScPlugDef *def = defs->pdata[i];

      if (!has_plug (seen, def->name) && !is_listed (project, def->name))
        add_plug (plugs, seen, project, ext_defs, def->name, SC_PLUG_ORIGIN_UNSCOPED, NULL);
    }

  for (guint i = 0; i < ext_defs->defs->len; i++)
    {
      ScPlugDef *def = ext_defs->defs->pdata[i];

      if (!has_plug (seen, def->name) && !is_listed (project, def->name))
        add_plug (plugs, seen, project, ext_defs, def->name, SC_PLUG_ORIGIN_UNSCOPED,
                  ext_defs->extensions->pdata[i]);
    }

  return g_steal_pointer (&plugs);
}

void
sc_effective_plug_free (ScEffectivePlug *plug)
{
  if (plug == NULL)
    return;

  g_free (plug->plug);
  g_free (plug->interface);
  g_free (plug->extension);
  g_free (plug);
}

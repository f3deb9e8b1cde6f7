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

gboolean
sc_extension_applies (const char *extension,
                      const char *base,
                      const char *confinement)
{
  const ExtVariant *variant = find_variant (extension, base);

  return variant != NULL &&
         !(g_strcmp0 (confinement, "classic") == 0 && !variant->classic);
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

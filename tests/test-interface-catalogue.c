/* test-interface-catalogue.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sc-interface-catalogue.h"

/* Interfaces whose plain plug auto-connects by the base declaration alone
 * (interfaces.README.md); checked even when the TSV is not at hand. */
static const char * const expected_auto_connect[] = {
  "accel", "audio-playback", "browser-support", "core-support", "desktop", "desktop-legacy",
  "gsettings", "home", "media-hub", "mir", "network", "network-bind", "network-status",
  "online-accounts-service", "opengl", "optical-drive", "ros-opt-data",
  "screen-inhibit-control", "ubuntu-download-manager", "unity7", "unity8", "upower-observe",
  "wayland", "x11", NULL,
};

static const char * const known_categories[] = {
  "network", "desktop", "audio-video", "graphics", "hardware", "storage", "files", "security",
  "system", "virtualization", "dbus", "content", "snap-tooling", NULL,
};

static char *
tsv_path (void)
{
  const char *shared = g_getenv ("SC_SHARED_DIR");

  if (shared == NULL || *shared == '\0')
    return NULL;
  return g_build_filename (shared, "reference", "interfaces.tsv", NULL);
}

static int
column_index (char       **header,
              const char  *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;
  g_error ("interfaces.tsv has no column “%s”", name);
  return -1;
}

static gboolean
yes_no (const char *value,
        guint       line)
{
  if (strcmp (value, "yes") == 0)
    return TRUE;
  if (strcmp (value, "no") == 0)
    return FALSE;
  g_error ("interfaces.tsv:%u: expected yes or no, got “%s”", line, value);
  return FALSE;
}

static void
test_matches_tsv (void)
{
  g_autofree char *path = tsv_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int c_name, c_auto, c_approval, c_classic, c_core, c_attrs, c_category, c_notes;
  guint n_rows = 0;
  guint n_interfaces = 0;

  g_test_summary ("Every row of interfaces.tsv is in the catalogue with the same facts, "
                  "and the catalogue has no interface the TSV lacks.");

  if (path == NULL || !g_file_get_contents (path, &contents, NULL, &error))
    {
      /* Said out loud and counted as skipped, never as passed: without
       * ../shared the catalogue is only checked against its own table
       * (test interface-data-generated) and snapd's policy (test policy). */
      g_autofree char *why = g_strdup_printf ("cross-check against interfaces.tsv skipped: %s",
                                              path == NULL ? "SC_SHARED_DIR is not set"
                                                           : error->message);

      g_printerr ("%s\n", why);
      g_test_skip (why);
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  g_assert_nonnull (lines[0]);
  header = g_strsplit (lines[0], "\t", -1);
  c_name = column_index (header, "name");
  c_auto = column_index (header, "auto_connect");
  c_approval = column_index (header, "store_approval");
  c_classic = column_index (header, "classic_slot");
  c_core = column_index (header, "core_slot");
  c_attrs = column_index (header, "attributes");
  c_category = column_index (header, "category");
  c_notes = column_index (header, "policy_notes");

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) attrs = NULL;
      const ScInterfaceInfo *info;
      guint n_fields;
      guint line = i + 1;

      if (*lines[i] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      n_fields = g_strv_length (fields);
      g_assert_cmpuint (n_fields, >, (guint) c_category);

      info = sc_interface_catalogue_lookup (fields[c_name]);
      if (info == NULL)
        g_error ("interfaces.tsv:%u: “%s” is missing from the catalogue", line, fields[c_name]);

      g_assert_cmpstr (info->name, ==, fields[c_name]);
      g_assert_cmpstr (info->category, ==, fields[c_category]);
      g_assert_cmpint (info->auto_connect, ==, yes_no (fields[c_auto], line));
      g_assert_cmpint (info->store_approval, ==, yes_no (fields[c_approval], line));
      g_assert_cmpint (info->classic_slot, ==, yes_no (fields[c_classic], line));
      g_assert_cmpint (info->core_slot, ==, yes_no (fields[c_core], line));
      g_assert_cmpstr (info->policy_notes, ==,
                       (guint) c_notes < n_fields ? fields[c_notes] : "");

      if (*fields[c_attrs] == '\0')
        attrs = g_new0 (char *, 1);
      else
        attrs = g_strsplit (fields[c_attrs], ",", -1);
      g_assert_true (g_strv_equal ((const char * const *) attrs, info->attributes));

      g_assert_true (g_hash_table_add (seen, (gpointer) info->name));
      n_rows++;
    }

  sc_interface_catalogue_get_all (&n_interfaces);
  g_assert_cmpuint (n_rows, ==, 220);
  g_assert_cmpuint (n_interfaces, ==, n_rows);
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_interfaces);
}

static void
test_sorted_unique (void)
{
  guint n = 0;
  const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);

  g_test_summary ("Names are strictly increasing (so binary search works) and well formed.");

  g_assert_cmpuint (n, ==, 220);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (all[i].name);
      g_assert_true (g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", all[i].name, 0, 0));
      if (i > 0 && strcmp (all[i - 1].name, all[i].name) >= 0)
        g_error ("“%s” is not sorted before “%s”", all[i - 1].name, all[i].name);
    }
}

static void
test_fields (void)
{
  guint n = 0;
  const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);

  g_test_summary ("Categories come from the known set, attribute lists and notes are never "
                  "NULL, and the auto-connect set is the one snapd's base declaration gives.");

  for (guint i = 0; i < n; i++)
    {
      const ScInterfaceInfo *info = &all[i];
      gboolean expect_auto = g_strv_contains (expected_auto_connect, info->name);

      if (!g_strv_contains (known_categories, info->category))
        g_error ("%s: unknown category “%s”", info->name, info->category);
      g_assert_nonnull (info->attributes);
      g_assert_nonnull (info->policy_notes);
      for (guint a = 0; info->attributes[a] != NULL; a++)
        g_assert_cmpstr (info->attributes[a], !=, "");
      if (info->auto_connect != expect_auto)
        g_error ("%s: auto_connect is %d", info->name, info->auto_connect);
    }
}

static gboolean
ends_with_period (const char *text)
{
  return g_str_has_suffix (text, ".");
}

static void
test_descriptions (void)
{
  guint n = 0;
  const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);
  g_autoptr(GHashTable) descriptions = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_risks = 0;

  g_test_summary ("Every interface has one short sentence of description, all distinct; "
                  "risk lines, where present, are sentences too and differ from it.");

  for (guint i = 0; i < n; i++)
    {
      const ScInterfaceInfo *info = &all[i];
      glong len;

      if (info->description == NULL || *info->description == '\0')
        g_error ("%s: no description", info->name);
      len = g_utf8_strlen (info->description, -1);
      if (!ends_with_period (info->description) || len >= 160 || len < 20)
        g_error ("%s: description is not one short sentence: “%s”", info->name, info->description);
      if (!g_ascii_isupper (info->description[0]))
        g_error ("%s: description does not start with a capital", info->name);
      if (strstr (info->description, "  ") != NULL)
        g_error ("%s: double space in the description", info->name);
      /* Tests run in the C locale, where translation is the identity. */
      g_assert_cmpstr (sc_interface_get_description (info), ==, info->description);
      g_assert_cmpstr (sc_interface_get_risk (info), ==, info->risk);
      if (!g_hash_table_add (descriptions, (gpointer) info->description))
        g_error ("%s: description is not unique", info->name);

      if (info->risk != NULL)
        {
          n_risks++;
          g_assert_cmpstr (info->risk, !=, "");
          g_assert_cmpstr (info->risk, !=, info->description);
          if (!ends_with_period (info->risk) || g_utf8_strlen (info->risk, -1) >= 120)
            g_error ("%s: risk is not one short sentence: “%s”", info->name, info->risk);
        }
    }

  /* The interfaces that give root-equivalent power or read everything
   * must say so. */
  g_assert_nonnull (sc_interface_catalogue_lookup ("snapd-control")->risk);
  g_assert_nonnull (sc_interface_catalogue_lookup ("docker-support")->risk);
  g_assert_nonnull (sc_interface_catalogue_lookup ("system-backup")->risk);
  g_assert_nonnull (sc_interface_catalogue_lookup ("raw-input")->risk);
  g_assert_nonnull (sc_interface_catalogue_lookup ("network-control")->risk);
  g_assert_null (sc_interface_catalogue_lookup ("network")->risk);
  g_assert_cmpuint (n_risks, >, 40);
}

static void
test_lookup (void)
{
  guint n = 0;
  const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);
  const ScInterfaceInfo *camera;

  g_test_summary ("Lookup finds every interface by its exact name and nothing else.");

  for (guint i = 0; i < n; i++)
    g_assert_true (sc_interface_catalogue_lookup (all[i].name) == &all[i]);

  camera = sc_interface_catalogue_lookup ("camera");
  g_assert_nonnull (camera);
  g_assert_cmpstr (camera->category, ==, "audio-video");
  g_assert_false (camera->auto_connect);

  g_assert_null (sc_interface_catalogue_lookup (""));
  g_assert_null (sc_interface_catalogue_lookup ("Camera"));
  g_assert_null (sc_interface_catalogue_lookup ("camera "));
  g_assert_null (sc_interface_catalogue_lookup ("aaa"));
  g_assert_null (sc_interface_catalogue_lookup ("zzz"));
  g_assert_null (sc_interface_catalogue_lookup ("network-"));
}

static guint
index_of (GPtrArray  *results,
          const char *name)
{
  for (guint i = 0; i < results->len; i++)
    if (strcmp (((const ScInterfaceInfo *) g_ptr_array_index (results, i))->name, name) == 0)
      return i;
  return G_MAXUINT;
}

typedef struct
{
  const char *query;
  const char *first;               /* NULL: no expectation */
  const char *contains[5];         /* NULL-terminated */
  const char *absent;              /* NULL: no expectation */
} SearchCase;

static const SearchCase search_cases[] = {
  { "camera", "camera", { "camera", NULL }, "network" },
  { "CAMERA", "camera", { "camera", NULL }, NULL },
  { "  camera\t", "camera", { "camera", NULL }, NULL },
  { "audio", "audio-playback", { "audio-playback", "audio-record", "pulseaudio", NULL }, "x11" },
  { "network", "network", { "network-bind", "network-manager", "avahi-observe", NULL }, "camera" },
  { "virtualization", NULL, { "kvm", "libvirt", "docker", NULL }, "camera" },
  { "webcams", "camera", { "camera", NULL }, NULL },
  { "usb sticks", "removable-media", { "removable-media", NULL }, "home" },
  { "usb serial", NULL, { "serial-port", NULL }, NULL },
  { "gpio", "gpio", { "gpio-chardev", "gpio-control", "gpio-memory-control", NULL }, NULL },
  { "keyboards", NULL, { "raw-input", "uinput", "uhid", NULL }, "camera" },
};

static void
test_search (void)
{
  g_test_summary ("Search is case-insensitive over name, category and description, and "
                  "ranks exact name, then name prefix, substring, category, description.");

  for (guint c = 0; c < G_N_ELEMENTS (search_cases); c++)
    {
      const SearchCase *sc = &search_cases[c];
      g_autoptr(GPtrArray) results = sc_interface_catalogue_search (sc->query);

      g_test_message ("query “%s”: %u results", sc->query, results->len);
      g_assert_cmpuint (results->len, >, 0);
      if (sc->first != NULL)
        g_assert_cmpstr (((const ScInterfaceInfo *) g_ptr_array_index (results, 0))->name, ==,
                         sc->first);
      for (guint i = 0; sc->contains[i] != NULL; i++)
        if (index_of (results, sc->contains[i]) == G_MAXUINT)
          g_error ("query “%s” does not find %s", sc->query, sc->contains[i]);
      if (sc->absent != NULL)
        g_assert_cmpuint (index_of (results, sc->absent), ==, G_MAXUINT);
    }
}

static void
test_search_ranking (void)
{
  g_autoptr(GPtrArray) audio = sc_interface_catalogue_search ("audio");
  g_autoptr(GPtrArray) network = sc_interface_catalogue_search ("network");
  g_autoptr(GPtrArray) category = sc_interface_catalogue_search ("snap-tooling");
  g_autoptr(GPtrArray) none = sc_interface_catalogue_search ("no-such-thing-xyz");
  g_autoptr(GPtrArray) all = sc_interface_catalogue_search (NULL);
  g_autoptr(GPtrArray) empty = sc_interface_catalogue_search ("   ");
  guint n_name_matches = 0;
  guint n_tooling = 0;
  guint n = 0;
  const ScInterfaceInfo *infos = sc_interface_catalogue_get_all (&n);

  g_test_summary ("Name matches come before category matches, category matches before "
                  "description matches; an empty query lists everything.");

  /* Name prefixes before name substrings before category-only matches. */
  g_assert_cmpuint (index_of (audio, "audio-playback"), <, index_of (audio, "pulseaudio"));
  g_assert_cmpuint (index_of (audio, "audio-record"), <, index_of (audio, "pulseaudio"));
  g_assert_cmpuint (index_of (audio, "pulseaudio"), <, index_of (audio, "camera"));
  g_assert_cmpuint (index_of (audio, "camera"), !=, G_MAXUINT);

  /* All names containing the query form one block at the top. */
  g_assert_cmpuint (index_of (network, "network"), ==, 0);
  while (n_name_matches < network->len &&
         strstr (((const ScInterfaceInfo *) g_ptr_array_index (network, n_name_matches))->name,
                 "network") != NULL)
    n_name_matches++;
  g_assert_cmpuint (n_name_matches, ==, 9);
  for (guint i = n_name_matches; i < network->len; i++)
    g_assert_null (strstr (((const ScInterfaceInfo *) g_ptr_array_index (network, i))->name,
                           "network"));
  g_assert_cmpuint (index_of (network, "netlink-audit"), >=, n_name_matches);

  /* Category search returns exactly that category here. */
  for (guint i = 0; i < n; i++)
    n_tooling += strcmp (infos[i].category, "snap-tooling") == 0;
  g_assert_cmpuint (n_tooling, >, 0);
  g_assert_cmpuint (category->len, ==, n_tooling);
  for (guint i = 0; i < category->len; i++)
    g_assert_cmpstr (((const ScInterfaceInfo *) g_ptr_array_index (category, i))->category, ==,
                     "snap-tooling");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (all->len, ==, 220);
  g_assert_cmpuint (empty->len, ==, 220);
}

static void
test_doc_url (void)
{
  g_autofree char *camera = sc_interface_dup_doc_url (sc_interface_catalogue_lookup ("camera"));
  g_autofree char *pf =
    sc_interface_dup_doc_url (sc_interface_catalogue_lookup ("personal-files"));

  g_test_summary ("Each interface links to its page on snapcraft.io.");

  g_assert_cmpstr (camera, ==, "https://snapcraft.io/docs/camera-interface");
  g_assert_cmpstr (pf, ==, "https://snapcraft.io/docs/personal-files-interface");
}

static void
test_connection_label (void)
{
  guint n = 0;
  const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);
  guint counts[3] = { 0, };

  g_test_summary ("The connection class says store approval whenever it is needed, even for "
                  "plugs that would otherwise auto-connect.");

  g_assert_cmpstr (sc_interface_connection_label (sc_interface_catalogue_lookup ("network")), ==,
                   "Auto-connects");
  g_assert_cmpstr (sc_interface_connection_label (sc_interface_catalogue_lookup ("camera")), ==,
                   "Needs manual connection");
  g_assert_cmpstr (sc_interface_connection_label (sc_interface_catalogue_lookup ("snapd-control")),
                   ==, "Needs store approval");
  /* mir auto-connects by rule, but only with a store declaration. */
  g_assert_true (sc_interface_catalogue_lookup ("mir")->auto_connect);
  g_assert_cmpstr (sc_interface_connection_label (sc_interface_catalogue_lookup ("mir")), ==,
                   "Needs store approval");

  for (guint i = 0; i < n; i++)
    {
      const char *label = sc_interface_connection_label (&all[i]);

      guint class = all[i].store_approval ? 2 : all[i].auto_connect ? 0 : 1;
      static const char * const labels[] = {
        "Auto-connects", "Needs manual connection", "Needs store approval",
      };

      g_assert_cmpstr (label, ==, labels[class]);
      counts[class]++;
    }
  g_assert_cmpuint (counts[0], ==, 19);
  g_assert_cmpuint (counts[0] + counts[1] + counts[2], ==, 220);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interface-catalogue/matches-tsv", test_matches_tsv);
  g_test_add_func ("/interface-catalogue/sorted-unique", test_sorted_unique);
  g_test_add_func ("/interface-catalogue/fields", test_fields);
  g_test_add_func ("/interface-catalogue/descriptions", test_descriptions);
  g_test_add_func ("/interface-catalogue/lookup", test_lookup);
  g_test_add_func ("/interface-catalogue/search", test_search);
  g_test_add_func ("/interface-catalogue/search-ranking", test_search_ranking);
  g_test_add_func ("/interface-catalogue/doc-url", test_doc_url);
  g_test_add_func ("/interface-catalogue/connection-label", test_connection_label);

  return g_test_run ();
}

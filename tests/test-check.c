/* test-check.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sc-check.h"
#include "sc-plug-rules.h"
#include "sc-policy.h"
#include "sc-project.h"

static ScProject *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "check", name, NULL);
  g_autoptr(GError) error = NULL;
  ScProject *project = sc_project_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* EXPECTED lists the findings in order, separated by spaces. Each is
 * "code", optionally followed by "@LINE:COL" and/or "/severity"; only the
 * parts given are compared. An empty string means no finding at all. */
typedef struct
{
  const char *fixture;
  const char *expected;
} CheckCase;

static const CheckCase cases[] = {
  /* A project that triggers nothing: gnome extension used without
   * duplicates, a content plug with a target, a plug that names the
   * platform content plug the extension defines, hooks with plugs. */
  { "clean.yaml", "" },

  { "unknown-plug.yaml", "unknown-plug@12:19/error unknown-plug@12:27/error" },
  { "unknown-interface.yaml", "unknown-interface@11:16/error" },
  { "missing-attribute.yaml",
    "missing-attribute@10/error store-approval@10 missing-attribute@12/error" },
  /* A channel in default-provider is refused; a bare snap name is fine. */
  { "invalid-attribute.yaml", "invalid-attribute@9:23/error" },

  { "store-approval.yaml",
    "store-approval@12:5/warning store-approval@14:5/warning store-approval@19:13/warning" },
  /* allow-sandbox: false and a plain desktop plug are fine. */
  { "store-approval-ok.yaml", "" },
  /* Reported once per plug name, at its first use. */
  { "manual-connection.yaml", "manual-connection@12:13/note" },
  { "home-read-all.yaml", "home-read-all@12:5/warning" },
  /* Content plugs and listed plugs are not reported as unscoped. */
  { "unscoped-plug.yaml",
    "unscoped-plug@10:3/note store-approval@10:3 unscoped-plug@13:3/note "
    "manual-connection@13:3/note" },

  { "personal-files-path.yaml",
    "store-approval@10:3 personal-files-path@13:9/note "
    "store-approval@14:3 personal-files-path@16:13/error "
    "store-approval@17:3 personal-files-path@19:12/error "
    "store-approval@20:3 personal-files-path@22:12/error "
    "store-approval@23:3 personal-files-path@25:12/error "
    "store-approval@26:3 personal-files-path@28:5/error" },
  { "personal-files-ok.yaml", "store-approval@10 store-approval@15" },

  { "extension-duplicate.yaml",
    "extension-duplicate@13:19/note extension-duplicate@13:28/note "
    "extension-duplicate@17:13/note" },
  { "empty-plugs.yaml", "empty-plugs@12:5/warning empty-plugs@16:5/error" },

  { "devmode.yaml", "devmode@7:1/warning" },
  { "classic.yaml", "classic@7:1/note classic-plugs@12:5/warning" },
  { "classic-no-plugs.yaml", "classic@7:1/note" },
  { "grade-devel.yaml", "grade-devel@6:1/warning" },

  { "unsupported-extension.yaml",
    "unsupported-extension@12:18/error unsupported-extension@16:18/error" },

  /* Interfaces that need attributes, listed bare; the same through
   * definitions with their attributes. */
  { "bare-interface.yaml",
    "bare-interface@14:9/error store-approval@14:9 bare-interface@15:9/error store-approval@15:9 "
    "bare-interface@18:13/error bare-interface@18:22/error store-approval@18:22" },
  { "bare-interface-ok.yaml", "store-approval@10:3" },
  /* One name for a plug and a slot, implicit (mpris) or defined. */
  { "plug-slot-clash.yaml",
    "plug-slot-clash@18:22/error manual-connection@18:22 plug-slot-clash@22:13/error "
    "unknown-plug@22:13" },
  { "plug-slot-ok.yaml", "manual-connection@10:3" },

  { "multiple", "multiple-project-files@1:1/warning" },
  { "multiple-core20", "multiple-project-files@1:1/error" },
  { "single", "" },
};

static gboolean
finding_matches (ScFinding  *finding,
                 const char *expected)
{
  g_autofree char *code = g_strdup (expected);
  char *severity = strchr (code, '/');
  char *position = strchr (code, '@');

  if (severity != NULL)
    *severity++ = '\0';
  if (position != NULL)
    *position++ = '\0';

  if (strcmp (finding->code, code) != 0)
    return FALSE;
  if (severity != NULL && strcmp (sc_severity_to_string (finding->severity), severity) != 0)
    return FALSE;
  if (position != NULL)
    {
      guint line = 0, column = 0;
      int n = sscanf (position, "%u:%u", &line, &column);

      if (n >= 1 && finding->line != line)
        return FALSE;
      if (n == 2 && finding->column != column)
        return FALSE;
    }

  return TRUE;
}

static char *
describe (GPtrArray *findings)
{
  GString *text = g_string_new ("");

  for (guint i = 0; i < findings->len; i++)
    {
      ScFinding *finding = findings->pdata[i];

      g_string_append_printf (text, "%s%s@%u:%u/%s", i > 0 ? " " : "", finding->code,
                              finding->line, finding->column,
                              sc_severity_to_string (finding->severity));
    }

  return g_string_free (text, FALSE);
}

static void
test_fixtures (void)
{
  g_test_summary ("Every check has a fixture that triggers it and one that does not; "
                  "findings come in file order with their positions and severities");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScProject) project = load_fixture (cases[i].fixture);
      g_autoptr(GPtrArray) findings = sc_check_project (project);
      g_auto(GStrv) expected = g_strsplit (cases[i].expected, " ", -1);
      g_autofree char *actual = describe (findings);
      guint n_expected = cases[i].expected[0] == '\0' ? 0 : g_strv_length (expected);

      g_test_message ("%s: %s", cases[i].fixture, actual);
      if (findings->len != n_expected)
        g_error ("%s: expected “%s”, got “%s”", cases[i].fixture, cases[i].expected, actual);

      for (guint j = 0; j < n_expected; j++)
        {
          ScFinding *finding = findings->pdata[j];

          if (!finding_matches (finding, expected[j]))
            g_error ("%s: finding %u: expected “%s”, got “%s”", cases[i].fixture, j,
                     expected[j], actual);
          g_assert_nonnull (finding->message);
          g_assert_cmpstr (finding->message, !=, "");
          g_assert_nonnull (finding->hint);
        }
    }
}

static void
test_every_code_covered (void)
{
  static const char * const codes[] = {
    "unknown-plug", "unknown-interface", "missing-attribute", "invalid-attribute",
    "store-approval",
    "manual-connection", "home-read-all", "personal-files-path", "extension-duplicate",
    "empty-plugs", "devmode", "classic", "grade-devel", "classic-plugs",
    "multiple-project-files", "unsupported-extension", "unscoped-plug", "bare-interface",
    "plug-slot-clash",
  };

  g_test_summary ("The fixture table triggers every documented code in some fixture and "
                  "leaves it out in another");

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      gboolean triggered = FALSE, absent = FALSE;
      g_autofree char *token = g_strdup (codes[i]);

      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        {
          g_auto(GStrv) expected = g_strsplit (cases[j].expected, " ", -1);
          gboolean here = FALSE;

          for (guint k = 0; expected[k] != NULL; k++)
            {
              size_t len = strcspn (expected[k], "@/");

              if (len == strlen (codes[i]) && strncmp (expected[k], codes[i], len) == 0)
                here = TRUE;
            }
          triggered |= here;
          absent |= !here;
        }

      g_test_message ("%s", codes[i]);
      g_assert_true (triggered);
      g_assert_true (absent);
    }
}

static void
test_duplicate_rejected (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "check",
                                                 "duplicate-plug.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gboolean found = FALSE;

  g_test_summary ("A plug listed twice loads (it is valid YAML) and check reports it as an "
                  "error at the second entry's position, as snapcraft rejects it");

  project = sc_project_load (path, &error);
  g_assert_no_error (error);
  findings = sc_check_project (project);
  for (guint i = 0; i < findings->len; i++)
    {
      ScFinding *finding = findings->pdata[i];

      if (strcmp (finding->code, "duplicate-plug") == 0)
        {
          g_assert_cmpint (finding->severity, ==, SC_SEVERITY_ERROR);
          g_assert_cmpuint (finding->line, ==, 15);
          g_assert_cmpuint (finding->column, ==, 9);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static ScFinding *
first_with_code (GPtrArray  *findings,
                 const char *code)
{
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((ScFinding *) findings->pdata[i])->code, code) == 0)
      return findings->pdata[i];
  return NULL;
}

static void
test_hints (void)
{
  g_autoptr(ScProject) typo = load_fixture ("unknown-plug.yaml");
  g_autoptr(ScProject) ext = load_fixture ("unsupported-extension.yaml");
  g_autoptr(ScProject) multiple = load_fixture ("multiple");
  g_autoptr(ScProject) manual = load_fixture ("manual-connection.yaml");
  g_autoptr(GPtrArray) findings = NULL;
  ScFinding *finding;

  g_test_summary ("Hints say what to do: did-you-mean by edit distance, supported bases, "
                  "which file snapcraft uses, the snap connect command");

  findings = sc_check_project (typo);
  finding = findings->pdata[0];
  g_assert_cmpstr (finding->plug, ==, "netwrk");
  g_assert_cmpstr (finding->target, ==, "typo-app");
  g_assert_nonnull (strstr (finding->hint, "“network”"));
  finding = findings->pdata[1];
  g_assert_cmpstr (finding->plug, ==, "totally-made-up-thing");
  g_assert_null (strstr (finding->hint, "Did you mean"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = sc_check_project (ext);
  finding = findings->pdata[0];
  g_assert_nonnull (strstr (finding->message, "“gnome”"));
  g_assert_nonnull (strstr (finding->message, "core20"));
  g_assert_nonnull (strstr (finding->hint, "core22"));
  finding = findings->pdata[1];
  g_assert_nonnull (strstr (finding->message, "“gnom”"));
  g_assert_nonnull (strstr (finding->hint, "“gnome”"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = sc_check_project (multiple);
  finding = first_with_code (findings, "multiple-project-files");
  g_assert_nonnull (finding);
  g_assert_true (g_str_has_prefix (finding->message, "Snapcraft uses snapcraft.yaml"));
  g_assert_nonnull (strstr (finding->message, "snap/snapcraft.yaml"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  {
    g_autoptr(ScProject) ignored = load_fixture ("multiple/snap/snapcraft.yaml");

    findings = sc_check_project (ignored);
    finding = first_with_code (findings, "multiple-project-files");
    g_assert_nonnull (finding);
    g_assert_true (g_str_has_prefix (finding->message, "Snapcraft ignores this file"));
    g_clear_pointer (&findings, g_ptr_array_unref);
  }

  findings = sc_check_project (manual);
  finding = first_with_code (findings, "manual-connection");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->hint, "snap connect camera-app:camera"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  {
    static const char yaml[] =
      "name: g\nbase: core24\nconfinement: strict\napps:\n  g:\n    command: g\n"
      "    extensions: [gnome]\n    plugs: [gpu-2044]\n";
    g_autoptr(ScProject) gnome = sc_project_load_from_data ("snapcraft.yaml", yaml,
                                                            strlen (yaml), NULL);

    findings = sc_check_project (gnome);
    finding = first_with_code (findings, "unknown-plug");
    g_assert_nonnull (finding);
    g_assert_nonnull (strstr (finding->hint, "“gpu-2404”"));
    g_clear_pointer (&findings, g_ptr_array_unref);
  }

  /* The platform plug name of older kde-neon releases. */
  {
    static const char yaml[] =
      "name: k\nbase: core18\nconfinement: strict\napps:\n  k:\n    command: k\n"
      "    extensions: [kde-neon]\n    plugs: [kde-frameworks-5-plug, home]\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(ScProject) kde = sc_project_load_from_data ("snapcraft.yaml", yaml,
                                                          strlen (yaml), &error);

    g_assert_no_error (error);
    findings = sc_check_project (kde);
    g_assert_cmpuint (findings->len, ==, 1);
    finding = findings->pdata[0];
    g_assert_cmpstr (finding->code, ==, "unknown-plug");
    g_assert_cmpuint (finding->line, ==, 8);
    g_assert_cmpuint (finding->column, ==, 13);
    g_assert_nonnull (strstr (finding->hint, "“kde-frameworks-5-core18”"));
  }
}

static void
test_from_data (void)
{
  static const struct { const char *yaml; const char *expected; } data_cases[] = {
    /* A plug an extension adds at top level is a valid plug name. */
    { "name: a\nbase: core24\nconfinement: strict\napps:\n  a:\n    command: a\n"
      "    extensions: [gnome]\n    plugs: [gpu-2404, gnome-46-2404, gtk-3-themes]\n", NULL },
    /* A content definition may leave the target to the extension's own
     * definition of the same name, which snapcraft merges into it. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  gnome-42-2204:\n"
      "    interface: content\n    default-provider: gnome-42-2204\n"
      "apps:\n  a:\n    command: a\n    extensions: [gnome]\n", NULL },
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  gnome-42-2204:\n"
      "    interface: content\n    default-provider: gnome-42-2204\n"
      "apps:\n  a:\n    command: a\n", "missing-attribute" },
    /* Not for an app without a supported extension. */
    { "name: a\nbase: core20\nconfinement: strict\napps:\n  a:\n    command: a\n"
      "    plugs: [gpu-2404]\n", "unknown-plug" },
    /* A top-level definition's name is a valid plug name. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  my-net:\n    interface: network\n"
      "apps:\n  a:\n    command: a\n    plugs: [my-net]\n", NULL },
    /* Store approval of a plug defined by string value. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  ctl: snapd-control\n"
      "apps:\n  a:\n    command: a\n    plugs: [ctl]\n", "store-approval" },
    /* Unused top-level definitions still go through review. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  ctl:\n    interface: docker\n"
      "apps:\n  a:\n    command: a\n", "unscoped-plug store-approval" },
    /* A private shared-memory plug auto-connects; a shared one does not. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  shmem:\n"
      "    interface: shared-memory\n    private: true\n"
      "apps:\n  a:\n    command: a\n    plugs: [shmem]\n", NULL },
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  shmem:\n"
      "    interface: shared-memory\n    shared-memory: foo\n"
      "apps:\n  a:\n    command: a\n    plugs: [shmem]\n", "manual-connection" },
    /* Writing to optical drives needs a grant; reading auto-connects. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  burner:\n"
      "    interface: optical-drive\n    write: true\n"
      "apps:\n  a:\n    command: a\n    plugs: [burner]\n", "store-approval" },
    { "name: a\nbase: core22\nconfinement: strict\n"
      "apps:\n  a:\n    command: a\n    plugs: [optical-drive]\n", NULL },
    /* usb-gadget installs with its own gadget settings only by the
     * store's grant (allow-installation asks them to be missing). */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  g:\n"
      "    interface: usb-gadget\n    ffs-mounts: [{name: x, where: /x}]\n    where: /y\n"
      "apps:\n  a:\n    command: a\n    plugs: [g]\n", "store-approval@8:5/warning" },
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  g:\n"
      "    interface: usb-gadget\n    ffs-mounts: [{name: x, where: /x}]\n"
      "apps:\n  a:\n    command: a\n    plugs: [g]\n", "manual-connection" },
    /* A home read value snapd's declaration does not name: the default. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  h:\n    interface: home\n"
      "    read: owner\napps:\n  a:\n    command: a\n    plugs: [h]\n", NULL },
    /* A `plugs:` key without a value is only a note. */
    { "name: a\nbase: core22\nconfinement: strict\napps:\n  a:\n    command: a\n"
      "    plugs:   # none yet\n", "empty-plugs" },
    /* Extensions in block style: the finding points at the item. */
    { "name: a\nbase: core20\nconfinement: strict\napps:\n  a:\n    command: a\n"
      "    extensions:\n      # the desktop one\n      - gnome\n", "unsupported-extension@9:9" },
    { "name: a\nbase: core20\nconfinement: strict\napps:\n  a:\n    command: a\n"
      "    extensions:\n    - kde-neon\n    - gnome-3-38\n    - gnome\n    plugs: [home]\n",
      "unsupported-extension@10:7" },
    /* Positions inside a definition: indentless block lists, quoted
     * items, a flow mapping (which falls back to the definition's key). */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  cfg:\n"
      "    interface: personal-files\n    write:\n    - $HOME/.cfg\n    - '$HOME/Docs'\n"
      "apps:\n  a:\n    command: a\n    plugs: [cfg]\n",
      "store-approval@5:3 personal-files-path@9:8/note" },
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n"
      "  cfg: {interface: system-files, read: [etc/x]}\n"
      "apps:\n  a:\n    command: a\n    plugs: [cfg]\n",
      "personal-files-path@5:3/error store-approval@5:3" },
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  h:\n    interface: home\n"
      "    # read: all would need a grant\n    read: all   # so it does\n"
      "apps:\n  a:\n    command: a\n    plugs: [h]\n", "home-read-all@8:5" },
    /* A typo of a plug the extension defines: did you mean it? */
    { "name: a\nbase: core24\nconfinement: strict\napps:\n  a:\n    command: a\n"
      "    extensions: [gnome]\n    plugs: [gpu-2044]\n", "unknown-plug@8:13" },
    /* Classic confinement: only env-injector accepts it. */
    { "name: a\nbase: core24\nconfinement: classic\napps:\n  a:\n    command: a\n"
      "    extensions: [gnome, env-injector]\n",
      "classic@3:1/note unsupported-extension@7:18/error" },
    /* snapd's own path rules: $HOME only at the start (personal-files),
     * never in system-files; no "~", no trailing "@". */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  cfg:\n"
      "    interface: personal-files\n    read: [$HOME/.x/$HOME/y, $HOME/.y]\n"
      "apps:\n  a:\n    command: a\n    plugs: [cfg]\n",
      "store-approval@5:3 personal-files-path@7:12/error" },
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  cfg:\n"
      "    interface: system-files\n    write: [/home/$HOME/x, /etc/a~, /etc/b@]\n"
      "apps:\n  a:\n    command: a\n    plugs: [cfg]\n",
      "store-approval@5:3 personal-files-path@7:13/error personal-files-path@7:28/error "
      "personal-files-path@7:37/error" },
    /* dbus and polkit definitions without what their sanitizers need. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  svc:\n"
      "    interface: dbus\n    name: org.example.A\n  pk:\n    interface: polkit\n"
      "apps:\n  a:\n    command: a\n    plugs: [svc, pk]\n",
      "missing-attribute@5:3/error store-approval@5:3 missing-attribute@8:3/error "
      "store-approval@8:3" },
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  svc:\n"
      "    interface: dbus\n    name: org.example.A\n    bus: system\n"
      "apps:\n  a:\n    command: a\n    plugs: [svc]\n", "store-approval@5:3" },
    /* An interface listed bare is fine when a definition or an extension
     * gives that name its attributes. */
    { "name: a\nbase: core22\nconfinement: strict\nplugs:\n  personal-files:\n"
      "    read: [$HOME/.a]\napps:\n  a:\n    command: a\n    plugs: [personal-files]\n",
      "store-approval@5:3" },
    /* Missing base: the extension is not supported. */
    { "name: a\nconfinement: strict\napps:\n  a:\n    command: a\n    extensions: [gnome]\n",
      "unsupported-extension" },
  };

  g_test_summary ("Checks on in-memory projects: extension-added definitions, string-valued "
                  "and unused definitions, missing base");

  for (guint i = 0; i < G_N_ELEMENTS (data_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProject) project =
        sc_project_load_from_data ("snapcraft.yaml", data_cases[i].yaml,
                                   strlen (data_cases[i].yaml), &error);
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *actual = NULL;

      g_assert_no_error (error);
      findings = sc_check_project (project);
      actual = describe (findings);
      g_test_message ("case %u: %s", i, actual);

      if (data_cases[i].expected == NULL)
        g_assert_cmpuint (findings->len, ==, 0);
      else
        {
          g_auto(GStrv) expected = g_strsplit (data_cases[i].expected, " ", -1);

          g_assert_cmpuint (findings->len, ==, g_strv_length (expected));
          for (guint j = 0; expected[j] != NULL; j++)
            if (!finding_matches (findings->pdata[j], expected[j]))
              g_error ("case %u: expected “%s”, got “%s”", i, data_cases[i].expected, actual);
        }
    }
}

/* Whether a generated row makes a plug that sets the attribute need
 * store approval or a manual connection (so the check must word it). */
static gboolean
row_is_restrictive (const ScPolicyAttributeRule *row)
{
  if (strcmp (row->value, "$MISSING") == 0)
    return g_str_has_prefix (row->kind, "allow-");
  return g_str_has_prefix (row->kind, "deny-");
}

static void
test_attribute_rules_worded (void)
{
  guint n_generated, n_worded;
  const ScPolicyAttributeRule *generated = sc_policy_get_attribute_rules (&n_generated);
  const ScAttributeRule *worded = sc_plug_rules_get_attribute_rules (&n_worded);

  g_test_summary ("Every generated plug-attribute rule that restricts a plug has our wording, "
                  "and every wording names a generated rule");

  g_assert_cmpuint (n_generated, >, 0);
  for (guint i = 0; i < n_generated; i++)
    {
      const ScAttributeRule *rule;

      if (!row_is_restrictive (&generated[i]))
        continue;
      rule = sc_plug_rules_get_attribute_rule (generated[i].interface, generated[i].attribute);
      if (rule == NULL)
        g_error ("no message for %s %s (%s %s)", generated[i].interface, generated[i].attribute,
                 generated[i].kind, generated[i].value);
      g_assert_nonnull (rule->code);
      g_assert_nonnull (strstr (rule->message, "%s"));
      g_assert_null (strstr (strstr (rule->message, "%s") + 2, "%"));
    }
  for (guint i = 0; i < n_worded; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_generated && !found; j++)
        found = row_is_restrictive (&generated[j]) &&
                strcmp (generated[j].interface, worded[i].interface) == 0 &&
                strcmp (generated[j].attribute, worded[i].attribute) == 0;
      if (!found)
        g_error ("%s %s is worded but snapd's rules do not name it", worded[i].interface,
                 worded[i].attribute);
    }
}

static void
test_attribute_effect (void)
{
  static const struct
  {
    const char        *interface;
    const char        *attributes;   /* GVariant text, a{sv} */
    ScAttributeEffect  effect;
    const char        *attribute;
  } effect_cases[] = {
    /* snapd: home deny-connection on plug-attributes read: all. */
    { "home", "{'read': <'all'>}", SC_ATTRIBUTE_NEEDS_GRANT, "read" },
    /* A list matches when every item does (asserts/constraint.go). */
    { "home", "{'read': <[<'all'>]>}", SC_ATTRIBUTE_NEEDS_GRANT, "read" },
    { "home", "{'read': <[<'all'>, <'owner'>]>}", SC_ATTRIBUTE_DEFAULT, NULL },
    /* A value snapd's rules do not name keeps the interface's default. */
    { "home", "{'read': <'owner'>}", SC_ATTRIBUTE_DEFAULT, NULL },
    { "home", "{}", SC_ATTRIBUTE_DEFAULT, NULL },
    { "browser-support", "{'allow-sandbox': <true>}", SC_ATTRIBUTE_NEEDS_GRANT,
      "allow-sandbox" },
    { "browser-support", "{'allow-sandbox': <'true'>}", SC_ATTRIBUTE_NEEDS_GRANT,
      "allow-sandbox" },
    { "browser-support", "{'allow-sandbox': <false>}", SC_ATTRIBUTE_DEFAULT, NULL },
    /* Strings are compared as they are: "True" quoted is not true. */
    { "browser-support", "{'allow-sandbox': <'True'>}", SC_ATTRIBUTE_DEFAULT, NULL },
    { "optical-drive", "{'write': <true>}", SC_ATTRIBUTE_NEEDS_GRANT, "write" },
    /* desktop allows installation only with desktop-file-ids: $MISSING. */
    { "desktop", "{'desktop-file-ids': <[<'org.example.App'>]>}", SC_ATTRIBUTE_NEEDS_GRANT,
      "desktop-file-ids" },
    /* usb-gadget likewise with name, where and persistent. */
    { "usb-gadget", "{'ffs-mounts': <[<'x'>]>, 'where': <'/x'>}", SC_ATTRIBUTE_NEEDS_GRANT,
      "where" },
    { "usb-gadget", "{'ffs-mounts': <[<'x'>]>}", SC_ATTRIBUTE_DEFAULT, NULL },
    /* A null value is no value. */
    { "desktop", "{'desktop-file-ids': <@ms nothing>}", SC_ATTRIBUTE_DEFAULT, NULL },
    /* shared-memory private: true auto-connects to the system's slot;
     * private: false only to a slot of the same publisher. */
    { "shared-memory", "{'private': <true>}", SC_ATTRIBUTE_AUTO_CONNECTS, "private" },
    { "shared-memory", "{'private': <false>}", SC_ATTRIBUTE_DEFAULT, NULL },
    /* Store approval wins over auto-connection. */
    { "home", "{'x': <1>, 'read': <'all'>}", SC_ATTRIBUTE_NEEDS_GRANT, "read" },
  };

  g_test_summary ("Whether a plug's attributes need store approval or auto-connect comes "
                  "from the generated base-declaration rows");

  for (guint i = 0; i < G_N_ELEMENTS (effect_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) attributes = g_variant_parse (G_VARIANT_TYPE_VARDICT,
                                                        effect_cases[i].attributes, NULL, NULL,
                                                        &error);
      const char *attribute = NULL;

      g_assert_no_error (error);
      g_test_message ("case %u: %s %s", i, effect_cases[i].interface, effect_cases[i].attributes);
      g_assert_cmpint (sc_plug_rules_attribute_effect (effect_cases[i].interface, attributes,
                                                       &attribute), ==, effect_cases[i].effect);
      g_assert_cmpstr (attribute, ==, effect_cases[i].attribute);
    }
}

static const char * const documented_codes[] = {
  "unknown-plug", "unknown-interface", "missing-attribute", "invalid-attribute", "store-approval",
  "manual-connection", "home-read-all", "personal-files-path", "extension-duplicate",
  "duplicate-plug", "empty-plugs", "devmode", "classic", "grade-devel", "classic-plugs",
  "multiple-project-files", "unsupported-extension", "unscoped-plug", "bare-interface",
  "plug-slot-clash", NULL,
};

static void
test_corpus (void)
{
  const char *shared = g_getenv ("SC_SHARED_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  guint n_projects = 0, n_findings = 0;

  g_test_summary ("Over the shared corpus of real snapcraft.yaml files, every finding has a "
                  "documented code, a position inside the file, a message and a hint");

  if (shared == NULL)
    {
      g_test_skip ("SC_SHARED_DIR is not set: no corpus to check");
      return;
    }
  dir_path = g_build_filename (shared, "corpus", "snapcraft", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("the corpus folder is not there");
      return;
    }

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(ScProject) project = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      guint n_lines = 1;
      GBytes *bytes;
      const char *data;
      gsize len;

      if (!g_str_has_suffix (entry, ".yaml"))
        continue;
      path = g_build_filename (dir_path, entry, NULL);
      project = sc_project_load (path, NULL);
      if (project == NULL)
        continue;
      n_projects++;

      bytes = sc_project_get_bytes (project);
      data = g_bytes_get_data (bytes, &len);
      for (gsize i = 0; i < len; i++)
        n_lines += data[i] == '\n';

      findings = sc_check_project (project);
      for (guint i = 0; i < findings->len; i++)
        {
          ScFinding *finding = findings->pdata[i];

          n_findings++;
          if (!g_strv_contains (documented_codes, finding->code))
            g_error ("%s: undocumented code %s", entry, finding->code);
          if (finding->line < 1 || finding->line > n_lines || finding->column < 1)
            g_error ("%s: %s at %u:%u is outside the file", entry, finding->code,
                     finding->line, finding->column);
          g_assert_nonnull (finding->message);
          g_assert_nonnull (finding->hint);
          if (i > 0)
            {
              ScFinding *previous = findings->pdata[i - 1];

              g_assert_true (previous->line < finding->line ||
                             (previous->line == finding->line &&
                              previous->column <= finding->column));
            }
        }
    }

  g_test_message ("%u projects, %u findings", n_projects, n_findings);
  g_assert_cmpuint (n_projects, >, 0);
}

static void
test_severity_names (void)
{
  g_test_summary ("Severity names used in the CLI output");

  g_assert_cmpstr (sc_severity_to_string (SC_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (sc_severity_to_string (SC_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (sc_severity_to_string (SC_SEVERITY_NOTE), ==, "note");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/fixtures", test_fixtures);
  g_test_add_func ("/check/every-code-covered", test_every_code_covered);
  g_test_add_func ("/check/duplicate-rejected", test_duplicate_rejected);
  g_test_add_func ("/check/hints", test_hints);
  g_test_add_func ("/check/from-data", test_from_data);
  g_test_add_func ("/check/attribute-rules-worded", test_attribute_rules_worded);
  g_test_add_func ("/check/attribute-effect", test_attribute_effect);
  g_test_add_func ("/check/severity-names", test_severity_names);
  g_test_add_func ("/check/corpus", test_corpus);

  return g_test_run ();
}

/* test-plug-format.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-plug-format.h"

static void
test_format (void)
{
  static const struct
  {
    const char *attributes;   /* GVariant text, a{sv} */
    const char *expected;
  } cases[] = {
    { "@a{sv} {}", "" },
    { "{'interface': <'personal-files'>, 'read': <[<'$HOME/.config/app'>, <'$HOME/.apprc'>]>}",
      "read: $HOME/.config/app, $HOME/.apprc" },
    { "{'interface': <'content'>, 'target': <'$SNAP/data-dir/themes'>, "
      "'default-provider': <'gtk-common-themes'>}",
      "target: $SNAP/data-dir/themes; default-provider: gtk-common-themes" },
    { "{'bus': <'session'>, 'private': <true>, 'count': <int64 3>}",
      "bus: session; private: true; count: 3" },
  };

  g_test_summary ("Plug attributes print as one line, lists joined by commas, without the "
                  "interface");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) attributes = g_variant_parse (G_VARIANT_TYPE_VARDICT,
                                                        cases[i].attributes, NULL, NULL,
                                                        &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = sc_plug_format_attributes (attributes);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *none = sc_plug_format_attributes (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plug-format/format", test_format);
  return g_test_run ();
}

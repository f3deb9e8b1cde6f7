/* sc-yaml-document-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document's fields, shared by its parser (sc-yaml-document.c) and
 * its patches (sc-yaml-document-write.c), and the YAML 1.1 word tests the
 * node queries and the quoting share.
 */
#pragma once

#include "sc-yaml-document.h"

G_BEGIN_DECLS

struct _ScYamlDocument
{
  GBytes     *bytes;
  const char *data;
  gsize       len;
  gsize       bom_len;
  char       *display_name;
  char        eol[3];
  ScYamlNode *root;
  GPtrArray  *nodes;        /* every node, for freeing and iterating */

  /* character index (as libyaml counts) -> byte offset */
  gboolean    ascii;
  GArray     *checkpoints;  /* gsize: byte offset of character k * CHECKPOINT_STEP */
};

/* Whether S is a word YAML 1.1 reads as a boolean (yes, off, …) or as a
 * number; sc-yaml-document-nodes.c, for quoting too. */
gboolean _sc_yaml_is_bool_word  (const char *s);
gboolean _sc_yaml_looks_numeric (const char *s);

G_END_DECLS

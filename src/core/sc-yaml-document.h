/* sc-yaml-document.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A light YAML node tree over the original bytes (placeholder).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScYamlDocument ScYamlDocument;

G_END_DECLS

/* sc-types.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forward declarations of the window's types, so headers need not include
 * each other.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _ScAddInterfaceDialog ScAddInterfaceDialog;
typedef struct _ScAddInterfaceForm   ScAddInterfaceForm;
typedef struct _ScAppRow             ScAppRow;
typedef struct _ScApplication        ScApplication;
typedef struct _ScPlugRow            ScPlugRow;
typedef struct _ScProjectPage        ScProjectPage;
typedef struct _ScStartPage          ScStartPage;
typedef struct _ScStrictDialog       ScStrictDialog;
typedef struct _ScWindow             ScWindow;

G_END_DECLS

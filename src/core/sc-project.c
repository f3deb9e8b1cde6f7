/* sc-project.c — to be implemented. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-project.h"

G_DEFINE_QUARK (sc-project-error-quark, sc_project_error)

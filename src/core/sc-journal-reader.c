/* sc-journal-reader.c — to be implemented. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-journal-reader.h"

G_DEFINE_QUARK (sc-journal-error-quark, sc_journal_error)

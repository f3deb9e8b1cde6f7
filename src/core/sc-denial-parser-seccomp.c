/* sc-denial-parser-seccomp.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seccomp records: architecture and syscall names, and the fields of a
 * SECCOMP record.
 */
#define G_LOG_DOMAIN "sc-denial-parser"
#define _GNU_SOURCE /* memmem, memrchr */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-denial-parser.h"
#include "sc-denial-parser-private.h"
#include "sc-system-libs.h"

static const struct
{
  guint32     arch;
  const char *name;
} arch_names[] = {
  { 0xc000003e, "x86_64" },
  { 0x4000003e, "x32" },
  { 0x40000003, "x86" },
  { 0xc00000b7, "aarch64" },
  { 0x40000028, "arm" },
  { 0xc0000015, "ppc64le" },
  { 0x80000015, "ppc64" },
  { 0x00000014, "ppc" },
  { 0x80000016, "s390x" },
  { 0x00000016, "s390" },
  { 0xc00000f3, "riscv64" },
  { 0xc0000102, "loongarch64" },
  { 0x00000008, "mips" },
  { 0x40000008, "mipsel" },
  { 0x80000008, "mips64" },
  { 0xc0000008, "mipsel64" },
  { 0xa0000008, "mips64n32" },
  { 0xe0000008, "mipsel64n32" },
  { 0x0000000f, "parisc" },
  { 0x8000000f, "parisc64" },
};

/* ------------------------------------------------------------------------ */
/* Seccomp                                                                   */

static const char *
arch_name (guint32 arch)
{
  for (guint i = 0; i < G_N_ELEMENTS (arch_names); i++)
    {
      if (arch_names[i].arch == arch)
        return arch_names[i].name;
    }
  return NULL;
}

char *
sc_syscall_name (guint32 arch,
                 int     nr)
{
  const ScLibseccomp *seccomp;
  char *name;
  char *ret;

  if (nr < 0)
    return NULL;

  /* x32 shares AUDIT_ARCH_X86_64 and marks its numbers with bit 30. */
  if (arch == SCMP_ARCH_X86_64 && (nr & 0x40000000) != 0)
    arch = SCMP_ARCH_X32;

  /* libseccomp's tokens are the AUDIT_ARCH values; it returns NULL for an
   * architecture or number it does not know. */
  if (arch_name (arch) == NULL || arch == 0)
    return NULL;
  /* Without libseccomp the record keeps its number. */
  if ((seccomp = sc_libseccomp_load (NULL)) == NULL)
    return NULL;
  name = seccomp->seccomp_syscall_resolve_num_arch (arch, nr);
  if (name == NULL)
    return NULL;
  ret = g_strdup (name);
  free (name);
  return ret;
}

static gboolean
parse_hex_u32 (const char *s,
               guint32    *out)
{
  guint64 v;

  if (s == NULL)
    return FALSE;
  if (g_str_has_prefix (s, "0x") || g_str_has_prefix (s, "0X"))
    s += 2;
  if (!g_ascii_string_to_unsigned (s, 16, 0, G_MAXUINT32, &v, NULL))
    return FALSE;
  *out = (guint32) v;
  return TRUE;
}

void
_sc_parser_finish_seccomp (ScDenial *denial)
{
  const char *arch_str = detail (denial, "arch");
  const char *nr_str = detail (denial, "syscall");
  const char *code_str = detail (denial, "code");
  guint32 arch = 0, code = 0;
  guint64 nr = 0;
  gboolean have_nr;
  g_autofree char *name = NULL;
  const char *label;

  denial->kind = SC_DENIAL_KIND_SECCOMP;

  have_nr = nr_str != NULL && g_ascii_string_to_unsigned (nr_str, 10, 0, G_MAXINT, &nr, NULL);
  if (parse_hex_u32 (arch_str, &arch))
    {
      const char *an;

      if (arch == SCMP_ARCH_X86_64 && have_nr && (nr & 0x40000000) != 0)
        an = "x32";
      else
        an = arch_name (arch);
      if (an != NULL)
        sc_denial_set_detail (denial, "arch_name", an);
      if (have_nr)
        name = sc_syscall_name (arch, (int) nr);
    }
  if (have_nr)
    sc_denial_set_detail (denial, "syscall_nr", nr_str);
  if (name != NULL)
    sc_denial_set_detail (denial, "syscall_name", name);

  denial->operation = g_strdup (name != NULL ? name : nr_str);
  denial->object = g_strdup (name != NULL ? name : nr_str);
  denial->permissions = NULL;

  /* code= is the filter's action (SECCOMP_RET_ACTION_FULL bits). */
  denial->mode = SC_DENIAL_MODE_DENIED;
  if (parse_hex_u32 (code_str, &code))
    {
      const char *action;

      switch (code & 0xffff0000U)
        {
        case 0x7ffc0000U: action = "log"; denial->mode = SC_DENIAL_MODE_LOGGED; break;
        case 0x7fff0000U: action = "allow"; denial->mode = SC_DENIAL_MODE_LOGGED; break;
        case 0x00050000U: action = "errno"; break;
        case 0x00000000U: action = "kill_thread"; break;
        case 0x80000000U: action = "kill_process"; break;
        case 0x00030000U: action = "trap"; break;
        case 0x7fc00000U: action = "user_notif"; break;
        case 0x7ff00000U: action = "trace"; break;
        default: action = "unknown"; break;
        }
      sc_denial_set_detail (denial, "seccomp_action", action);
    }

  label = detail_nonempty (denial, "subj");
  _sc_parser_attribute_label (denial, label);
  if (denial->snap == NULL &&
      (label == NULL || g_str_equal (label, "unconfined") || strchr (label, ':') != NULL))
    {
      /* Without an AppArmor label (no AppArmor, or an SELinux context) the
       * "unconfined" noise verdict does not apply: attribute by the
       * executable's path instead. A snap-confine or snap-update-ns label
       * stays noise even though its exe lives under /snap/snapd/. */
      _sc_parser_attribute_exe (denial, detail_nonempty (denial, "exe"));
      if (denial->snap != NULL && denial->noise)
        {
          denial->noise = FALSE;
          g_clear_pointer (&denial->noise_reason, g_free);
        }
    }
}

/* bench-denials-floor.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor of the denial benchmark: the least a program built on
 * sd-journal does to find the confinement records of a journal folder.
 * The same field matches as the reader (kernel transport, the audit
 * record types, dbus-daemon), one MESSAGE per matching entry and memmem()
 * on it; no parsing, no other fields, one thread. Prints how many
 * messages contain apparmor= or a seccomp record.
 *
 *   bench-denials-floor DIRECTORY
 */
#define _GNU_SOURCE 1
#include <stdio.h>
#include <string.h>
#include <systemd/sd-journal.h>

int
main (int argc, char **argv)
{
  static const char * const matches[] = {
    "_TRANSPORT=kernel", "", "_AUDIT_TYPE=1400", "_AUDIT_TYPE=1326", "_AUDIT_TYPE=1107", "",
    "SYSLOG_IDENTIFIER=dbus-daemon",
  };
  sd_journal *j;
  unsigned long found = 0;
  const void *data;
  size_t len;

  if (argc != 2 || sd_journal_open_directory (&j, argv[1], 0) < 0)
    return 2;
  sd_journal_set_data_threshold (j, 16 * 1024);
  for (size_t i = 0; i < sizeof matches / sizeof matches[0]; i++)
    if (matches[i][0] == '\0')
      sd_journal_add_disjunction (j);
    else
      sd_journal_add_match (j, matches[i], 0);
  while (sd_journal_next (j) > 0)
    if (sd_journal_get_data (j, "MESSAGE", &data, &len) >= 0 &&
        (memmem (data, len, "apparmor=", 9) != NULL ||
         (memmem (data, len, "syscall=", 8) != NULL && memmem (data, len, "SECCOMP", 7) != NULL) ||
         memmem (data, len, "type=1326", 9) != NULL))
      found++;
  sd_journal_close (j);
  printf ("%lu\n", found);
  return 0;
}

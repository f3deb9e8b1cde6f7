/* bench-policy.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser and suggestion targets of issue 12:
 *   - 1,000,000 lines that are not confinement records (ordinary kernel and
 *     service log lines) go through sc_denial_parse_line(): well under 0.1 s;
 *   - suggestions for 10,000 distinct records (every class, paths spread
 *     over the file system, D-Bus calls, sockets, capabilities, syscalls),
 *     including compiling snapd's policy table on first use: well under
 *     0.5 s.
 * Prints the best of RUNS runs (default 3) of each, in CPU time of the
 * process (CLOCK_PROCESS_CPUTIME_ID), so that a loaded machine does not
 * inflate the figures.
 *
 *   build/bench/bench-policy [RUNS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sc-denial-parser.h"
#include "sc-suggestion-rules.h"

static const char * const noise_lines[] = {
  "Jun 10 12:00:01 laptop kernel: [81461.134792] usb 1-5.2: new full-speed USB device number 10 using ehci-pci",
  "Jun 10 12:00:01 laptop systemd[1]: Started Session 3 of user alice.",
  "Jun 10 12:00:02 laptop NetworkManager[812]: <info>  [1718013602.1234] device (wlp2s0): state change: activated",
  "2024-06-10T12:00:03.123456+02:00 laptop gnome-shell[1502]: JS WARNING: [resource:///org/gnome/shell/ui/main.js 23]",
  "Jun 10 12:00:04 laptop kernel: EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Opts: (null)",
  "Jun 10 12:00:05 laptop dbus-daemon[1202]: [session uid=1000 pid=1202] Activating service name='org.gnome.Nautilus'",
};

static const char * const dirs[] = {
  "/etc/%s/conf-%u", "/sys/devices/platform/soc/%s%u/value", "/proc/%s/%u", "/home/alice/.config/%s%u/x",
  "/dev/%s%u", "/run/%s/%u.sock", "/var/lib/%s/%u.db", "/usr/share/%s/%u", "/opt/%s/%u/lib.so",
  "/sys/class/%s/dev%u/state",
};
static const char * const words[] = {
  "gpio", "ttyUSB", "video", "hidraw", "pulse", "cups", "mtab", "zoneinfo", "nvidia", "fonts",
  "icons", "modem", "netplan", "avahi", "bluetooth",
};

/* CPU time of this process: the figures stay meaningful on a loaded
 * machine (wall-clock time is printed alongside). */
static gint64
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static char *
record (guint i)
{
  const char *w = words[i % G_N_ELEMENTS (words)];

  switch (i % 8)
    {
    case 0: case 1: case 2: case 3:
      {
        g_autofree char *path = g_strdup_printf (dirs[(i / 8) % G_N_ELEMENTS (dirs)], w, i);
        return g_strdup_printf ("audit: type=1400 audit(1718031201.%03u:%u): apparmor=\"DENIED\" "
                                "operation=\"open\" class=\"file\" profile=\"snap.app%u.app\" "
                                "name=\"%s\" pid=%u comm=\"app\" requested_mask=\"%s\" "
                                "denied_mask=\"%s\" fsuid=1000 ouid=1000",
                                i % 1000, i, i % 50, path, i + 100, i & 1 ? "r" : "wc",
                                i & 1 ? "r" : "wc");
      }
    case 4:
      return g_strdup_printf ("audit: type=1107 audit(1718031201.%03u:%u): pid=935 uid=101 "
                              "msg='apparmor=\"DENIED\" operation=\"dbus_method_call\"  "
                              "bus=\"system\" path=\"/org/freedesktop/%s%u\" "
                              "interface=\"org.freedesktop.%s\" member=\"Get%u\" mask=\"send\" "
                              "name=\"org.freedesktop.%s\" pid=%u label=\"snap.app%u.app\" "
                              "peer_label=\"unconfined\"'",
                              i % 1000, i, w, i, w, i, w, i + 100, i % 50);
    case 5:
      return g_strdup_printf ("audit: type=1400 audit(1718031201.%03u:%u): apparmor=\"DENIED\" "
                              "operation=\"connect\" class=\"net\" profile=\"snap.app%u.app\" "
                              "pid=%u comm=\"app\" family=\"unix\" sock_type=\"stream\" "
                              "protocol=0 requested=\"send receive connect\" "
                              "denied=\"send connect\" addr=none peer_addr=\"@/tmp/%s/%u\" "
                              "peer=\"unconfined\"",
                              i % 1000, i, i % 50, i + 100, w, i);
    case 6:
      {
        static const char * const caps[] = {
          "chown", "dac_override", "dac_read_search", "fowner", "fsetid", "kill", "setgid",
          "setuid", "setpcap", "linux_immutable", "net_bind_service", "net_broadcast",
          "net_admin", "net_raw", "ipc_lock", "ipc_owner", "sys_module", "sys_rawio",
          "sys_chroot", "sys_ptrace", "sys_pacct", "sys_admin", "sys_boot", "sys_nice",
          "sys_resource", "sys_time", "sys_tty_config", "mknod", "lease", "audit_write",
          "audit_control", "setfcap", "mac_override", "mac_admin", "syslog", "wake_alarm",
          "block_suspend", "audit_read", "perfmon", "bpf", "checkpoint_restore",
        };
        guint c = (i / 8) % G_N_ELEMENTS (caps);

        return g_strdup_printf ("audit: type=1400 audit(1718031201.%03u:%u): apparmor=\"DENIED\" "
                                "operation=\"capable\" class=\"cap\" profile=\"snap.app%u.app\" "
                                "pid=%u comm=\"app\" capability=%u capname=\"%s\"",
                                i % 1000, i, i % 50, i + 100, c, caps[c]);
      }
    default:
      return g_strdup_printf ("audit: type=1326 audit(1718031201.%03u:%u): auid=1000 uid=1000 "
                              "gid=1000 ses=2 subj=snap.app%u.app pid=%u comm=\"app\" "
                              "exe=\"/snap/app/1/app\" sig=0 arch=c000003e syscall=%u compat=0 "
                              "ip=0x7f code=0x50000",
                              i % 1000, i, i % 50, i + 100, i % 330);
    }
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 1 ? atoi (argv[1]) : 3;
  gint64 best_parse = G_MAXINT64, best_suggest = G_MAXINT64, first_suggest = 0;
  g_autoptr(GPtrArray) denials = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_denial_unref);
  guint n_suggestions = 0;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *line = record (i);
      ScDenial *d = NULL;

      if (sc_denial_parse_line (line, -1, 2024, &d, NULL) != SC_RECORD_DENIAL)
        g_error ("record %u does not parse: %s", i, line);
      g_ptr_array_add (denials, d);
    }

  for (int r = 0; r < runs; r++)
    {
      gint64 t0 = now ();
      guint n = 0;

      for (guint i = 0; i < 1000000; i++)
        {
          const char *line = noise_lines[i % G_N_ELEMENTS (noise_lines)];

          n += sc_denial_parse_line (line, -1, 2024, NULL, NULL) != SC_RECORD_NONE;
        }
      best_parse = MIN (best_parse, now () - t0);
      if (n != 0)
        g_error ("%u non-records taken for records", n);

      t0 = now ();
      n_suggestions = 0;
      for (guint i = 0; i < denials->len; i++)
        {
          g_autoptr(ScSuggestionResult) result = sc_suggest_for_denial (g_ptr_array_index (denials, i),
                                                                        NULL);

          n_suggestions += result->suggestions->len;
        }
      if (r == 0)
        first_suggest = now () - t0;
      best_suggest = MIN (best_suggest, now () - t0);
    }

  printf ("parse 1,000,000 non-records: best %.3f s of %d runs (target well under 0.1 s)\n",
          best_parse / 1e6, runs);
  printf ("suggest 10,000 distinct records: first run %.3f s (compiles the policy), best %.3f s "
          "(target well under 0.5 s); %u suggestions\n",
          first_suggest / 1e6, best_suggest / 1e6, n_suggestions);
  return 0;
}

/* test-policy.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy matcher: AppArmor globbing and variables, each rule class on
 * table cases, the base template, and the file rules snapd's own unit
 * tests assert for a plug (tests/data/policy/snapd-expectations.tsv,
 * written by build-aux/gen-policy.py).
 */
#include "config.h"

#include <string.h>

#include "sc-denial.h"
#include "sc-policy.h"

/* kind|operation|object|mask|key=value;key=value */
static ScDenial *
denial_from (const char *spec)
{
  g_auto(GStrv) f = g_strsplit (spec, "|", 5);
  ScDenial *d = sc_denial_new ();
  static const char * const kinds[] = {
    "file", "unix", "network", "capability", "dbus", "signal", "ptrace", "mount", "seccomp",
    "other",
  };

  g_assert_cmpuint (g_strv_length (f), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (f[0], kinds[i]) == 0)
      d->kind = (ScDenialKind) i;
  d->snap = g_strdup ("myapp");
  d->instance = g_strdup ("myapp");
  d->operation = g_strdup (f[1]);
  d->object = *f[2] ? g_strdup (f[2]) : NULL;
  d->permissions = *f[3] ? g_strdup (f[3]) : NULL;
  if (d->kind == SC_DENIAL_KIND_FILE && d->object != NULL)
    sc_denial_set_detail (d, "name", d->object);
  if (d->kind == SC_DENIAL_KIND_CAPABILITY && d->object != NULL)
    sc_denial_set_detail (d, "capname", d->object);
  if (d->kind == SC_DENIAL_KIND_SECCOMP && d->object != NULL)
    sc_denial_set_detail (d, "syscall_name", d->object);
  if (*f[4])
    {
      g_auto(GStrv) pairs = g_strsplit (f[4], ";", -1);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);

          g_assert_nonnull (kv[1]);
          sc_denial_set_detail (d, kv[0], kv[1]);
        }
    }
  return d;
}

static void
test_glob (void)
{
  static const struct { const char *pattern, *text; gboolean match; } cases[] = {
    { "/etc/foo", "/etc/foo", TRUE },
    { "/etc/*", "/etc/foo", TRUE },
    { "/etc/*", "/etc/foo/bar", FALSE },
    { "/etc/**", "/etc/foo/bar", TRUE },
    { "/etc/{,**}", "/etc/", TRUE },
    { "/etc/{,**}", "/etc/a/b", TRUE },
    { "/dev/video[0-9]*", "/dev/video12", TRUE },
    { "/dev/video[0-9]*", "/dev/videox", FALSE },
    { "@{HOME}/[^s.]**", "/home/alice/Documents/a", TRUE },
    { "@{HOME}/[^s.]**", "/home/alice/.bashrc", FALSE },
    { "@{HOME}/[^s.]**", "/root/notes", TRUE },
    { "@{PROC}/@{pid}/mounts", "/proc/1234/mounts", TRUE },
    { "@{PROC}/@{pid}/mounts", "/proc/self/mounts", FALSE },
    { "/var/snap/@{SNAP_NAME}/common/**", "/var/snap/myapp/common/x", TRUE },
    { "/var/snap/@{SNAP_NAME}/common/**", "/var/snap/other/common/x", FALSE },
    { "/{,usr/}{,s}bin/blkid", "/usr/sbin/blkid", TRUE },
    { "/{,usr/}{,s}bin/blkid", "/sbin/blkid", TRUE },
    { "/{,usr/}{,s}bin/blkid", "/usr/lib/blkid", FALSE },
    { "/sys/{block,bus,class,devices,firmware}/{,**}", "/sys/devices/a/b", TRUE },
    { "/usr/lib/@{multiarch}/libGL.so*", "/usr/lib/x86_64-linux-gnu/libGL.so.1", TRUE },
    { "?at", "cat", TRUE },
    { "?at", "/at", FALSE },
  };

  g_test_summary ("AppArmor globbing: *, **, ?, classes, alternatives and snapd's variables");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s ~ %s", cases[i].pattern, cases[i].text);
      g_assert_cmpint (sc_policy_glob_match (cases[i].pattern, cases[i].text, "myapp"), ==,
                       cases[i].match);
    }
}

typedef struct
{
  const char *rule;
  const char *denial;
  gboolean    allows;
} RuleCase;

static const RuleCase rule_cases[] = {
  /* Files: permissions are a subset, owner needs fsuid == ouid. */
  { "f\t0\tr\t/etc/foo", "file|open|/etc/foo|r|", TRUE },
  { "f\t0\tr\t/etc/foo", "file|open|/etc/foo|w|", FALSE },
  { "f\t0\trw\t/etc/foo", "file|open|/etc/foo|wc|", TRUE },
  { "f\t0\tw\t/etc/foo", "file|open|/etc/foo|a|", TRUE },
  { "f\t0\ta\t/etc/foo", "file|open|/etc/foo|w|", FALSE },
  { "f\t0\tixr\t/usr/bin/foo", "file|exec|/usr/bin/foo|x|", TRUE },
  { "f\t0\tr\t/usr/bin/foo", "file|exec|/usr/bin/foo|x|", FALSE },
  { "f\t0\trk\t/run/lock/x", "file|open|/run/lock/x|k|", TRUE },
  { "f\t1\tr\t@{HOME}/x", "file|open|/home/a/x|r|fsuid=1000;ouid=1000", TRUE },
  { "f\t1\tr\t@{HOME}/x", "file|open|/home/a/x|r|fsuid=1000;ouid=0", FALSE },
  /* D-Bus: every field the record has. */
  { "d\tsend\tsystem\t/org/freedesktop/timedate1\torg.freedesktop.timedate1\tListTimezones\t*\tunconfined",
    "dbus|dbus_method_call|x|send|bus=system;path=/org/freedesktop/timedate1;"
    "interface=org.freedesktop.timedate1;member=ListTimezones;name=org.freedesktop.timedate1;"
    "peer_label=unconfined", TRUE },
  { "d\tsend\tsystem\t/org/freedesktop/timedate1\torg.freedesktop.timedate1\tSetTimezone\t*\tunconfined",
    "dbus|dbus_method_call|x|send|bus=system;path=/org/freedesktop/timedate1;"
    "interface=org.freedesktop.timedate1;member=ListTimezones", FALSE },
  { "d\tsend\tsession\t*\t*\t*\t*\t*", "dbus|dbus_method_call|x|send|bus=system", FALSE },
  { "d\treceive\tsession\t*\t*\t*\t*\t*", "dbus|dbus_method_call|x|send|bus=session", FALSE },
  { "d\tsend\tsystem\t/\torg.freedesktop.DBus.Introspectable\tIntrospect\t*\t{dconf-service,unconfined}",
    "dbus|dbus_method_call|x|send|bus=system;path=/;interface=org.freedesktop.DBus.Introspectable;"
    "member=Introspect;peer_label=snap.other.app", FALSE },
  /* Unix sockets: address, peer address and label. */
  { "u\tbind listen\tstream\t@xtables\t*\t*", "unix|bind|@xtables|bind|sock_type=stream;addr=@xtables", TRUE },
  { "u\tbind listen\tstream\t@xtables\t*\t*", "unix|connect|@xtables|connect|sock_type=stream;addr=@xtables", FALSE },
  { "u\tconnect send receive\tstream\t*\t*\t@/tmp/.X11-unix/X[0-9]*",
    "unix|connect|x|send connect|sock_type=stream;peer_addr=@/tmp/.X11-unix/X1", TRUE },
  { "u\t*\tstream\t*\tXorg\t*", "unix|file_receive|x|send receive|sock_type=stream;peer=Xorg", TRUE },
  { "u\t*\tstream\t*\tXorg\t*", "unix|file_receive|x|send receive|sock_type=stream;peer=unconfined", FALSE },
  /* Network: family and type. */
  { "n\tinet\tstream", "network|create|x|create|family=inet;sock_type=stream", TRUE },
  { "n\tinet\tstream", "network|create|x|create|family=inet6;sock_type=stream", FALSE },
  { "n\tnetlink\t*", "network|create|x|create|family=netlink;sock_type=raw", TRUE },
  /* Capabilities. */
  { "c\tnet_admin", "capability|capable|net_admin||", TRUE },
  { "c\tnet_admin", "capability|capable|sys_admin||", FALSE },
  /* ptrace and signals. */
  { "p\tread\tunconfined", "ptrace|ptrace||read|peer=unconfined", TRUE },
  { "p\tread\tunconfined", "ptrace|ptrace||trace|peer=unconfined", FALSE },
  { "s\tsend\tterm kill\tsnap.@{SNAP_INSTANCE_NAME}.*", "signal|signal||send|signal=term;peer=snap.myapp.daemon", TRUE },
  { "s\tsend\tterm kill\tsnap.@{SNAP_INSTANCE_NAME}.*", "signal|signal||send|signal=hup;peer=snap.myapp.daemon", FALSE },
  { "s\tsend\t*\tsnap.@{SNAP_INSTANCE_NAME}.*", "signal|signal||send|signal=term;peer=unconfined", FALSE },
  /* Mounts. */
  { "m\tmount\tfuse.*\trw nosuid nodev\t**\t/var/snap/@{SNAP_NAME}/common/{,**/}",
    "mount|mount|/var/snap/myapp/common/m/||fstype=fuse.sshfs;srcname=x;name=/var/snap/myapp/common/m/", TRUE },
  { "m\tmount\tfuse.*\trw nosuid nodev\t**\t/var/snap/@{SNAP_NAME}/common/{,**/}",
    "mount|mount|/mnt/||fstype=fuse.sshfs;srcname=x;name=/mnt/", FALSE },
  { "m\tumount\t*\t*\t*\t/run/netns/*", "mount|umount|/run/netns/a||name=/run/netns/a", TRUE },
  /* Seccomp. */
  { "x\tbind\t", "seccomp|bind|bind||", TRUE },
  { "x\tbind\t", "seccomp|listen|listen||", FALSE },
  /* Classes without fields. */
  { "o\tuserns", "other|userns_create|||class=namespace", TRUE },
};

static void
test_rule_classes (void)
{
  g_test_summary ("Each rule class matches on every field a record has");
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autoptr(ScDenial) d = denial_from (rule_cases[i].denial);

      g_test_message ("case %u: %s", i, rule_cases[i].denial);
      g_assert_cmpint (sc_policy_rule_allows (rule_cases[i].rule, d), ==, rule_cases[i].allows);
    }
}

static gboolean
matches_interface (const ScDenial *d,
                   const char     *interface)
{
  g_autoptr(GArray) m = sc_policy_match (d);

  for (guint i = 0; i < m->len; i++)
    if (strcmp (g_array_index (m, ScPolicyMatch, i).interface, interface) == 0)
      return TRUE;
  return FALSE;
}

static void
test_table (void)
{
  static const struct { const char *denial; const char *interface; gboolean allows; } cases[] = {
    { "file|open|/sys/module/zswap/parameters/max_pool_percent|r|", "kernel-module-observe", TRUE },
    { "file|open|/sys/module/zswap/parameters/max_pool_percent|r|", "hardware-observe", FALSE },
    { "dbus|dbus_method_call|x|send|bus=system;path=/org/freedesktop/timedate1;"
      "interface=org.freedesktop.timedate1;member=ListTimezones;peer_label=unconfined",
      "timezone-control", TRUE },
    { "dbus|dbus_method_call|x|send|bus=system;path=/org/freedesktop/timedate1;"
      "interface=org.freedesktop.timedate1;member=ListTimezones;peer_label=unconfined",
      "time-control", FALSE },
    { "dbus|dbus_method_call|x|send|bus=session;path=/org/gnome/SessionManager;"
      "interface=org.freedesktop.DBus.Properties;member=GetAll;peer_label=unconfined",
      "screen-inhibit-control", FALSE },
    { "network|create|x|create|family=netlink;sock_type=raw;protocol=15", "hardware-observe", TRUE },
    { "network|create|x|create|family=netlink;sock_type=raw;protocol=9", "hardware-observe", FALSE },
    { "network|create|x|create|family=netlink;sock_type=raw;protocol=9", "netlink-audit", TRUE },
    { "seccomp|perf_event_open|perf_event_open||", "system-trace", TRUE },
    { "capability|capable|sys_module||", "kernel-module-control", TRUE },
  };

  g_test_summary ("The generated table says which interfaces allow an access, as snapd does");
  g_assert_cmpstr (sc_policy_get_snapd_commit (), ==, "bee548f7470643ffd5c94a75797a6cef83e29ff6");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScDenial) d = denial_from (cases[i].denial);

      g_test_message ("%s: %s", cases[i].interface, cases[i].denial);
      g_assert_cmpint (matches_interface (d, cases[i].interface), ==, cases[i].allows);
    }
}

static void
test_template (void)
{
  static const struct { const char *denial; gboolean allows; } cases[] = {
    { "seccomp|sendmmsg|sendmmsg||", TRUE },
    { "seccomp|ptrace|ptrace||", FALSE },
    { "file|open|/tmp/foo|rw|", TRUE },
    { "file|open|/var/snap/myapp/common/db|rw|", TRUE },
    { "file|open|/var/snap/other/common/db|r|", FALSE },
    { "file|open|/etc/shadow|r|", FALSE },
    { "capability|capable|ipc_lock||", TRUE },
  };

  g_test_summary ("The base template every strict snap gets is known");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScDenial) d = denial_from (cases[i].denial);

      g_test_message ("%s", cases[i].denial);
      g_assert_cmpint (sc_policy_template_allows (d, NULL), ==, cases[i].allows);
    }
}

/* A path the pattern matches: alternatives take their first branch,
 * classes their first member, wildcards a plain name. */
static char *
concretise (const char *pattern)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '*' && p[1] == '*')
        {
          g_string_append (out, "a/b");
          p++;
        }
      else if (*p == '*' || *p == '?')
        g_string_append_c (out, 'a');
      else if (*p == '[')
        {
          const char *close = strchr (p, ']');

          if (p[1] == '^')
            g_string_append_c (out, strchr (p, 'q') != NULL && strchr (p, 'q') < close ? 'z' : 'q');
          else
            g_string_append_c (out, p[1]);
          p = close;
        }
      else if (*p == '{')
        {
          int depth = 0;
          const char *q = p + 1;
          const char *end = p;

          /* First alternative up to ',' or '}' at this depth. */
          while (*q != '\0' && !(depth == 0 && (*q == ',' || *q == '}')))
            {
              if (*q == '{')
                depth++;
              else if (*q == '}')
                depth--;
              q++;
            }
          {
            g_autofree char *first = g_strndup (p + 1, q - p - 1);
            g_autofree char *inner = concretise (first);

            g_string_append (out, inner);
          }
          depth = 0;
          for (end = p; *end != '\0'; end++)
            {
              if (*end == '{')
                depth++;
              else if (*end == '}' && --depth == 0)
                break;
            }
          p = end;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_snapd_expectations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "policy",
                                                 "snapd-expectations.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_test_summary ("Every plug file rule snapd's own tests assert allows a path it names");
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *concrete = NULL;
      g_autofree char *mask = NULL;
      g_autoptr(ScDenial) d = NULL;
      GString *m;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 4);
      concrete = concretise (f[2]);
      /* The permissions as a denied mask: letters a record can carry. */
      m = g_string_new (NULL);
      for (const char *p = f[3]; *p != '\0'; p++)
        if (strchr ("rwaklm", *p) != NULL)
          g_string_append_c (m, *p);
      if (strchr (f[3], 'x') != NULL)
        g_string_append_c (m, 'x');
      mask = g_string_free (m, FALSE);
      d = sc_denial_new ();
      d->kind = SC_DENIAL_KIND_FILE;
      d->snap = g_strdup ("consumer");
      d->instance = g_strdup ("consumer");
      d->object = g_strdup (concrete);
      d->permissions = g_strdup (mask);
      sc_denial_set_detail (d, "name", concrete);
      sc_denial_set_detail (d, "fsuid", "1000");
      sc_denial_set_detail (d, "ouid", "1000");
      g_test_message ("%s: %s (%s) from %s", f[0], concrete, mask, f[2]);
      g_assert_true (matches_interface (d, f[0]));
      n++;
    }
  g_test_message ("%u rules from snapd's tests", n);
  g_assert_cmpuint (n, >=, 80);
}

static void
test_attributes (void)
{
  gboolean autoc, approval;

  g_test_summary ("Plug attribute values the base declaration constrains change how a plug "
                  "connects");
  autoc = TRUE, approval = FALSE;
  g_assert_true (sc_policy_attribute_effect ("home", "read", "all", &autoc, &approval));
  g_assert_false (autoc);
  g_assert_true (approval);
  autoc = FALSE, approval = TRUE;
  g_assert_true (sc_policy_attribute_effect ("browser-support", "allow-sandbox", "true", &autoc,
                                             &approval));
  g_assert_true (approval);
  autoc = FALSE, approval = FALSE;
  g_assert_true (sc_policy_attribute_effect ("shared-memory", "private", "true", &autoc,
                                             &approval));
  g_assert_true (autoc);
  g_assert_false (approval);
  autoc = TRUE, approval = FALSE;
  g_assert_false (sc_policy_attribute_effect ("home", "read", "owner", &autoc, &approval));
  g_assert_true (autoc);
  g_assert_false (approval);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/policy/glob", test_glob);
  g_test_add_func ("/policy/rule-classes", test_rule_classes);
  g_test_add_func ("/policy/table", test_table);
  g_test_add_func ("/policy/template", test_template);
  g_test_add_func ("/policy/snapd-expectations", test_snapd_expectations);
  g_test_add_func ("/policy/attributes", test_attributes);
  return g_test_run ();
}

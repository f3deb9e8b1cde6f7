/* test-denial-parser.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Table-driven tests of the record parser: every record shape and class of
 * shared/reference/denials.md, composed for these tests, plus the text-log
 * fixtures in tests/data/denials/ (one file per log format).
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sc-denial-parser.h"

typedef enum
{
  VIA_LINE,           /* sc_denial_parse_line (), a line of a text log */
  VIA_KERNEL,         /* journal MESSAGE, _TRANSPORT=kernel */
  VIA_AUDIT,          /* journal MESSAGE, _TRANSPORT=audit, AVC */
  VIA_AUDIT_USER,     /* journal MESSAGE, _TRANSPORT=audit, USER_AVC */
  VIA_AUDIT_SECCOMP,  /* journal MESSAGE, _TRANSPORT=audit, SECCOMP */
  VIA_SYSLOG,         /* journal MESSAGE from dbus-daemon's syslog() */
} Via;

/* What journald gives beside MESSAGE for each transport. The audit ones
 * carry the serial and the header time of audit(1718031201.482:1187). */
static const ScRecordContext contexts[] = {
  [VIA_LINE] = { 0 },
  [VIA_KERNEL] = { .transport = "kernel", .hostname = "laptop", .syslog_identifier = "kernel",
                   .realtime_usec = G_GINT64_CONSTANT (1718031209000000) },
  [VIA_AUDIT] = { .transport = "audit", .hostname = "laptop", .audit_type_name = "AVC",
                  .audit_id = "1187", .syslog_identifier = "audit",
                  .realtime_usec = G_GINT64_CONSTANT (1718031201482000) },
  [VIA_AUDIT_USER] = { .transport = "audit", .hostname = "laptop", .audit_type_name = "USER_AVC",
                       .audit_id = "1187", .syslog_identifier = "audit",
                       .realtime_usec = G_GINT64_CONSTANT (1718031201482000) },
  [VIA_AUDIT_SECCOMP] = { .transport = "audit", .hostname = "laptop",
                          .audit_type_name = "SECCOMP", .audit_id = "1187",
                          .syslog_identifier = "audit",
                          .realtime_usec = G_GINT64_CONSTANT (1718031201482000) },
  [VIA_SYSLOG] = { .transport = "syslog", .hostname = "laptop",
                   .syslog_identifier = "dbus-daemon",
                   .realtime_usec = G_GINT64_CONSTANT (1718031300123456) },
};

typedef struct
{
  const char   *name;
  const char   *input;
  Via           via;
  ScRecordType  type;
  guint64       lost;          /* SC_RECORD_RATELIMIT */

  /* SC_RECORD_DENIAL: these are always compared (NULL = must be NULL). */
  ScDenialKind  kind;
  ScDenialMode  mode;
  gboolean      noise;
  const char   *snap;
  const char   *instance;
  const char   *app;
  const char   *hook;
  const char   *operation;
  const char   *object;
  const char   *permissions;

  /* Checked when set. */
  const char   *details;       /* "key=value|key=value" that must be present */
  const char   *no_details;    /* "key|key" that must be absent */
  const char   *audit_id;
  gboolean      no_audit_id;
  gint64        ts;
  const char   *host;
  const char   *transport;
} ParseCase;

static const ParseCase parse_cases[] = {
  {
    .name = "file-open-denied",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/foo.con"
             "f\" pid=4242 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" "
             "fsuid=1000 ouid=0",
    .via = VIA_KERNEL, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .details = "class=file|fsuid=1000|ouid=0|comm=foo|pid=4242|requested_mask=r",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .host = "laptop",
    .transport = "kernel",
  },
  {
    .name = "file-write-allowed",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"ALLOWED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/home/alice/"
             ".config/foo/settings.ini\" pid=4242 comm=\"foo\" requested_mask=\"wc\" "
             "denied_mask=\"wc\" fsuid=1000 ouid=1000",
    .via = VIA_KERNEL, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/home/alice/.config/foo/settings.ini",
    .permissions = "wc",
    .details = "apparmor=ALLOWED",
  },
  {
    .name = "file-hex-name-audit-transport",
    .input = "AVC apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.f"
             "oo\" name=2F686F6D652F616C6963652F4D7920446F63756D656E74732F7265706F72742E7064"
             "66 pid=4242 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" "
             "fsuid=1000 ouid=1000",
    .via = VIA_AUDIT, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/home/alice/My Documents/report.pdf",
    .permissions = "r",
    .details = "name=/home/alice/My Documents/report.pdf|record_type=AVC",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .transport = "audit",
  },
  {
    .name = "file-hex-comm",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/foo.con"
             "f\" pid=4242 comm=6D7920617070 requested_mask=\"r\" denied_mask=\"r\" "
             "fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .details = "comm=my app",
  },
  {
    .name = "file-utf8-path",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=2F686F6D652F61"
             "6C6963652F436166C3A92FC3BC2E747874 pid=4242 comm=\"foo\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=1000 ouid=1000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/home/alice/Caf\xc3\xa9/\xc3\xbc.txt",
    .permissions = "r",
  },
  {
    .name = "file-hex-exe-decoded",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=2F736E61702F666F6F2"
             "F78312F4D79204170702F72756E sig=0 arch=c000003e syscall=203 compat=0 "
             "ip=0x7f3a1c2b3d4e code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
    .details = "exe=/snap/foo/x1/My App/run|syscall_name=sched_setaffinity",
  },
  {
    .name = "file-exec-target",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"exec\" class=\"file\" profile=\"snap.foo.foo\" name=\"/usr/bin/bar"
             "\" pid=4242 comm=\"foo\" requested_mask=\"x\" denied_mask=\"x\" "
             "fsuid=1000 ouid=0 target=\"snap.foo.foo//null-/usr/bin/bar\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "exec",
    .object = "/usr/bin/bar",
    .permissions = "x",
    .details = "target=snap.foo.foo//null-/usr/bin/bar",
  },
  {
    .name = "file-link",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"link\" class=\"file\" profile=\"snap.foo.foo\" name=\"/tmp/new\" "
             "pid=4242 comm=\"foo\" requested_mask=\"l\" denied_mask=\"l\" fsuid=0 "
             "ouid=0 target=\"/tmp/old\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "link",
    .object = "/tmp/new",
    .permissions = "l",
    .details = "target=/tmp/old",
  },
  {
    .name = "file-wayland-socket",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"connect\" class=\"file\" profile=\"snap.foo.foo\" name=\"/run/user"
             "/1000/wayland-0\" pid=4242 comm=\"foo\" requested_mask=\"wr\" denied_mask=\"wr"
             "\" fsuid=1000 ouid=1000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "connect",
    .object = "/run/user/1000/wayland-0",
    .permissions = "wr",
  },
  {
    .name = "file-no-class",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" parent=1 profile=\"snap.foo.foo\" name=\"/proc/4242/mounts"
             "\" pid=4242 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" "
             "fsuid=1000 ouid=1000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/proc/4242/mounts",
    .permissions = "r",
    .details = "parent=1",
  },
  {
    .name = "file-truncated",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/home/alice/"
             "a/very/long/pa",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/home/alice/a/very/long/pa",
    .permissions = NULL,
  },
  {
    .name = "file-requested-only",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/dev/video0"
             "\" pid=4242 comm=\"foo\" requested_mask=\"wr\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/dev/video0",
    .permissions = "wr",
  },
  {
    .name = "file-inherit-snap-confine-noise",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"file_inherit\" class=\"file\" info=\"Failed name lookup "
             "- disconnected path\" error=-13 profile=\"/usr/lib/snapd/snap-confine\" "
             "name=\"apparmor/.null\" pid=4241 comm=\"snap-confine\" requested_mask=\"wr\" "
             "denied_mask=\"wr\" fsuid=0 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "file_inherit",
    .object = "apparmor/.null",
    .permissions = "wr",
    .details = "info=Failed name lookup - disconnected path|error=-13",
  },
  {
    .name = "file-lxd-namespace",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" namespace=\"root//lxd-c1_<var-snap-lxd-commo"
             "n-lxd>\" profile=\"snap.foo.foo\" name=\"/etc/foo.conf\" pid=4242 "
             "comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000000 "
             "ouid=1000000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .details = "namespace=root//lxd-c1_<var-snap-lxd-common-lxd>",
  },
  {
    .name = "file-parallel-instance",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo_dev.foo\" "
             "name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo_dev", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
  },
  {
    .name = "file-hook",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.hook.configure\" "
             "name=\"/etc/machine-id\" pid=4242 comm=\"configure\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=0 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = NULL, .hook = "configure",
    .operation = "open",
    .object = "/etc/machine-id",
    .permissions = "r",
  },
  {
    .name = "file-component-hook",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo+extra.hook.install\" "
             "name=\"/etc/machine-id\" pid=4242 comm=\"install\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=0 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = NULL, .hook = "install",
    .operation = "open",
    .object = "/etc/machine-id",
    .permissions = "r",
    .details = "component=extra",
  },
  {
    .name = "file-non-snap-profile",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"/usr/bin/evince\" name=\"/home/ali"
             "ce/secret.txt\" pid=6000 comm=\"evince\" requested_mask=\"r\" denied_mask=\"r"
             "\" fsuid=1000 ouid=1000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "open",
    .object = "/home/alice/secret.txt",
    .permissions = "r",
    .details = "profile=/usr/bin/evince",
  },
  {
    .name = "file-child-profile-noise",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo//null-/usr/bin/helper"
             "\" name=\"/etc/shadow\" pid=4243 comm=\"helper\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/shadow",
    .permissions = "r",
  },
  {
    .name = "file-hex-profile-child",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=736E61702E666F6F2E666F6F2F2F6E756C6C"
             "2D2F6F70742F4D79204170702F62696E name=\"/etc/shadow\" pid=4243 "
             "comm=\"bin\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 "
             "ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/shadow",
    .permissions = "r",
    .details = "profile=snap.foo.foo//null-/opt/My App/bin",
  },
  {
    .name = "file-snap-update-ns-noise",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"open\" class=\"file\" profile=\"snap-update-ns.foo\" "
             "name=\"/usr/local/share/\" pid=5001 comm=\"5\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=0 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = "foo", .instance = "foo", .app = NULL, .hook = NULL,
    .operation = "open",
    .object = "/usr/local/share/",
    .permissions = "r",
    .details = "comm=5",
  },
  {
    .name = "file-mmap-dmesg",
    .input = "[81461.134792] audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED"
             "\" operation=\"file_mmap\" class=\"file\" profile=\"snap.foo.foo\" "
             "name=\"/snap/foo/12/lib/libbar.so\" pid=4242 comm=\"foo\" requested_mask=\"m\""
             " denied_mask=\"m\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "file_mmap",
    .object = "/snap/foo/12/lib/libbar.so",
    .permissions = "m",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .transport = "text",
  },
  {
    .name = "unix-x11-abstract",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"connect\" profile=\"snap.vlc.vlc\" pid=10770 comm=\"glxinfo\" "
             "family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send "
             "receive connect\" denied_mask=\"send connect\" addr=none peer_addr=\"@/tmp/.X1"
             "1-unix/X0\" peer=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_UNIX, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "vlc", .instance = "vlc", .app = "vlc", .hook = NULL,
    .operation = "connect",
    .object = "@/tmp/.X11-unix/X0",
    .permissions = "send connect",
    .details = "addr=none|peer=unconfined|sock_type=stream",
  },
  {
    .name = "unix-abstract-hex",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"connect\" class=\"net\" profile=\"snap.foo.foo\" pid=4242 "
             "comm=\"foo\" family=\"unix\" sock_type=\"stream\" protocol=0 requested=\"send "
             "receive connect\" denied=\"send connect\" addr=none peer_addr=\"@2F746D702F2E5"
             "831312D756E69782F5831000000\" peer=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_UNIX, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "connect",
    .object = "@/tmp/.X11-unix/X1",
    .permissions = "send connect",
    .details = "peer_addr=@/tmp/.X11-unix/X1|requested=send receive connect",
  },
  {
    .name = "unix-abstract-hex-looking-text",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"ALLOWED\" "
             "operation=\"bind\" class=\"net\" profile=\"snap.foo.foo\" pid=4242 "
             "comm=\"foo\" family=\"unix\" sock_type=\"dgram\" protocol=0 requested=\"bind\""
             " denied=\"bind\" addr=\"@ABCD\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_UNIX, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "bind",
    .object = "@ABCD",
    .permissions = "bind",
  },
  {
    .name = "unix-unbound",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"sendmsg\" class=\"net\" profile=\"snap.foo.foo\" pid=4242 "
             "comm=\"foo\" family=\"unix\" sock_type=\"dgram\" protocol=0 requested=\"send\""
             " denied=\"send\" addr=none peer_addr=none",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_UNIX, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "sendmsg",
    .object = "unix dgram",
    .permissions = "send",
  },
  {
    .name = "unix-ice-kern-log",
    .input = "Jun 10 12:00:01 laptop kernel: [81461.134792] audit: type=1400 "
             "audit(1718031201.482:1187): apparmor=\"DENIED\" operation=\"connect\" "
             "profile=\"snap.foo.foo\" pid=4242 comm=\"foo\" family=\"unix\" "
             "sock_type=\"stream\" protocol=0 requested_mask=\"send receive connect\" "
             "denied_mask=\"send receive connect\" addr=none peer_addr=\"@/tmp/.ICE-unix/123"
             "4\" peer=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_UNIX, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "connect",
    .object = "@/tmp/.ICE-unix/1234",
    .permissions = "send receive connect",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .host = "laptop",
    .transport = "text",
  },
  {
    .name = "net-inet6-old-style",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"create\" profile=\"snap.foo.foo\" pid=5790 comm=\"node\" "
             "family=\"inet6\" sock_type=\"stream\" protocol=0 requested_mask=\"create\" "
             "denied_mask=\"create\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_NETWORK, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "create",
    .object = "inet6 stream",
    .permissions = "create",
    .details = "family=inet6|protocol=0",
  },
  {
    .name = "net-bind-fine-grained",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"bind\" class=\"net\" profile=\"snap.foo.server\" pid=4242 "
             "comm=\"foo\" saddr=127.0.97.3 src=3456 family=\"inet\" sock_type=\"dgram\" "
             "protocol=17 requested=\"bind\" denied=\"bind\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_NETWORK, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "server", .hook = NULL,
    .operation = "bind",
    .object = "inet dgram 17",
    .permissions = "bind",
    .details = "saddr=127.0.97.3|src=3456",
  },
  {
    .name = "net-netlink-allowed",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"ALLOWED\" "
             "operation=\"create\" class=\"net\" profile=\"snap.foo.foo\" pid=4242 "
             "comm=\"foo\" family=\"netlink\" sock_type=\"raw\" protocol=15 requested_mask="
             "\"create\" denied_mask=\"create\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_NETWORK, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "create",
    .object = "netlink raw 15",
    .permissions = "create",
    .details = "family=netlink|sock_type=raw|protocol=15",
  },
  {
    .name = "net-packet-syslog",
    .input = "Jun 10 12:00:01 laptop kernel: audit: type=1400 audit(1718031201.482:1187): "
             "apparmor=\"DENIED\" operation=\"create\" class=\"net\" profile=\"snap.foo.foo"
             "\" pid=4242 comm=\"foo\" family=\"packet\" sock_type=\"raw\" protocol=768 "
             "requested=\"create\" denied=\"create\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_NETWORK, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "create",
    .object = "packet raw 768",
    .permissions = "create",
    .host = "laptop",
    .transport = "text",
  },
  {
    .name = "cap-net-admin",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"capable\" class=\"cap\" profile=\"snap.foo.daemon\" "
             "pid=1702 comm=\"foo\" capability=12  capname=\"net_admin\"",
    .via = VIA_KERNEL, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_CAPABILITY, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "daemon", .hook = NULL,
    .operation = "capable",
    .object = "net_admin",
    .permissions = NULL,
    .details = "capability=12|capname=net_admin",
  },
  {
    .name = "cap-sys-admin-allowed",
    .input = "AVC apparmor=\"ALLOWED\" operation=\"capable\" class=\"cap\" profile=\"snap.fo"
             "o.foo\" pid=1702 comm=\"foo\" capability=21  capname=\"sys_admin\"",
    .via = VIA_AUDIT, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_CAPABILITY, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "capable",
    .object = "sys_admin",
    .permissions = NULL,
    .audit_id = "1718031201.482:1187",
    .transport = "audit",
  },
  {
    .name = "cap-number-only",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"capable\" profile=\"snap.foo.foo\" pid=1702 comm=\"foo\" "
             "capability=23",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_CAPABILITY, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "capable",
    .object = "sys_nice",
    .permissions = NULL,
    .details = "capname=sys_nice",
  },
  {
    .name = "cap-snap-confine-noise",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"capable\" class=\"cap\" profile=\"/usr/lib/snapd/snap-confine\" "
             "pid=4241 comm=\"snap-confine\" capability=38  capname=\"perfmon\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_CAPABILITY, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "capable",
    .object = "perfmon",
    .permissions = NULL,
  },
  {
    .name = "cap-snap-confine-snapd-snap-noise",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"capable\" class=\"cap\" profile=\"/snap/snapd/21759/usr/lib/snapd/"
             "snap-confine//mount-namespace-capture-helper\" pid=4241 comm=\"snap-confine\" "
             "capability=4  capname=\"fsetid\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_CAPABILITY, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "capable",
    .object = "fsetid",
    .permissions = NULL,
  },
  {
    .name = "dbus-user-avc-kernel-newline",
    .input = "audit: type=1107 audit(1718031201.482:1187): pid=935 uid=101 auid=4294967295 "
             "ses=4294967295 subj=unconfined msg='apparmor=\"DENIED\" operation=\"dbus_metho"
             "d_call\"  bus=\"system\" path=\"/org/freedesktop/timedate1\" interface=\"org.f"
             "reedesktop.DBus.Properties\" member=\"GetAll\" mask=\"send\" name=\":1.104\" "
             "pid=2834 label=\"snap.firefox.firefox\" peer_pid=3039 peer_label=\"unconfined"
             "\"\n                exe=\"/usr/bin/dbus-daemon\" sauid=101 hostname=? "
             "addr=? terminal=?'",
    .via = VIA_KERNEL, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "firefox", .instance = "firefox", .app = "firefox", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "system :1.104 org.freedesktop.DBus.Properties.GetAll /org/freedesktop/timedate"
              "1",
    .permissions = "send",
    .details = "pid=2834|peer_pid=3039|bus=system|interface=org.freedesktop.DBus.Properties|"
               "member=GetAll|path=/org/freedesktop/timedate1|name=:1.104|peer_label=unconfine"
               "d|exe=/usr/bin/dbus-daemon|sauid=101|uid=101|record_type=USER_AVC",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .transport = "kernel",
  },
  {
    .name = "dbus-user-avc-audit-transport",
    .input = "USER_AVC pid=935 uid=101 auid=4294967295 ses=4294967295 subj=unconfined "
             "msg='apparmor=\"DENIED\" operation=\"dbus_method_call\"  bus=\"system\" "
             "path=\"/org/freedesktop/timedate1\" interface=\"org.freedesktop.DBus.Propertie"
             "s\" member=\"GetAll\" mask=\"send\" name=\":1.104\" pid=2834 label=\"snap.fire"
             "fox.firefox\" peer_pid=3039 peer_label=\"unconfined\"\n        "
             "        exe=\"/usr/bin/dbus-daemon\" sauid=101 hostname=? addr=? "
             "terminal=?'",
    .via = VIA_AUDIT_USER, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "firefox", .instance = "firefox", .app = "firefox", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "system :1.104 org.freedesktop.DBus.Properties.GetAll /org/freedesktop/timedate"
              "1",
    .permissions = "send",
    .details = "pid=2834|label=snap.firefox.firefox",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .transport = "audit",
  },
  {
    .name = "dbus-user-avc-syslog-escaped-newline",
    .input = "Jun 10 12:00:03 laptop kernel: [81462.000001] audit: type=1107 "
             "audit(1718031201.482:1187): pid=935 uid=101 auid=4294967295 ses=4294967295 "
             "subj=unconfined msg='apparmor=\"DENIED\" operation=\"dbus_method_call\" "
             " bus=\"system\" path=\"/org/freedesktop/hostname1\" interface=\"org.freedeskto"
             "p.DBus.Properties\" member=\"Get\" mask=\"send\" name=\"org.freedesktop.hostna"
             "me1\" pid=4242 label=\"snap.foo.foo\" peer_pid=3039 peer_label=\"unconfined\"#"
             "012 exe=\"/usr/bin/dbus-daemon\" sauid=101 hostname=? addr=? terminal=?'",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "system org.freedesktop.hostname1 org.freedesktop.DBus.Properties.Get "
              "/org/freedesktop/hostname1",
    .permissions = "send",
    .details = "peer_label=unconfined|exe=/usr/bin/dbus-daemon|sauid=101",
    .audit_id = "1718031201.482:1187",
    .host = "laptop",
  },
  {
    .name = "dbus-session-journal-message",
    .input = "apparmor=\"DENIED\" operation=\"dbus_method_call\"  bus=\"session\" "
             "path=\"/org/freedesktop/DBus\" interface=\"org.freedesktop.DBus\" "
             "member=\"RequestName\" mask=\"send\" name=\"org.freedesktop.DBus\" "
             "pid=10640 label=\"snap.vlc.vlc\" peer_label=\"unconfined\"",
    .via = VIA_SYSLOG, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "vlc", .instance = "vlc", .app = "vlc", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "session org.freedesktop.DBus org.freedesktop.DBus.RequestName /org/freedesktop"
              "/DBus",
    .permissions = "send",
    .details = "bus=session|pid=10640",
    .no_audit_id = TRUE,
    .ts = G_GINT64_CONSTANT (1718031300123456),
    .host = "laptop",
    .transport = "syslog",
  },
  {
    .name = "dbus-session-syslog-line",
    .input = "Jun 10 12:00:02 laptop dbus-daemon[1202]: apparmor=\"DENIED\" operation=\"dbus"
             "_method_call\"  bus=\"session\" path=\"/org/freedesktop/Notifications\" "
             "interface=\"org.freedesktop.Notifications\" member=\"Notify\" mask=\"send\" "
             "name=\"org.freedesktop.Notifications\" pid=4242 label=\"snap.foo.foo\" "
             "peer_pid=1500 peer_label=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "session org.freedesktop.Notifications org.freedesktop.Notifications.Notify "
              "/org/freedesktop/Notifications",
    .permissions = "send",
    .no_audit_id = TRUE,
    .ts = G_GINT64_CONSTANT (1718020802000000),
    .host = "laptop",
    .transport = "text",
  },
  {
    .name = "dbus-session-prefixed",
    .input = "dbus-daemon[1202]: [session uid=1000 pid=1202] apparmor=\"ALLOWED\" "
             "operation=\"dbus_method_call\"  bus=\"session\" path=\"/org/gtk/Settings\" "
             "interface=\"org.freedesktop.DBus.Properties\" member=\"Get\" mask=\"send\" "
             "name=\":1.9\" pid=4242 label=\"snap.foo.foo\" peer_pid=1300 peer_label=\"uncon"
             "fined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "session :1.9 org.freedesktop.DBus.Properties.Get /org/gtk/Settings",
    .permissions = "send",
  },
  {
    .name = "dbus-signal-allowed",
    .input = "apparmor=\"ALLOWED\" operation=\"dbus_signal\"  bus=\"session\" "
             "path=\"/org/freedesktop/Notifications\" interface=\"org.freedesktop.Notificati"
             "ons\" member=\"NotificationClosed\" mask=\"receive\" pid=4242 label=\"snap.foo"
             ".foo\" peer_pid=1500 peer_label=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_signal",
    .object = "session org.freedesktop.Notifications.NotificationClosed /org/freedesktop/Noti"
              "fications",
    .permissions = "receive",
    .details = "mask=receive",
  },
  {
    .name = "dbus-bind",
    .input = "apparmor=\"DENIED\" operation=\"dbus_bind\"  bus=\"session\" name=\"org.exampl"
             "e.Foo\" mask=\"bind\" pid=4242 label=\"snap.foo.foo\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_bind",
    .object = "session org.example.Foo",
    .permissions = "bind",
  },
  {
    .name = "dbus-broker-method",
    .input = "audit: type=1107 audit(1718031201.482:1187): pid=700 uid=81 auid=4294967295 "
             "ses=4294967295 subj=unconfined msg='apparmor=\"DENIED\" operation=\"dbus_metho"
             "d_call\" bus=\"system\" path=\"/org/freedesktop/login1\" interface=\"org.freed"
             "esktop.login1.Manager\" method=\"Inhibit\" mask=\"send\" name=\"org.freedeskto"
             "p.login1\" pid=4242 label=\"snap.foo.foo\" peer_pid=600 peer_label=\"unconfine"
             "d\"'",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "system org.freedesktop.login1 org.freedesktop.login1.Manager.Inhibit "
              "/org/freedesktop/login1",
    .permissions = "send",
    .details = "method=Inhibit",
  },
  {
    .name = "dbus-snap-to-snap",
    .input = "apparmor=\"DENIED\" operation=\"dbus_method_call\"  bus=\"session\" "
             "path=\"/com/example/Service\" interface=\"com.example.Service\" "
             "member=\"Ping\" mask=\"send\" name=\"com.example.Service\" pid=4242 "
             "label=\"snap.foo.foo\" peer_pid=4300 peer_label=\"snap.bar.daemon\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "session com.example.Service com.example.Service.Ping /com/example/Service",
    .permissions = "send",
    .details = "peer_label=snap.bar.daemon",
  },
  {
    .name = "dbus-unconfined-label-noise",
    .input = "apparmor=\"DENIED\" operation=\"dbus_method_call\"  bus=\"session\" "
             "path=\"/com/example/Service\" interface=\"com.example.Service\" "
             "member=\"Ping\" mask=\"receive\" name=\"com.example.Service\" pid=4242 "
             "label=\"unconfined\" peer_pid=4300 peer_label=\"snap.bar.daemon\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "dbus_method_call",
    .object = "session com.example.Service com.example.Service.Ping /com/example/Service",
    .permissions = "receive",
  },
  {
    .name = "signal-term",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"signal\" class=\"signal\" profile=\"snap.foo.foo\" "
             "pid=4242 comm=\"foo\" requested_mask=\"send\" denied_mask=\"send\" "
             "signal=term peer=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SIGNAL, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "signal",
    .object = "term \xe2\x86\x92 unconfined",
    .permissions = "send",
    .details = "signal=term|peer=unconfined",
  },
  {
    .name = "signal-allowed-no-class",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"ALLOWED\" "
             "operation=\"signal\" profile=\"snap.foo.foo\" pid=4242 comm=\"foo\" "
             "requested_mask=\"send\" denied_mask=\"send\" signal=kill peer=\"snap.bar.bar\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SIGNAL, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "signal",
    .object = "kill \xe2\x86\x92 snap.bar.bar",
    .permissions = "send",
  },
  {
    .name = "ptrace-read",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"ptrace\" class=\"ptrace\" profile=\"snap.foo.foo\" "
             "pid=4242 comm=\"foo\" requested_mask=\"read\" denied_mask=\"read\" "
             "peer=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_PTRACE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "ptrace",
    .object = "unconfined",
    .permissions = "read",
  },
  {
    .name = "ptrace-trace-allowed-requested",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"ALLOWED\" "
             "operation=\"ptrace\" profile=\"snap.foo.foo\" pid=4242 comm=\"foo\" "
             "requested_mask=\"trace\" peer=\"snap.bar.bar\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_PTRACE, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "ptrace",
    .object = "snap.bar.bar",
    .permissions = "trace",
  },
  {
    .name = "mount-ext4",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"mount\" class=\"mount\" profile=\"snap.foo.foo\" name=\"/mnt/\" "
             "pid=4242 comm=\"mount\" fstype=\"ext4\" srcname=\"/dev/sdb1\" flags=\"rw\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_MOUNT, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "mount",
    .object = "/dev/sdb1 \xe2\x86\x92 /mnt/ (ext4)",
    .permissions = NULL,
    .details = "fstype=ext4|srcname=/dev/sdb1|flags=rw",
  },
  {
    .name = "mount-snap-update-ns-noise",
    .input = "AVC apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed "
             "flags match\" error=-13 profile=\"snap-update-ns.qaul\" name=\"/usr/share/font"
             "s-2/\" pid=5001 comm=\"5\" srcname=\"/var/lib/snapd/hostfs/usr/share/fonts/\" "
             "flags=\"rw, bind\"",
    .via = VIA_AUDIT, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_MOUNT, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = "qaul", .instance = "qaul", .app = NULL, .hook = NULL,
    .operation = "mount",
    .object = "/var/lib/snapd/hostfs/usr/share/fonts/ \xe2\x86\x92 /usr/share/fonts-2/",
    .permissions = NULL,
    .details = "flags=rw, bind|info=failed flags match",
  },
  {
    .name = "umount",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"umount\" profile=\"snap.foo.foo\" name=\"/media/usb/\" "
             "pid=4242 comm=\"umount\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_MOUNT, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "umount",
    .object = "/media/usb/",
    .permissions = NULL,
  },
  {
    .name = "pivotroot",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"pivotroot\" class=\"mount\" profile=\"snap.foo.foo\" "
             "name=\"/tmp/newroot/\" pid=4242 comm=\"foo\" srcname=\"/tmp/newroot/old/\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_MOUNT, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "pivotroot",
    .object = "/tmp/newroot/old/ \xe2\x86\x92 /tmp/newroot/",
    .permissions = NULL,
  },
  {
    .name = "userns-create",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"userns_create\" class=\"namespace\" profile=\"snap.foo.foo\" "
             "pid=4242 comm=\"electron\" requested=\"userns_create\" denied=\"userns_create"
             "\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_OTHER, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "userns_create",
    .object = NULL,
    .permissions = "userns_create",
    .details = "class=namespace",
  },
  {
    .name = "mqueue-create",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"create\" class=\"posix_mqueue\" profile=\"snap.foo.foo\" "
             "name=\"/foo-queue\" pid=4242 comm=\"foo\" requested=\"create\" "
             "denied=\"create\" class=\"posix_mqueue\" fsuid=1000 ouid=1000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_OTHER, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "create",
    .object = "/foo-queue",
    .permissions = "create",
    .details = "class=posix_mqueue",
  },
  {
    .name = "io-uring",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"uring_sqpoll\" class=\"io_uring\" profile=\"snap.foo.foo\" "
             "pid=4242 comm=\"foo\" requested=\"sqpoll\" denied=\"sqpoll\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_OTHER, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "uring_sqpoll",
    .object = NULL,
    .permissions = "sqpoll",
  },
  {
    .name = "seccomp-x86-64-errno",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1001 ses=1 subj=snap.skype.skype pid=1483 comm=\"skypeforlinux\" "
             "exe=\"/snap/skype/382/usr/share/skypeforlinux/skypeforlinux\" sig=0 "
             "arch=c000003e syscall=330 compat=0 ip=0x7f6d9a67c4e7 code=0x50000",
    .via = VIA_KERNEL, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "skype", .instance = "skype", .app = "skype", .hook = NULL,
    .operation = "pkey_alloc",
    .object = "pkey_alloc",
    .permissions = NULL,
    .details = "syscall=330|syscall_nr=330|syscall_name=pkey_alloc|arch=c000003e|"
               "arch_name=x86_64|code=0x50000|seccomp_action=errno|compat=0|record_type=SECCOM"
               "P",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
  },
  {
    .name = "seccomp-log-devmode",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=119 subj=snap.rt-app.edf pid=4242 comm=\"edf\" exe=\"/snap/rt-app"
             "/3/bin/edf\" sig=0 arch=c000003e syscall=314 compat=0 ip=0x78846c90325d "
             "code=0x7ffc0000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_LOGGED, .noise = FALSE,
    .snap = "rt-app", .instance = "rt-app", .app = "edf", .hook = NULL,
    .operation = "sched_setattr",
    .object = "sched_setattr",
    .permissions = NULL,
    .details = "seccomp_action=log",
  },
  {
    .name = "seccomp-arm64",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/"
             "bin/foo\" sig=0 arch=c00000b7 syscall=40 compat=0 ip=0xffff8a2b3c4d "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "mount",
    .object = "mount",
    .permissions = NULL,
    .details = "arch_name=aarch64|syscall_name=mount",
  },
  {
    .name = "seccomp-arm64-audit-transport",
    .input = "SECCOMP auid=1000 uid=1000 gid=1000 ses=2 subj=snap.foo.foo pid=4242 "
             "comm=\"foo\" exe=\"/snap/foo/12/usr/bin/foo\" sig=0 arch=c00000b7 "
             "syscall=122 compat=0 ip=0xffff8a2b3c4d code=0x7ffc0000",
    .via = VIA_AUDIT_SECCOMP, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_LOGGED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
    .details = "arch_name=aarch64",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .transport = "audit",
  },
  {
    .name = "seccomp-i386-compat",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/"
             "bin/foo32\" sig=0 arch=40000003 syscall=359 compat=1 ip=0xf7f1c2b3 "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "socket",
    .object = "socket",
    .permissions = NULL,
    .details = "arch_name=x86|compat=1|syscall_name=socket",
  },
  {
    .name = "seccomp-i386-socketcall",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/"
             "bin/foo32\" sig=0 arch=40000003 syscall=102 compat=1 ip=0xf7f1c2b3 "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "socketcall",
    .object = "socketcall",
    .permissions = NULL,
  },
  {
    .name = "seccomp-armhf-compat-kill",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/bin/"
             "foo\" sig=31 arch=40000028 syscall=983045 compat=1 ip=0xb6f1c2b3 "
             "code=0x0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "set_tls",
    .object = "set_tls",
    .permissions = NULL,
    .details = "arch_name=arm|seccomp_action=kill_thread|sig=31",
  },
  {
    .name = "seccomp-ppc64le",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/bin/"
             "foo\" sig=0 arch=c0000015 syscall=21 compat=0 ip=0x7fff8a2b3c4d "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "mount",
    .object = "mount",
    .permissions = NULL,
    .details = "arch_name=ppc64le",
  },
  {
    .name = "seccomp-s390x-kill-process",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/bin/"
             "foo\" sig=31 arch=80000016 syscall=21 compat=0 ip=0x3ff8a2b3c4d "
             "code=0x80000000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "mount",
    .object = "mount",
    .permissions = NULL,
    .details = "arch_name=s390x|seccomp_action=kill_process",
  },
  {
    .name = "seccomp-x32",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/bin/"
             "foo\" sig=0 arch=c000003e syscall=1073741989 compat=0 ip=0x7f3a1c2b3d4e "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "mount",
    .object = "mount",
    .permissions = NULL,
    .details = "arch_name=x32",
  },
  {
    .name = "seccomp-no-subj-exe-fallback",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 pid=4242 comm=\"foo\" exe=\"/snap/foo_beta/12/usr/bin/foo\" "
             "sig=0 arch=c000003e syscall=203 compat=0 ip=0x7f3a1c2b3d4e code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo_beta", .app = NULL, .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
  },
  {
    .name = "seccomp-selinux-subj-exe-fallback",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 "
             "pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/bin/foo\" sig=0 arch=c000003e "
             "syscall=203 compat=0 ip=0x7f3a1c2b3d4e code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = NULL, .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
  },
  {
    .name = "seccomp-subj-with-mode",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo (complain) pid=4242 comm=\"foo\" "
             "exe=\"/snap/foo/12/usr/bin/foo\" sig=0 arch=c000003e syscall=203 "
             "compat=0 ip=0x7f3a1c2b3d4e code=0x7ffc0000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_LOGGED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
  },
  {
    .name = "seccomp-unknown-arch",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/"
             "bin/foo\" sig=0 arch=deadbeef syscall=77 compat=0 ip=0x7f3a1c2b3d4e "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "77",
    .object = "77",
    .permissions = NULL,
    .details = "syscall_nr=77",
    .no_details = "syscall_name|arch_name",
  },
  {
    .name = "seccomp-audit-log",
    .input = "type=SECCOMP msg=audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/"
             "bin/foo\" sig=0 arch=c000003e syscall=203 compat=0 ip=0x7f3a1c2b3d4e "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
  },
  {
    .name = "status-profile-replace",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"STATUS\" "
             "operation=\"profile_replace\" info=\"same as current profile, skipping\" "
             "profile=\"unconfined\" name=\"snap.notes.notes\" pid=5000 comm=\"apparmor_pars"
             "er\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_OTHER, .mode = SC_DENIAL_MODE_LOGGED, .noise = TRUE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "profile_replace",
    .object = "snap.notes.notes",
    .permissions = NULL,
    .details = "apparmor=STATUS",
  },
  {
    .name = "audit-rule-noise",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"AUDIT\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/hosts\""
             " pid=4242 comm=\"foo\" requested_mask=\"r\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_LOGGED, .noise = TRUE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/hosts",
    .permissions = "r",
  },
  {
    .name = "audit-log-avc-node-enriched",
    .input = "node=server1 type=AVC msg=audit(1718031201.482:1187): apparmor=\"ALLOWED\" "
             "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/home/alice/"
             ".config/foo/settings.ini\" pid=4242 comm=\"foo\" requested_mask=\"wc\" "
             "denied_mask=\"wc\" fsuid=1000 ouid=1000\x1d"
             "FSUID=\"alice\" OUID=\"alice\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/home/alice/.config/foo/settings.ini",
    .permissions = "wc",
    .no_details = "FSUID|OUID",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
    .host = "server1",
  },
  {
    .name = "audit-log-user-avc",
    .input = "type=USER_AVC msg=audit(1718031201.482:1187): pid=935 uid=101 auid=4294967295 "
             "ses=4294967295 subj=unconfined msg='apparmor=\"DENIED\" operation=\"dbus_metho"
             "d_call\"  bus=\"system\" path=\"/org/freedesktop/hostname1\" interface=\"org.f"
             "reedesktop.DBus.Properties\" member=\"Get\" mask=\"send\" name=\"org.freedeskt"
             "op.hostname1\" pid=4242 label=\"snap.foo.foo\" peer_pid=3039 peer_label=\"unco"
             "nfined\" exe=\"/usr/bin/dbus-daemon\" sauid=101 hostname=? addr=? "
             "terminal=?'",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "system org.freedesktop.hostname1 org.freedesktop.DBus.Properties.Get "
              "/org/freedesktop/hostname1",
    .permissions = "send",
    .audit_id = "1718031201.482:1187",
    .ts = G_GINT64_CONSTANT (1718031201482000),
  },
  {
    .name = "old-type-1503-denied",
    .input = "type=1503 audit(1229620329.446:27): operation=\"inode_permission\" "
             "requested_mask=\"::r\" denied_mask=\"::r\" fsuid=0 name=\"/etc/passwd\" "
             "pid=11281 profile=\"/bin/ping\" namespace=\"default\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "inode_permission",
    .object = "/etc/passwd",
    .permissions = "::r",
    .details = "apparmor=DENIED|record_type=APPARMOR_DENIED",
    .audit_id = "1229620329.446:27",
    .ts = G_GINT64_CONSTANT (1229620329446000),
  },
  {
    .name = "old-type-1502-allowed",
    .input = "type=1502 audit(1229620330.000:28): operation=\"inode_permission\" "
             "requested_mask=\"::w\" denied_mask=\"::w\" fsuid=0 name=\"/var/log/ping.log\" "
             "pid=11281 profile=\"/bin/ping\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_ALLOWED, .noise = FALSE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "inode_permission",
    .object = "/var/log/ping.log",
    .permissions = "::w",
  },
  {
    .name = "old-type-1400-no-audit-prefix",
    .input = "type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" operation=\"open\" "
             "profile=\"snap.foo.foo\" name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" "
             "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .audit_id = "1718031201.482:1187",
  },
  {
    .name = "journalctl-short-iso",
    .input = "2024-06-10T12:00:01+0200 laptop kernel: audit: type=1400 audit(1718013601.482:"
             "1187): apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.fo"
             "o.foo\" name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .audit_id = "1718013601.482:1187",
    .ts = G_GINT64_CONSTANT (1718013601482000),
    .host = "laptop",
  },
  {
    .name = "journalctl-short-iso-dbus-time-from-line",
    .input = "2024-06-10T12:00:02.250000+02:00 laptop dbus-daemon[1202]: apparmor=\"DENIED\""
             " operation=\"dbus_bind\"  bus=\"session\" name=\"org.example.Foo\" "
             "mask=\"bind\" pid=4242 label=\"snap.foo.foo\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_bind",
    .object = "session org.example.Foo",
    .permissions = "bind",
    .no_audit_id = TRUE,
    .ts = G_GINT64_CONSTANT (1718013602250000),
    .host = "laptop",
  },
  {
    .name = "journalctl-short-precise",
    .input = "Jun 10 12:00:01.482123 laptop kernel: audit: type=1400 audit(1718013601.482:11"
             "87): apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo."
             "foo\" name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .audit_id = "1718013601.482:1187",
    .host = "laptop",
  },
  {
    .name = "journalctl-short-monotonic",
    .input = "[ 81461.134792] laptop kernel: audit: type=1400 audit(1718013601.482:1187): "
             "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\""
             " name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" requested_mask=\"r\" "
             "denied_mask=\"r\" fsuid=1000 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .audit_id = "1718013601.482:1187",
    .host = "laptop",
  },
  {
    .name = "journalctl-short-unix",
    .input = "1718013601.500000 laptop audit[4242]: AVC apparmor=\"DENIED\" operation=\"open"
             "\" class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/foo.conf\" "
             "pid=4242 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 "
             "ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .no_audit_id = TRUE,
    .ts = G_GINT64_CONSTANT (1718013601500000),
    .host = "laptop",
  },
  {
    .name = "journalctl-short-audit-transport",
    .input = "Jun 10 12:00:03 laptop audit[4242]: AVC apparmor=\"DENIED\" operation=\"open\""
             " class=\"file\" profile=\"snap.foo.hook.install\" name=\"/etc/machine-id\" "
             "pid=4242 comm=\"install\" requested_mask=\"r\" denied_mask=\"r\" "
             "fsuid=0 ouid=0",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = NULL, .hook = "install",
    .operation = "open",
    .object = "/etc/machine-id",
    .permissions = "r",
    .ts = G_GINT64_CONSTANT (1718020803000000),
    .host = "laptop",
  },
  {
    .name = "ratelimit-kauditd",
    .input = "kauditd_printk_skb: 12 callbacks suppressed",
    .via = VIA_KERNEL, .type = SC_RECORD_RATELIMIT,
    .lost = 12,
  },
  {
    .name = "ratelimit-kauditd-syslog",
    .input = "Jun 10 12:00:01 laptop kernel: [81461.134800] kauditd_printk_skb: "
             "152 callbacks suppressed",
    .via = VIA_LINE, .type = SC_RECORD_RATELIMIT,
    .lost = 152,
  },
  {
    .name = "ratelimit-audit-lost",
    .input = "audit: audit_lost=5 audit_rate_limit=0 audit_backlog_limit=64",
    .via = VIA_KERNEL, .type = SC_RECORD_RATELIMIT,
    .lost = 5,
  },
  {
    .name = "ratelimit-rate-limit-exceeded",
    .input = "audit: rate limit exceeded",
    .via = VIA_KERNEL, .type = SC_RECORD_RATELIMIT,
    .lost = 1,
  },
  {
    .name = "ratelimit-backlog-iso",
    .input = "2024-06-10T12:00:01.400000+02:00 laptop kernel: audit: backlog "
             "limit exceeded",
    .via = VIA_LINE, .type = SC_RECORD_RATELIMIT,
    .lost = 1,
  },
  {
    .name = "none-other-audit-type",
    .input = "audit: type=1130 audit(1718031201.550:1194): pid=1 uid=0 auid=4294967295 "
             "ses=4294967295 subj=unconfined msg='unit=systemd-tmpfiles-clean "
             "comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? "
             "terminal=? res=success'",
    .via = VIA_KERNEL, .type = SC_RECORD_NONE,
  },
  {
    .name = "none-syscall-record",
    .input = "type=SYSCALL msg=audit(1718031201.482:1187): arch=c000003e syscall=257 "
             "success=no exit=-13 items=1 ppid=1 pid=4242 auid=1000 uid=1000 "
             "comm=\"foo\" exe=\"/snap/foo/12/usr/bin/foo\" subj=snap.foo.foo "
             "key=(null)",
    .via = VIA_LINE, .type = SC_RECORD_NONE,
  },
  {
    .name = "none-plain-syslog",
    .input = "Jun 10 12:00:04 laptop systemd[1]: Started snap.foo.foo-1234.scope.",
    .via = VIA_LINE, .type = SC_RECORD_NONE,
  },
  {
    .name = "none-dbus-activation",
    .input = "Jun 10 12:00:02 laptop dbus-daemon[935]: [system] Activating via "
             "systemd: service name='org.freedesktop.timedate1' requested by "
             "':1.104' (uid=1000 pid=4242 comm=\"foo\" label=\"snap.foo.foo\")",
    .via = VIA_LINE, .type = SC_RECORD_NONE,
  },
  {
    .name = "none-continuation",
    .input = "                exe=\"/usr/bin/dbus-daemon\" sauid=101 hostname=? "
             "addr=? terminal=?'",
    .via = VIA_LINE, .type = SC_RECORD_NONE,
  },
  {
    .name = "none-empty",
    .input = "",
    .via = VIA_LINE, .type = SC_RECORD_NONE,
  },
  {
    .name = "none-seccomp-without-syscall",
    .input = "SECCOMP auid=1000 uid=1000",
    .via = VIA_AUDIT_SECCOMP, .type = SC_RECORD_NONE,
  },
  {
    .name = "seccomp-snap-confine-noise",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=/snap/snapd/21759/usr/lib/snapd/snap-confine "
             "pid=4241 comm=\"snap-confine\" exe=\"/snap/snapd/21759/usr/lib/snapd/snap-conf"
             "ine\" sig=0 arch=c000003e syscall=203 compat=0 ip=0x7f3a1c2b3d4e "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
  },
  {
    .name = "dbus-iso-compact-offset-time",
    .input = "2024-06-10T12:00:02+0200 laptop dbus-daemon[1202]: apparmor=\"DENIED\" "
             "operation=\"dbus_bind\"  bus=\"session\" name=\"org.example.Foo\" "
             "mask=\"bind\" pid=4242 label=\"snap.foo.foo\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_bind",
    .object = "session org.example.Foo",
    .permissions = "bind",
    .ts = G_GINT64_CONSTANT (1718013602000000),
    .host = "laptop",
  },
  {
    .name = "syslog-single-digit-day",
    .input = "Jun  9 08:00:00 laptop kernel: audit: type=1400 audit(1717920000.000:5): "
             "apparmor=\"DENIED\" operation=\"open\" profile=\"snap.foo.foo\" "
             "name=\"/etc/foo.conf\" requested_mask=\"r\" denied_mask=\"r\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_FILE, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "open",
    .object = "/etc/foo.conf",
    .permissions = "r",
    .audit_id = "1717920000.000:5",
    .ts = G_GINT64_CONSTANT (1717920000000000),
    .host = "laptop",
  },
  {
    .name = "syslog-time-only-rsyslog-dbus",
    .input = "Jun  9 08:00:00 laptop dbus-daemon[1202]: apparmor=\"DENIED\" operation=\"dbus"
             "_bind\"  bus=\"session\" name=\"org.example.Foo\" mask=\"bind\" "
             "pid=4242 label=\"snap.foo.foo\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_bind",
    .object = "session org.example.Foo",
    .permissions = "bind",
    .no_audit_id = TRUE,
    .ts = G_GINT64_CONSTANT (1717920000000000),
    .host = "laptop",
  },
  {
    .name = "seccomp-unconfined-subj-exe-fallback",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=unconfined pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/bi"
             "n/foo\" sig=0 arch=c000003e syscall=203 compat=0 ip=0x7f3a1c2b3d4e "
             "code=0x50000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = NULL, .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
  },
  {
    .name = "seccomp-unconfined-subj-no-snap-noise",
    .input = "audit: type=1326 audit(1718031201.482:1187): auid=1000 uid=1000 "
             "gid=1000 ses=2 subj=unconfined pid=4242 comm=\"chrome\" exe=\"/opt/google/chro"
             "me/chrome\" sig=0 arch=c000003e syscall=165 compat=0 ip=0x7f3a1c2b3d4e "
             "code=0x80000000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_DENIED, .noise = TRUE,
    .snap = NULL, .instance = NULL, .app = NULL, .hook = NULL,
    .operation = "mount",
    .object = "mount",
    .permissions = NULL,
  },
  {
    .name = "dbus-kernel-class",
    .input = "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" "
             "operation=\"dbus_method_call\" class=\"dbus\" profile=\"snap.foo.foo\" "
             "bus=\"system\" path=\"/org/freedesktop/UPower\" interface=\"org.freedesktop.UP"
             "ower\" member=\"EnumerateDevices\" mask=\"send\" name=\"org.freedesktop.UPower"
             "\" pid=4242 comm=\"foo\" peer_label=\"unconfined\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_method_call",
    .object = "system org.freedesktop.UPower org.freedesktop.UPower.EnumerateDevices "
              "/org/freedesktop/UPower",
    .permissions = "send",
  },
  {
    .name = "journalctl-short-full",
    .input = "Mon 2024-06-10 12:00:01.250000 UTC laptop kernel: audit: type=1326 "
             "audit(1718020801.250:77): auid=1000 uid=1000 gid=1000 ses=2 subj=snap.foo.foo "
             "pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/bin/foo\" sig=0 arch=c000003e "
             "syscall=203 compat=0 ip=0x7f3a1c2b3d4e code=0x7ffc0000",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_SECCOMP, .mode = SC_DENIAL_MODE_LOGGED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "sched_setaffinity",
    .object = "sched_setaffinity",
    .permissions = NULL,
    .audit_id = "1718020801.250:77",
    .ts = G_GINT64_CONSTANT (1718020801250000),
    .host = "laptop",
  },
  {
    .name = "journalctl-short-full-dbus-time-from-line",
    .input = "Mon 2024-06-10 12:00:01 UTC laptop dbus-daemon[1202]: apparmor=\"DENIED\" "
             "operation=\"dbus_bind\"  bus=\"session\" name=\"org.example.Foo\" "
             "mask=\"bind\" pid=4242 label=\"snap.foo.foo\"",
    .via = VIA_LINE, .type = SC_RECORD_DENIAL,
    .kind = SC_DENIAL_KIND_DBUS, .mode = SC_DENIAL_MODE_DENIED, .noise = FALSE,
    .snap = "foo", .instance = "foo", .app = "foo", .hook = NULL,
    .operation = "dbus_bind",
    .object = "session org.example.Foo",
    .permissions = "bind",
    .no_audit_id = TRUE,
    .ts = G_GINT64_CONSTANT (1718020801000000),
    .host = "laptop",
  },
};

static ScRecordType
parse_case (const ParseCase  *pc,
            ScDenial        **denial,
            guint64          *lost)
{
  if (pc->via == VIA_LINE)
    return sc_denial_parse_line (pc->input, -1, 2024, denial, lost);
  return sc_denial_parse_message (pc->input, -1, &contexts[pc->via], denial, lost);
}

static void
check_details (const ParseCase *pc,
               const ScDenial  *denial)
{
  if (pc->details != NULL)
    {
      g_auto(GStrv) pairs = g_strsplit (pc->details, "|", -1);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          const char *eq = strchr (pairs[i], '=');
          g_autofree char *key = NULL;

          g_assert_nonnull (eq);
          key = g_strndup (pairs[i], (gsize) (eq - pairs[i]));
          g_assert_cmpstr (sc_denial_get_detail (denial, key), ==, eq + 1);
        }
    }
  if (pc->no_details != NULL)
    {
      g_auto(GStrv) keys = g_strsplit (pc->no_details, "|", -1);

      for (guint i = 0; keys[i] != NULL; i++)
        g_assert_null (sc_denial_get_detail (denial, keys[i]));
    }
}

static void
test_parse_table (gconstpointer data)
{
  const ParseCase *pc = data;
  g_autoptr(ScDenial) denial = NULL;
  guint64 lost = 4242;
  ScRecordType type;

  g_test_summary ("One composed record parses to the expected kind, mode, attribution, "
                  "operation, object, permissions and details");
  g_test_message ("input: %s", pc->input);

  type = parse_case (pc, &denial, &lost);
  g_assert_cmpint (type, ==, pc->type);

  if (pc->type != SC_RECORD_DENIAL)
    {
      g_assert_null (denial);
      g_assert_cmpuint (lost, ==, pc->type == SC_RECORD_RATELIMIT ? pc->lost : 0);
      return;
    }

  g_assert_nonnull (denial);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpstr (sc_denial_kind_to_string (denial->kind), ==,
                   sc_denial_kind_to_string (pc->kind));
  g_assert_cmpstr (sc_denial_mode_to_string (denial->mode), ==,
                   sc_denial_mode_to_string (pc->mode));
  g_assert_cmpstr (denial->snap, ==, pc->snap);
  g_assert_cmpstr (denial->instance, ==, pc->instance);
  g_assert_cmpstr (denial->app, ==, pc->app);
  g_assert_cmpstr (denial->hook, ==, pc->hook);
  g_assert_cmpstr (denial->operation, ==, pc->operation);
  g_assert_cmpstr (denial->object, ==, pc->object);
  g_assert_cmpstr (denial->permissions, ==, pc->permissions);
  g_assert_cmpint (denial->noise, ==, pc->noise);
  if (pc->noise)
    {
      g_assert_nonnull (denial->noise_reason);
      g_assert_cmpstr (denial->noise_reason, !=, "");
    }
  else
    g_assert_null (denial->noise_reason);

  check_details (pc, denial);

  if (pc->audit_id != NULL)
    g_assert_cmpstr (denial->audit_id, ==, pc->audit_id);
  if (pc->no_audit_id)
    g_assert_null (denial->audit_id);
  if (pc->ts != 0)
    g_assert_cmpint (denial->timestamp_usec, ==, pc->ts);
  if (pc->host != NULL)
    g_assert_cmpstr (denial->host, ==, pc->host);
  g_assert_cmpstr (denial->transport, ==,
                   pc->transport != NULL ? pc->transport
                   : pc->via == VIA_LINE ? "text"
                   : contexts[pc->via].transport);
  g_assert_nonnull (denial->raw);
  g_assert_true (g_utf8_validate (denial->raw, -1, NULL));
}

/* Line prefixes seen in pasted logs, before one kernel record. Whatever the
 * prefix, the audit(…) header gives the time and the audit id. */
static const struct
{
  const char *prefix;
  const char *host;        /* NULL: none to be found */
} line_prefixes[] = {
  { "", NULL },
  { "[ 1234.567890] ", NULL },
  { "[Fri Jun 14 13:16:36 2024] ", NULL },
  { "<5>Jun 14 13:16:36 host kernel: ", "host" },
  { "<13>1 2024-06-14T13:16:36.123456+02:00 host kernel - - - ", "host" },
  { "<13>1 2024-06-14T13:16:36Z host kernel - - [x@1 a=\"]\\]\"] ", "host" },
  { "<13>1 2024-06-14T13:16:36Z - - - - - ", NULL },
  { "2024-06-14 13:16:36.123 host kernel: ", "host" },
  { "2024-06-14T13:16:36.123456+02:00 host kernel: ", "host" },
  { "Jun 14 13:16:36 host kernel: [ 1234.5] ", "host" },
  { "host kernel: ", NULL },
  { "kernel: ", NULL },
  { "12:00:01 some other tool said: ", NULL },
  { "<4>", NULL },
};

static void
test_line_prefixes (void)
{
  static const char rec[] =
    "audit: type=1400 audit(1718363796.123:77): apparmor=\"DENIED\" operation=\"open\" "
    "class=\"file\" profile=\"snap.demo.demo\" name=\"/etc/x.conf\" pid=1 comm=\"demo\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";

  g_test_summary ("Whatever prefix comes before a record (dmesg -T, syslog priority, RFC 5424, "
                  "space-separated ISO time, bare host and tag), the record is found and the "
                  "audit header gives its time and id");

  for (guint i = 0; i < G_N_ELEMENTS (line_prefixes); i++)
    {
      g_autofree char *line = g_strconcat (line_prefixes[i].prefix, rec, NULL);
      g_autoptr(ScDenial) denial = NULL;
      guint64 lost = 0;

      g_test_message ("line: %s", line);
      g_assert_cmpint (sc_denial_parse_line (line, -1, 2024, &denial, &lost), ==, SC_RECORD_DENIAL);
      g_assert_cmpstr (denial->object, ==, "/etc/x.conf");
      g_assert_cmpstr (denial->app, ==, "demo");
      g_assert_cmpstr (denial->audit_id, ==, "1718363796.123:77");
      g_assert_cmpint (denial->timestamp_usec, ==, G_GINT64_CONSTANT (1718363796123000));
      g_assert_cmpstr (denial->host, ==, line_prefixes[i].host);
    }
}

/* Other record starts after unknown prefixes. */
static const struct
{
  const char   *line;
  ScRecordType  type;
  guint64       lost;
  const char   *record_type;
  const char   *object;
  const char   *audit_id;
} other_starts[] = {
  { "[Fri Jun 14 13:16:36 2024] audit: audit_lost=5 audit_rate_limit=0 audit_backlog_limit=64",
    SC_RECORD_RATELIMIT, 5, NULL, NULL, NULL },
  { "<4>kernel: kauditd_printk_skb: 3 callbacks suppressed", SC_RECORD_RATELIMIT, 3, NULL, NULL, NULL },
  { "myhost 2024/06/14 audit: rate limit exceeded", SC_RECORD_RATELIMIT, 1, NULL, NULL, NULL },
  { "pasted> type=AVC msg=audit(1718363796.123:78): apparmor=\"DENIED\" operation=\"open\" "
    "profile=\"snap.demo.demo\" name=\"/etc/y\" requested_mask=\"r\" denied_mask=\"r\"",
    SC_RECORD_DENIAL, 0, "AVC", "/etc/y", "1718363796.123:78" },
  { "pasted> AVC apparmor=\"DENIED\" operation=\"open\" profile=\"snap.demo.demo\" "
    "name=\"/etc/z\" requested_mask=\"r\" denied_mask=\"r\"",
    SC_RECORD_DENIAL, 0, "AVC", "/etc/z", NULL },
  { "pasted> SECCOMP auid=1000 uid=1000 gid=1000 ses=3 pid=1 comm=\"demo\" "
    "exe=\"/snap/demo/1/bin/demo\" sig=0 arch=c000003e syscall=165 compat=0 ip=0x1 code=0x50000",
    SC_RECORD_DENIAL, 0, "SECCOMP", "mount", NULL },
  { "pasted> USER_AVC pid=1 uid=103 auid=4294967295 ses=4294967295 msg='apparmor=\"DENIED\" "
    "operation=\"dbus_method_call\" bus=\"system\" path=\"/org/x\" interface=\"org.x.I\" "
    "member=\"M\" mask=\"send\" name=\"org.x\" pid=2 label=\"snap.demo.demo\" peer_pid=3 "
    "peer_label=\"unconfined\"'",
    SC_RECORD_DENIAL, 0, "USER_AVC", "system org.x org.x.I.M /org/x", NULL },
  /* Not records: a file name holding a type word, a quoted key. */
  { "cp: cannot stat 'AVC name=x': No such file", SC_RECORD_NONE, 0, NULL, NULL, NULL },
  { "echo 'apparmor=\"DENIED\"'", SC_RECORD_NONE, 0, NULL, NULL, NULL },
};

static void
test_other_starts (void)
{
  g_test_summary ("Rate-limit notices, auditd records and audit-transport records are found "
                  "after a prefix the parser does not know; text that only quotes a record word "
                  "is not a record");

  for (guint i = 0; i < G_N_ELEMENTS (other_starts); i++)
    {
      g_autoptr(ScDenial) denial = NULL;
      guint64 lost = 0;

      g_test_message ("line: %s", other_starts[i].line);
      g_assert_cmpint (sc_denial_parse_line (other_starts[i].line, -1, 2024, &denial, &lost), ==,
                       other_starts[i].type);
      g_assert_cmpuint (lost, ==, other_starts[i].lost);
      if (other_starts[i].type != SC_RECORD_DENIAL)
        {
          g_assert_null (denial);
          continue;
        }
      g_assert_cmpstr (sc_denial_get_detail (denial, "record_type"), ==, other_starts[i].record_type);
      g_assert_cmpstr (denial->object, ==, other_starts[i].object);
      g_assert_cmpstr (denial->audit_id, ==, other_starts[i].audit_id);
    }
}

static void
test_lost_is_total (void)
{
  static const struct
  {
    const char *line;
    guint64     lost;
    gboolean    total;
  } cases[] = {
    { "audit: audit_lost=5 audit_rate_limit=0 audit_backlog_limit=64", 5, TRUE },
    { "Jun 10 12:00:01 h kernel: audit: audit_lost=12 audit_rate_limit=0", 12, TRUE },
    { "kauditd_printk_skb: 3 callbacks suppressed", 3, FALSE },
    { "audit: rate limit exceeded", 1, FALSE },
    { "audit: backlog limit exceeded", 1, FALSE },
  };

  g_test_summary ("audit_lost=N notices are told apart from the per-notice counts of the other "
                  "rate-limit lines");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 lost = 0;

      g_assert_cmpint (sc_denial_parse_line (cases[i].line, -1, 2024, NULL, &lost), ==, SC_RECORD_RATELIMIT);
      g_assert_cmpuint (lost, ==, cases[i].lost);
      g_assert_cmpint (sc_denial_lost_is_total (cases[i].line, -1), ==, cases[i].total);
    }
  g_assert_false (sc_denial_lost_is_total (NULL, 0));
}

static void
test_duplicate_across_transports (void)
{
  static const char kernel_msg[] =
    "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" operation=\"open\" "
    "class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0";
  static const char audit_msg[] =
    "AVC apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
    "name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" "
    "fsuid=1000 ouid=0";
  /* journald sets _SOURCE_REALTIME_TIMESTAMP from the header: 482 ms. */
  ScRecordContext audit_ctx = {
    .transport = "audit", .audit_type_name = "AVC", .audit_id = "1187",
    .realtime_usec = G_GINT64_CONSTANT (1718031201482000),
  };
  ScRecordContext kernel_ctx = {
    .transport = "kernel", .realtime_usec = G_GINT64_CONSTANT (1718031203999999),
  };
  ScRecordContext other_ctx = audit_ctx;
  g_autoptr(ScDenial) a = NULL;
  g_autoptr(ScDenial) b = NULL;
  g_autoptr(ScDenial) c = NULL;
  g_autoptr(ScDenial) d = NULL;
  g_autoptr(ScDenial) e = NULL;

  g_test_summary ("The same event read from the kernel and the audit transport (and from "
                  "audit.log) gets the same audit_id; another serial does not");

  g_assert_cmpint (sc_denial_parse_message (kernel_msg, -1, &kernel_ctx, &a, NULL), ==,
                   SC_RECORD_DENIAL);
  g_assert_cmpint (sc_denial_parse_message (audit_msg, -1, &audit_ctx, &b, NULL), ==,
                   SC_RECORD_DENIAL);
  g_assert_cmpint (sc_denial_parse_line ("type=AVC msg=audit(1718031201.482:1187): "
                                         "apparmor=\"DENIED\" operation=\"open\" "
                                         "profile=\"snap.foo.foo\" name=\"/etc/foo.conf\"",
                                         -1, 0, &c, NULL), ==, SC_RECORD_DENIAL);
  g_assert_cmpstr (a->audit_id, ==, "1718031201.482:1187");
  g_assert_cmpstr (a->audit_id, ==, b->audit_id);
  g_assert_cmpstr (a->audit_id, ==, c->audit_id);
  g_assert_cmpint (a->timestamp_usec, ==, b->timestamp_usec);
  g_assert_cmpstr (a->transport, ==, "kernel");
  g_assert_cmpstr (b->transport, ==, "audit");

  /* Millisecond padding: 5 ms must print as ".005". */
  other_ctx.realtime_usec = G_GINT64_CONSTANT (1718031201005000);
  other_ctx.audit_id = "7";
  g_assert_cmpint (sc_denial_parse_message (audit_msg, -1, &other_ctx, &d, NULL), ==,
                   SC_RECORD_DENIAL);
  g_assert_cmpstr (d->audit_id, ==, "1718031201.005:7");
  g_assert_cmpstr (d->audit_id, !=, a->audit_id);

  /* Without a serial there is nothing to deduplicate on. */
  other_ctx.audit_id = NULL;
  g_assert_cmpint (sc_denial_parse_message (audit_msg, -1, &other_ctx, &e, NULL), ==,
                   SC_RECORD_DENIAL);
  g_assert_null (e->audit_id);
}

static void
test_split_label (void)
{
  static const struct
  {
    const char *label;
    gboolean    ok;
    const char *snap, *instance, *app, *hook;
  } cases[] = {
    { "snap.foo.foo", TRUE, "foo", "foo", "foo", NULL },
    { "snap.foo_bar.app", TRUE, "foo", "foo_bar", "app", NULL },
    { "snap.foo.hook.configure", TRUE, "foo", "foo", NULL, "configure" },
    { "snap.foo_x1.hook.post-refresh", TRUE, "foo", "foo_x1", NULL, "post-refresh" },
    { "snap.foo+comp.hook.install", TRUE, "foo", "foo", NULL, "install" },
    { "snap.my-snap.My-App2", TRUE, "my-snap", "my-snap", "My-App2", NULL },
    { "snap.foo.foo//null-/usr/bin/x", TRUE, "foo", "foo", "foo", NULL },
    { "snap.foo.foo (complain)", TRUE, "foo", "foo", "foo", NULL },
    { "snap.foo.hook", TRUE, "foo", "foo", "hook", NULL },
    { "snap-update-ns.foo", FALSE },
    { "/usr/lib/snapd/snap-confine", FALSE },
    { "unconfined", FALSE },
    { "snap.foo", FALSE },
    { "snap..foo", FALSE },
    { "snap.Foo.foo", FALSE },
    { "snap.foo--bar.foo", FALSE },
    { "snap.-foo.foo", FALSE },
    { "snap.123.foo", FALSE },
    { "snap.foo_.foo", FALSE },
    { "snap.foo_toolongkey1.foo", FALSE },
    { "snap.foo.fo_o", FALSE },
    { "snap.foo.hook.Configure", FALSE },
    { "snap.foo+comp.app", FALSE },
    { "snap.", FALSE },
    { "", FALSE },
  };

  g_test_summary ("Security labels split into snap, instance, app or hook following snapd's "
                  "naming rules; anything else is rejected");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *snap = NULL;
      g_autofree char *instance = NULL;
      g_autofree char *app = NULL;
      g_autofree char *hook = NULL;
      gboolean ok;

      g_test_message ("label %s", cases[i].label);
      ok = sc_denial_split_label (cases[i].label, &snap, &instance, &app, &hook);
      g_assert_cmpint (ok, ==, cases[i].ok);
      g_assert_cmpstr (snap, ==, cases[i].snap);
      g_assert_cmpstr (instance, ==, cases[i].instance);
      g_assert_cmpstr (app, ==, cases[i].app);
      g_assert_cmpstr (hook, ==, cases[i].hook);
    }
  g_assert_false (sc_denial_split_label (NULL, NULL, NULL, NULL, NULL));
  g_assert_true (sc_denial_split_label ("snap.a.b", NULL, NULL, NULL, NULL));
}

static void
test_syscall_name (void)
{
  static const struct
  {
    guint32     arch;
    int         nr;
    const char *name;
  } cases[] = {
    { 0xc000003e, 165, "mount" },
    { 0xc000003e, 330, "pkey_alloc" },
    { 0xc000003e, 0x40000000 | 165, "mount" },   /* x32 */
    { 0xc00000b7, 40, "mount" },
    { 0x40000003, 21, "mount" },
    { 0x40000003, 102, "socketcall" },
    { 0x40000028, 983045, "set_tls" },
    { 0xc0000015, 21, "mount" },
    { 0x80000016, 21, "mount" },
    { 0xc00000f3, 40, "mount" },
    { 0xdeadbeef, 1, NULL },
    { 0, 1, NULL },
    { 0xc000003e, -1, NULL },
    { 0xc000003e, 99999, NULL },
  };

  g_test_summary ("Syscall numbers resolve with the record's own architecture");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = sc_syscall_name (cases[i].arch, cases[i].nr);
      g_test_message ("arch %08x nr %d", cases[i].arch, cases[i].nr);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

typedef struct
{
  const char *file;
  guint       denials;    /* noise == FALSE */
  guint       noise;
  guint       ratelimit;
  guint64     lost;
  guint       none;
  gboolean    untimed;    /* journalctl -o cat of the audit transport: no time anywhere */
} FileCase;

static const FileCase file_cases[] = {
  { "kernel-cat.txt", 7, 2, 2, 13, 3 },
  { "audit-cat.txt", 4, 2, 0, 0, 3, TRUE },
  { "syslog.txt", 4, 1, 1, 152, 2 },
  { "kern-iso.log", 3, 1, 1, 5, 1 },
  { "audit.log", 4, 1, 0, 0, 3 },
  { "journalctl-short.txt", 5, 0, 1, 3, 3 },
  { "journalctl-short-iso.txt", 3, 0, 0, 0, 0 },
  { "journalctl-short-precise.txt", 2, 0, 0, 0, 0 },
  { "journalctl-short-monotonic.txt", 2, 0, 1, 7, 0 },
  { "journalctl-short-full.txt", 2, 1, 0, 0, 1 },
  { "dmesg.txt", 3, 0, 1, 20, 1 },
  { "old-kernel.txt", 3, 1, 0, 0, 0 },
};

static void
test_parse_file (gconstpointer data)
{
  const FileCase *fc = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "denials", fc->file, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  guint denials = 0, noise = 0, ratelimit = 0, none = 0;
  guint64 lost_total = 0;
  const char *p, *end;

  g_test_summary ("Every line of a text-log fixture parses, and the numbers of denials, "
                  "noise records, rate-limit notices and other lines are as expected");

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  p = contents;
  end = contents + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl != NULL ? nl : end;
      g_autoptr(ScDenial) denial = NULL;
      guint64 lost = 0;

      switch (sc_denial_parse_line (p, line_end - p, 2024, &denial, &lost))
        {
        case SC_RECORD_DENIAL:
          g_assert_nonnull (denial);
          /* Every denial has a time unless the format has none. */
          if (fc->untimed)
            g_assert_cmpint (denial->timestamp_usec, ==, 0);
          else
            g_assert_cmpint (denial->timestamp_usec, >, 0);
          g_assert_cmpstr (denial->transport, ==, "text");
          g_assert_nonnull (denial->operation);
          if (denial->noise)
            noise++;
          else
            denials++;
          break;
        case SC_RECORD_RATELIMIT:
          ratelimit++;
          lost_total += lost;
          break;
        case SC_RECORD_NONE:
        default:
          g_assert_null (denial);
          none++;
          break;
        }
      p = line_end + 1;
    }

  g_assert_cmpuint (denials, ==, fc->denials);
  g_assert_cmpuint (noise, ==, fc->noise);
  g_assert_cmpuint (ratelimit, ==, fc->ratelimit);
  g_assert_cmpuint (lost_total, ==, fc->lost);
  g_assert_cmpuint (none, ==, fc->none);
}

static void
test_robustness (void)
{
  static const char * const inputs[] = {
    "apparmor=",
    "apparmor=\"",
    "apparmor=\"DENIED",
    "audit: type=1400 audit(",
    "audit: type=1400 audit(1.1:1): ",
    "audit: type=1400 audit(1.001:1): apparmor=\"DENIED\" msg='",
    "audit: type=1107 audit(1.001:1): msg='apparmor=\"DENIED\" operation=\"dbus_bind\"",
    "audit: type=1326 audit(1.001:1): syscall=",
    "audit: type=1326 audit(1.001:1): arch=zz syscall=-5 code=0xFFFFFFFFFFFF",
    "AVC ",
    "USER_AVC msg=''",
    "SECCOMP syscall=1 arch=c000003e",
    "kauditd_printk_skb: ",
    "kauditd_printk_skb: 99999999999999999999999 callbacks suppressed",
    "audit: audit_lost=",
    "[",
    "[ 1.0]",
    "Jun",
    "Jun 10 99:99:99 h k: apparmor=\"DENIED\" operation=\"open\" profile=\"snap.a.b\"",
    "2024-99-99T99:99:99Z h k: apparmor=\"DENIED\" operation=\"open\" profile=\"snap.a.b\"",
    "apparmor=\"DENIED\" operation=\"open\" name=2F00 profile=\"snap.a.b\"",
    "apparmor=\"DENIED\" operation=\"open\" name=FF profile=ZZ",
    "apparmor=\"DENIED\" operation=\"capable\" capability=99999999999999999999",
    "apparmor=\"DENIED\" operation=\"connect\" family=\"unix\" sock_type=\"stream\" "
    "peer_addr=\"@00\"",
  };
  g_autofree char *big = NULL;
  GString *many;

  g_test_summary ("Truncated, malformed and oversized records never crash and give valid "
                  "UTF-8 strings");

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(ScDenial) a = NULL;
      g_autoptr(ScDenial) b = NULL;
      guint64 lost = 0;

      sc_denial_parse_message (inputs[i], -1, NULL, &a, &lost);
      sc_denial_parse_line (inputs[i], -1, 0, &b, &lost);
      if (a != NULL && a->object != NULL)
        g_assert_true (g_utf8_validate (a->object, -1, NULL));
    }

  /* Not NUL-terminated: the parser must stop at LEN. */
  {
    static const char rec[] = "apparmor=\"DENIED\" operation=\"open\" profile=\"snap.a.b\" "
                              "name=\"/etc/x\"";
    char *copy = g_malloc (sizeof rec - 1);
    g_autoptr(ScDenial) d = NULL;

    memcpy (copy, rec, sizeof rec - 1);
    g_assert_cmpint (sc_denial_parse_message (copy, sizeof rec - 1, NULL, &d, NULL), ==,
                     SC_RECORD_DENIAL);
    g_assert_cmpstr (d->object, ==, "/etc/x");
    g_free (copy);
  }

  /* More fields than the tokenizer keeps, and a very long value. */
  many = g_string_new ("apparmor=\"DENIED\" operation=\"open\" profile=\"snap.a.b\"");
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (many, " k%u=v%u", i, i);
  g_string_append (many, " name=\"/late\"");
  big = g_string_free (many, FALSE);
  {
    g_autoptr(ScDenial) d = NULL;
    g_assert_cmpint (sc_denial_parse_message (big, -1, NULL, &d, NULL), ==, SC_RECORD_DENIAL);
    g_assert_cmpstr (d->snap, ==, "a");
  }

  /* Embedded NUL bytes in hex are shown escaped, never cut the string. */
  {
    g_autoptr(ScDenial) d = NULL;
    g_assert_cmpint (sc_denial_parse_message ("apparmor=\"DENIED\" operation=\"open\" "
                                              "profile=\"snap.a.b\" name=2F610062", -1,
                                              NULL, &d, NULL), ==, SC_RECORD_DENIAL);
    g_assert_cmpstr (d->object, ==, "/a\\x00b");
  }
}

static void
test_speed (void)
{
  static const char * const records[] = {
    "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" operation=\"open\" "
    "class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/foo.conf\" pid=4242 comm=\"foo\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0",
    "audit: type=1326 audit(1718031201.510:1190): auid=1000 uid=1000 gid=1000 ses=2 "
    "subj=snap.foo.foo pid=4242 comm=\"foo\" exe=\"/snap/foo/12/usr/bin/foo\" sig=0 "
    "arch=c000003e syscall=203 compat=0 ip=0x7f3a1c2b3d4e code=0x50000",
    "apparmor=\"DENIED\" operation=\"dbus_method_call\"  bus=\"session\" "
    "path=\"/org/freedesktop/DBus\" interface=\"org.freedesktop.DBus\" member=\"RequestName\" "
    "mask=\"send\" name=\"org.freedesktop.DBus\" pid=10640 label=\"snap.vlc.vlc\" "
    "peer_label=\"unconfined\"",
  };
  static const char * const others[] = {
    "usb 1-1: new high-speed USB device number 5 using xhci_hcd",
    "audit: type=1130 audit(1718031201.550:1194): pid=1 uid=0 auid=4294967295 "
    "ses=4294967295 subj=unconfined msg='unit=systemd-tmpfiles-clean res=success'",
    "Started Session 3 of User alice.",
    "wlp2s0: associated with 00:11:22:33:44:55 (capab=0x431 status=0 aid=5)",
  };
  gint64 start, records_usec, others_usec, kernel_usec;
  const guint n_records = 10000, n_others = 1000000;
  guint found = 0;

  g_test_summary ("Parsing 10,000 records and rejecting 1,000,000 other messages stays "
                  "well inside the journal benchmark's budget");

  if (!g_test_perf () && !g_test_thorough () && g_getenv ("SC_TEST_SPEED") == NULL)
    {
      g_test_skip ("Timing test: run with -m perf, -m thorough or SC_TEST_SPEED=1");
      return;
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_records; i++)
    {
      ScDenial *d = NULL;
      if (sc_denial_parse_message (records[i % G_N_ELEMENTS (records)], -1, NULL, &d, NULL) ==
          SC_RECORD_DENIAL)
        found++;
      sc_denial_unref (d);
    }
  records_usec = g_get_monotonic_time () - start;

  /* Without a context every unknown message gets one search for
   * "apparmor="; with the kernel transport the first bytes decide. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_others; i++)
    {
      ScDenial *d = NULL;
      if (sc_denial_parse_message (others[i % G_N_ELEMENTS (others)], -1, NULL, &d, NULL) !=
          SC_RECORD_NONE)
        found++;
      sc_denial_unref (d);
    }
  others_usec = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_others; i++)
    {
      ScDenial *d = NULL;
      if (sc_denial_parse_message (others[i % G_N_ELEMENTS (others)], -1,
                                   &contexts[VIA_KERNEL], &d, NULL) != SC_RECORD_NONE)
        found++;
      sc_denial_unref (d);
    }
  kernel_usec = g_get_monotonic_time () - start;

  g_test_message ("%u records: %.1f ms; %u other messages: %.1f ms without context, "
                  "%.1f ms as kernel messages", n_records, records_usec / 1000.0, n_others,
                  others_usec / 1000.0, kernel_usec / 1000.0);
  g_test_minimized_result (records_usec / 1e6, "records: %.3f s", records_usec / 1e6);
  g_test_minimized_result (others_usec / 1e6, "others: %.3f s", others_usec / 1e6);
  g_test_minimized_result (kernel_usec / 1e6, "kernel others: %.3f s", kernel_usec / 1e6);
  g_assert_cmpuint (found, ==, n_records);
}

static void
test_qa_noise_and_empty (void)
{
  static const char *disconnected =
    "audit: type=1400 audit(1718363796.001:1): apparmor=\"DENIED\" operation=\"open\" "
    "class=\"file\" info=\"Failed name lookup - disconnected path\" error=-13 "
    "profile=\"snap.demo.demo\" name=\"apparmor/.null\" pid=2 comm=\"demo\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0";
  static const char * const empty[] = { "apparmor=", "apparmor=\"", "apparmor=\"DENIED\"" };
  g_autoptr(ScDenial) denial = NULL;
  guint64 lost = 0;

  g_test_summary ("A disconnected-path record is attributed but kept apart as noise; a record "
                  "naming neither an operation nor a profile is not a denial (QA-19, QA-22)");

  g_assert_cmpint (sc_denial_parse_line (disconnected, -1, 2024, &denial, &lost), ==,
                   SC_RECORD_DENIAL);
  g_assert_cmpstr (denial->snap, ==, "demo");
  g_assert_cmpstr (denial->app, ==, "demo");
  g_assert_true (denial->noise);
  g_assert_nonnull (strstr (denial->noise_reason, "disconnected path"));

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(ScDenial) none = NULL;

      g_assert_cmpint (sc_denial_parse_line (empty[i], -1, 2024, &none, &lost), ==, SC_RECORD_NONE);
      g_assert_null (none);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Syslog time stamps are local time; pin the zone so expectations hold. */
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/denial-parser/record/%s", parse_cases[i].name);
      g_test_add_data_func (path, &parse_cases[i], test_parse_table);
    }
  for (guint i = 0; i < G_N_ELEMENTS (file_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/denial-parser/file/%s", file_cases[i].file);
      g_test_add_data_func (path, &file_cases[i], test_parse_file);
    }
  g_test_add_func ("/denial-parser/duplicate-across-transports", test_duplicate_across_transports);
  g_test_add_func ("/denial-parser/line-prefixes", test_line_prefixes);
  g_test_add_func ("/denial-parser/other-record-starts", test_other_starts);
  g_test_add_func ("/denial-parser/lost-is-total", test_lost_is_total);
  g_test_add_func ("/denial-parser/split-label", test_split_label);
  g_test_add_func ("/denial-parser/syscall-name", test_syscall_name);
  g_test_add_func ("/denial-parser/robustness", test_robustness);
  g_test_add_func ("/denial-parser/qa-noise-and-empty", test_qa_noise_and_empty);
  g_test_add_func ("/denial-parser/speed", test_speed);

  return g_test_run ();
}

/* test-suggestion-rules.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sc-denial-parser.h"
#include "sc-interface-catalogue.h"
#include "sc-suggestion-rules.h"

/* Builds a denial of snap "myapp", app "myapp". DETAILS is
 * "key=value;key=value"; the key "profile" sets the label instead. */
static ScDenial *
make_denial (ScDenialKind  kind,
             const char   *operation,
             const char   *object,
             const char   *permissions,
             const char   *details)
{
  ScDenial *denial = sc_denial_new ();

  denial->kind = kind;
  denial->mode = SC_DENIAL_MODE_DENIED;
  denial->snap = g_strdup ("myapp");
  denial->instance = g_strdup ("myapp");
  denial->app = g_strdup ("myapp");
  denial->profile = g_strdup ("snap.myapp.myapp");
  denial->operation = g_strdup (operation);
  denial->object = g_strdup (object);
  denial->permissions = g_strdup (permissions);

  if (kind == SC_DENIAL_KIND_FILE && object != NULL)
    sc_denial_set_detail (denial, "name", object);
  if (kind == SC_DENIAL_KIND_CAPABILITY && object != NULL)
    sc_denial_set_detail (denial, "capname", object);
  if (kind == SC_DENIAL_KIND_SECCOMP && object != NULL)
    sc_denial_set_detail (denial, "syscall_name", object);

  if (details != NULL)
    {
      g_auto(GStrv) pairs = g_strsplit (details, ";", -1);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);

          g_assert_nonnull (kv[0]);
          g_assert_nonnull (kv[1]);
          if (strcmp (kv[0], "profile") == 0)
            {
              g_free (denial->profile);
              denial->profile = g_strdup (kv[1]);
            }
          else
            {
              sc_denial_set_detail (denial, kv[0], kv[1]);
            }
        }
    }
  return denial;
}

typedef struct
{
  ScDenialKind  kind;
  const char   *operation;
  const char   *object;
  const char   *permissions;
  const char   *details;
  const char   *first;      /* expected first interface; NULL: no suggestion */
  gboolean      fix;        /* a "not an interface problem" text is expected */
} RuleCase;

#define FILE_  SC_DENIAL_KIND_FILE
#define UNIX_  SC_DENIAL_KIND_UNIX
#define NET_   SC_DENIAL_KIND_NETWORK
#define CAP_   SC_DENIAL_KIND_CAPABILITY
#define DBUS_  SC_DENIAL_KIND_DBUS
#define SIG_   SC_DENIAL_KIND_SIGNAL
#define PTR_   SC_DENIAL_KIND_PTRACE
#define MNT_   SC_DENIAL_KIND_MOUNT
#define SCMP_  SC_DENIAL_KIND_SECCOMP
#define OTH_   SC_DENIAL_KIND_OTHER

#define OWN "fsuid=1000;ouid=1000"

static const RuleCase rule_cases[] = {
  /* §6.4 Not an interface problem */
  { FILE_, "open", "/snap/myapp/12/lib/cache.db", "wc", OWN, NULL, TRUE },
  { FILE_, "mkdir", "/snap/myapp/x3/lib/__pycache__", "c", OWN, NULL, TRUE },
  { FILE_, "open", "/var/snap/myapp/11/state.json", "w", "fsuid=0;ouid=0", NULL, TRUE },
  { FILE_, "open", "/home/alice/snap/myapp/10/notes", "w", OWN, NULL, TRUE },
  { FILE_, "open", "/home/alice/snap/myapp/common/x", "r", "fsuid=1000;ouid=1001", NULL, TRUE },
  { FILE_, "open", "/home/alice/bin/tool", "wc", OWN, NULL, TRUE },
  /* Was only the fix (name the segment snap.myapp.*): shared-memory with
   * private: true gives the snap its own /dev/shm,
   * offered with the fix. */
  { FILE_, "open", "/dev/shm/myshm", "wc", OWN, "shared-memory", TRUE },
  { FILE_, "open", "/run/myapp/daemon.pid", "wc", "fsuid=0;ouid=0", NULL, TRUE },
  { FILE_, "open", "/run/lock/myapp.lock", "wk", "fsuid=0;ouid=0", NULL, TRUE },
  { FILE_, "open", "/var/lib/myapp/db.sqlite", "r", "fsuid=0;ouid=0", NULL, TRUE },
  { FILE_, "open", "/opt/vendor/lib/libthing.so", "r", OWN, NULL, TRUE },
  { FILE_, "open", "/usr/lib/x86_64-linux-gnu/libfoo.so.1", "r", OWN, NULL, TRUE },
  { FILE_, "file_inherit", "/dev/pts/0", "wr", OWN, NULL, TRUE },
  { FILE_, "open", "/home/alice/snap/othersnap/5/data", "r", OWN, NULL, TRUE },
  { SCMP_, "chown", "chown", NULL, NULL, NULL, TRUE },
  { SCMP_, "setuid", "setuid", NULL, NULL, NULL, TRUE },
  { SCMP_, "openat2", "openat2", NULL, NULL, NULL, TRUE },
  { SCMP_, "pkey_alloc", "pkey_alloc", NULL, NULL, NULL, TRUE },
  { CAP_, "capable", "fowner", NULL, NULL, NULL, TRUE },
  { CAP_, "capable", "setuid", NULL, NULL, NULL, TRUE },
  { CAP_, "capable", "dac_override", NULL, NULL, "log-observe", TRUE },
  { MNT_, "mount", "/usr/share/fonts-2/", NULL, "profile=snap-update-ns.myapp;flags=rw, bind",
    NULL, TRUE },
  { CAP_, "capable", "perfmon", NULL, "profile=/usr/lib/snapd/snap-confine", NULL, TRUE },

  /* §6.5 Home, user data and configuration */
  { FILE_, "open", "/home/alice/Documents/a.txt", "r", OWN, "home", FALSE },
  { FILE_, "open", "/home/alice/Documents/a.txt", "r", "fsuid=0;ouid=1000", "home", FALSE },
  { FILE_, "mkdir", "/home/alice/Music", "c", OWN, "home", FALSE },
  { FILE_, "open", "/root/notes.txt", "r", "fsuid=0;ouid=0", "home", FALSE },
  { FILE_, "open", "/home/alice/snap/", "r", OWN, "home", FALSE },
  { FILE_, "open", "/home/alice/.config/myapp/settings.ini", "r", OWN, "personal-files", FALSE },
  { FILE_, "open", "/home/alice/.gitconfig", "r", OWN, "personal-files", FALSE },
  { FILE_, "open", "/home/alice/.mozilla/firefox/profiles.ini", "w", OWN, "personal-files", FALSE },
  { FILE_, "open", "/home/alice/.ssh/id_rsa", "r", OWN, "ssh-keys", FALSE },
  { FILE_, "open", "/home/alice/.ssh/id_ed25519.pub", "r", OWN, "ssh-public-keys", FALSE },
  { FILE_, "open", "/home/alice/.gnupg/pubring.kbx", "r", OWN, "gpg-public-keys", FALSE },
  { FILE_, "open", "/home/alice/.gnupg/random_seed", "w", OWN, "gpg-keys", FALSE },
  { FILE_, "connect", "/run/user/1000/gnupg/S.gpg-agent", "wr", OWN, "gpg-keys", FALSE },
  { FILE_, "open", "/home/alice/.config/dconf/user", "r", OWN, "gsettings", FALSE },
  { FILE_, "open", "/run/user/1000/dconf/user", "wr", OWN, "gsettings", FALSE },
  { FILE_, "open", "/home/alice/.config/pulse/cookie", "r", OWN, "audio-playback", FALSE },
  { FILE_, "open", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "r", OWN, "desktop", FALSE },
  { FILE_, "open", "/home/alice/.config/gtk-3.0/settings.ini", "r", OWN, "desktop", FALSE },
  { FILE_, "open", "/home/alice/.config/user-dirs.dirs", "r", OWN, "desktop", FALSE },
  { FILE_, "open", "/home/alice/.Xauthority", "r", OWN, "x11", FALSE },
  /* Was desktop: desktop reads only the snap's own .desktop files there;
   * another snap's needs desktop-launch. */
  { FILE_, "open", "/var/lib/snapd/desktop/applications/other_other.desktop", "r", OWN,
    "desktop-launch", FALSE },
  { FILE_, "open", "/home/alice/.local/share/juju/accounts.yaml", "r", OWN,
    "juju-client-observe", FALSE },
  { FILE_, "open", "/var/lib/snapd/hostfs/tmp/krb5cc_1000", "rk", OWN, "kerberos-tickets", FALSE },
  { FILE_, "open", "/run/user/1000/doc/a1b2c3/report.pdf", "r", OWN, "desktop", FALSE },
  { FILE_, "open", "/run/user/1000/gvfs/smb-share:server=nas,share=x/f", "r", OWN, "home", FALSE },
  { FILE_, "open", "/media/alice/USB/photo.jpg", "r", OWN, "removable-media", FALSE },
  { FILE_, "open", "/mnt/data/out.bin", "wc", OWN, "removable-media", FALSE },
  { FILE_, "open", "/etc/hostname", "w", "fsuid=0;ouid=0", "hostname-control", FALSE },
  { FILE_, "open", "/etc/timezone", "w", "fsuid=0;ouid=0", "timezone-control", FALSE },
  { FILE_, "open", "/etc/default/locale", "w", "fsuid=0;ouid=0", "locale-control", FALSE },
  { FILE_, "open", "/etc/netplan/01-netcfg.yaml", "r", "fsuid=0;ouid=0",
    "network-setup-observe", FALSE },
  { FILE_, "open", "/etc/fstab", "r", "fsuid=1000;ouid=0", "mount-observe", FALSE },
  { FILE_, "open", "/etc/ssh/ssh_config", "r", "fsuid=1000;ouid=0", "ssh-keys", FALSE },
  { FILE_, "open", "/etc/shadow", "r", "fsuid=0;ouid=0", NULL, TRUE },
  { FILE_, "open", "/etc/resolv.conf", "r", "fsuid=1000;ouid=0", "network", FALSE },
  { FILE_, "open", "/etc/mytool/conf.d/x.conf", "r", "fsuid=1000;ouid=0", "system-files", FALSE },
  { FILE_, "open", "/var/log/syslog", "r", "fsuid=1000;ouid=0", "log-observe", FALSE },
  { FILE_, "open", "/boot/config-6.1.0-18-amd64", "r", "fsuid=1000;ouid=0", "system-observe",
    FALSE },
  { FILE_, "open", "/snap/othersnap/5/usr/share/data.bin", "r", OWN, "content", FALSE },
  { FILE_, "open", "/var/snap/othersnap/common/shared/x", "r", OWN, "content", FALSE },

  /* §6.6 Devices */
  { FILE_, "open", "/dev/video0", "wr", OWN, "camera", FALSE },
  { FILE_, "open", "/dev/snd/pcmC0D0p", "wr", OWN, "alsa", FALSE },
  { FILE_, "open", "/dev/dri/renderD128", "wr", OWN, "opengl", FALSE },
  { FILE_, "open", "/dev/nvidia0", "wr", OWN, "opengl", FALSE },
  { FILE_, "open", "/dev/input/js0", "r", OWN, "joystick", FALSE },
  { FILE_, "open", "/dev/input/event3", "r", OWN, "raw-input", FALSE },
  { FILE_, "open", "/dev/uinput", "w", OWN, "uinput", FALSE },
  { FILE_, "open", "/dev/hidraw3", "wr", OWN, "u2f-devices", FALSE },
  { FILE_, "open", "/dev/bus/usb/001/004", "wr", OWN, "raw-usb", FALSE },
  { FILE_, "open", "/dev/ttyUSB0", "wr", OWN, "raw-usb", FALSE },
  { FILE_, "open", "/dev/ttyS0", "wr", OWN, "serial-port", FALSE },
  { FILE_, "open", "/dev/sr0", "r", OWN, "optical-drive", FALSE },
  { FILE_, "open", "/dev/sda1", "r", "fsuid=0;ouid=0", "block-devices", FALSE },
  { FILE_, "open", "/dev/fuse", "wr", OWN, "fuse-support", FALSE },
  { FILE_, "open", "/dev/kvm", "wr", OWN, "kvm", FALSE },
  { FILE_, "open", "/dev/net/tun", "wr", "fsuid=0;ouid=0", "network-control", FALSE },
  { FILE_, "open", "/dev/tpmrm0", "wr", "fsuid=0;ouid=0", "tpm", FALSE },
  { FILE_, "open", "/dev/rtc0", "r", "fsuid=0;ouid=0", "time-control", FALSE },
  { FILE_, "open", "/dev/hwrng", "r", "fsuid=0;ouid=0", "hardware-random-observe", FALSE },
  { FILE_, "open", "/dev/i2c-1", "wr", "fsuid=0;ouid=0", "i2c", FALSE },
  { FILE_, "open", "/dev/fb0", "wr", OWN, "framebuffer", FALSE },
  { FILE_, "open", "/dev/kmsg", "r", "fsuid=0;ouid=0", "log-observe", FALSE },

  /* §6.7 /sys, /proc, /run/udev */
  { FILE_, "open",
    "/sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-eDP-1/intel_backlight/brightness",
    "w", "fsuid=0;ouid=0", "display-control", FALSE },
  /* Was hardware-observe: the base template allows reading everything under
   * /sys/devices/system/cpu. */
  { FILE_, "open", "/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "r",
    "fsuid=1000;ouid=0", NULL, TRUE },
  { FILE_, "open", "/proc/1234/mounts", "r", OWN, "mount-observe", FALSE },
  { FILE_, "open", "/proc/1234/task/1240/mountinfo", "r", OWN, "mount-observe", FALSE },
  { FILE_, "open", "/proc/4321/cmdline", "r", "fsuid=1000;ouid=0", "system-observe", FALSE },
  /* Was network-observe: the base template has "@{PROC}/@{pid}/net/dev r". */
  { FILE_, "open", "/proc/1234/net/dev", "r", OWN, NULL, TRUE },
  { FILE_, "open", "/proc/1234/net/tcp", "r", OWN, "network-observe", FALSE },
  { FILE_, "open", "/proc/sys/net/ipv4/ip_forward", "w", "fsuid=0;ouid=0", "network-control",
    FALSE },
  { FILE_, "open", "/proc/1234/oom_score_adj", "w", OWN, NULL, TRUE },
  /* Was hardware-observe: abstractions/base, which the base template
   * includes, has "@{PROC}/cpuinfo r". */
  { FILE_, "open", "/proc/cpuinfo", "r", "fsuid=1000;ouid=0", NULL, TRUE },
  { FILE_, "open", "/proc/interrupts", "r", "fsuid=1000;ouid=0", "hardware-observe", FALSE },
  { FILE_, "open", "/run/udev/data/c189:3", "r", "fsuid=1000;ouid=0", "raw-usb", FALSE },
  { FILE_, "open", "/run/udev/data/+sound:card0", "r", "fsuid=1000;ouid=0", "audio-playback",
    FALSE },
  { FILE_, "open", "/run/udev/data/c81:0", "r", "fsuid=1000;ouid=0", "camera", FALSE },
  { FILE_, "open", "/run/udev/data/b8:0", "r", "fsuid=1000;ouid=0", "hardware-observe", FALSE },
  { FILE_, "open", "/run/systemd/sessions/2", "r", "fsuid=1000;ouid=0", "login-session-observe",
    FALSE },
  { FILE_, "open", "/sys/kernel/tracing/trace", "r", "fsuid=0;ouid=0", "system-trace", FALSE },

  /* §6.8 Sockets */
  { FILE_, "connect", "/run/user/1000/wayland-0", "wr", OWN, "wayland", FALSE },
  { UNIX_, "connect", "@/tmp/.X11-unix/X0", "send connect",
    "family=unix;sock_type=stream;addr=none;peer_addr=@/tmp/.X11-unix/X0;peer=unconfined",
    "x11", FALSE },
  { FILE_, "connect", "/run/user/1000/pulse/native", "wr", OWN, "audio-playback", FALSE },
  { FILE_, "connect", "/run/user/1000/pipewire-0", "wr", OWN, "pipewire", FALSE },
  { FILE_, "connect", "/run/user/1000/bus", "wr", OWN, "desktop", FALSE },
  { FILE_, "connect", "/run/cups/cups.sock", "wr", OWN, "cups-control", FALSE },
  { FILE_, "connect", "/run/snapd.socket", "wr", OWN, "snapd-control", FALSE },
  /* Was a connect to @xtables: iptables binds that abstract socket as a
   * lock, and firewall-control allows only "unix (bind, listen)" on it. */
  { UNIX_, "bind", "@xtables", "bind", "family=unix;sock_type=stream;addr=@xtables",
    "firewall-control", FALSE },
  { UNIX_, "connect", "@/tmp/.ICE-unix/1234", "send",
    "family=unix;sock_type=stream;peer_addr=@/tmp/.ICE-unix/1234", NULL, TRUE },
  { UNIX_, "connect", "@/tmp/ibus/dbus-AbCd", "send",
    "family=unix;sock_type=stream;peer_addr=@/tmp/ibus/dbus-AbCd", "desktop-legacy", FALSE },
  { UNIX_, "connect", "unix stream", "send",
    "family=unix;sock_type=stream;peer_label=snap.other.server", NULL, TRUE },

  /* §6.9 Network families and netlink */
  { NET_, "create", "inet stream", "create", "family=inet;sock_type=stream;protocol=6", "network",
    FALSE },
  { NET_, "bind", "inet6 stream", "bind", "family=inet6;sock_type=stream;protocol=0",
    "network-bind", FALSE },
  { NET_, "create", "inet raw 1", "create", "family=inet;sock_type=raw;protocol=1",
    "network-observe", FALSE },
  { NET_, "create", "packet raw", "create", "family=packet;sock_type=raw;protocol=768",
    "network-control", FALSE },
  { NET_, "create", "netlink raw", "create", "family=netlink;sock_type=raw;protocol=0",
    "network", FALSE },
  { NET_, "create", "netlink raw 15", "create", "family=netlink;sock_type=raw;protocol=15",
    "hardware-observe", FALSE },
  { NET_, "create", "netlink raw 9", "create", "family=netlink;sock_type=raw;protocol=9",
    "netlink-audit", FALSE },
  { NET_, "create", "netlink raw 12", "create", "family=netlink;sock_type=raw;protocol=12",
    "firewall-control", FALSE },
  { NET_, "create", "netlink dgram 4", "create", "family=netlink;sock_type=dgram;protocol=4",
    "network-observe", FALSE },
  { NET_, "create", "bluetooth seqpacket", "create", "family=bluetooth;sock_type=seqpacket",
    "bluez", FALSE },
  { NET_, "create", "alg seqpacket", "create", "family=alg;sock_type=seqpacket;protocol=0",
    "kernel-crypto-api", FALSE },
  { NET_, "create", "can raw", "create", "family=can;sock_type=raw;protocol=1", "can-bus", FALSE },

  /* §6.10 Capabilities */
  { CAP_, "capable", "net_admin", NULL, NULL, "network-control", FALSE },
  { CAP_, "capable", "net_raw", NULL, NULL, "network-observe", FALSE },
  { CAP_, "capable", "net_bind_service", NULL, NULL, "network-bind", FALSE },
  { CAP_, "capable", "sys_nice", NULL, NULL, "process-control", FALSE },
  { CAP_, "capable", "sys_time", NULL, NULL, "time-control", FALSE },
  { CAP_, "capable", "sys_module", NULL, NULL, "kernel-module-control", FALSE },
  { CAP_, "capable", "audit_write", NULL, NULL, "netlink-audit", FALSE },
  { CAP_, "capable", "syslog", NULL, NULL, "kernel-module-observe", FALSE },
  /* Was system-trace, which grants sys_admin but not bpf. */
  { CAP_, "capable", "bpf", NULL, NULL, "kernel-sched-ext-control", FALSE },
  { CAP_, "capable", "sys_admin", NULL, NULL, "fuse-support", FALSE },

  /* §6.11 D-Bus */
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/org/freedesktop/Notifications;interface=org.freedesktop.Notifications;"
    "member=Notify;name=org.freedesktop.Notifications", "desktop", FALSE },
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/org/freedesktop/portal/desktop;interface=org.freedesktop.portal.FileChooser;"
    "member=OpenFile;name=org.freedesktop.portal.Desktop", "desktop", FALSE },
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/ca/desrt/dconf/Writer/user;interface=ca.desrt.dconf.Writer;member=Change;"
    "name=ca.desrt.dconf", "gsettings", FALSE },
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/org/freedesktop/ScreenSaver;interface=org.freedesktop.ScreenSaver;"
    "member=Inhibit;name=org.freedesktop.ScreenSaver", "screen-inhibit-control", FALSE },
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/org/freedesktop/secrets;interface=org.freedesktop.DBus.Properties;"
    "member=Get;name=:1.23", "password-manager-service", FALSE },
  { DBUS_, "dbus_bind", "session", "bind",
    "bus=session;name=org.mpris.MediaPlayer2.myapp", NULL, TRUE },
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/org/freedesktop/DBus;interface=org.freedesktop.DBus;member=RequestName;"
    "name=org.freedesktop.DBus", NULL, TRUE },
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/org/mpris/MediaPlayer2;interface=org.mpris.MediaPlayer2.Player;"
    "member=PlayPause;name=org.mpris.MediaPlayer2.vlc", "mpris", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/UPower/devices/battery_BAT0;"
    "interface=org.freedesktop.DBus.Properties;member=GetAll;name=:1.9", "upower-observe", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/NetworkManager;interface=org.freedesktop.NetworkManager;"
    "member=GetDevices;name=org.freedesktop.NetworkManager", "network-manager-observe", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/NetworkManager;interface=org.freedesktop.NetworkManager;"
    "member=ActivateConnection;name=org.freedesktop.NetworkManager", "network-manager", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/timedate1;interface=org.freedesktop.DBus.Properties;"
    "member=GetAll;name=:1.104", "timezone-control", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/timedate1;interface=org.freedesktop.timedate1;"
    "member=SetTimezone;name=org.freedesktop.timedate1", "timezone-control", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/login1;interface=org.freedesktop.login1.Manager;"
    "member=PowerOff;name=org.freedesktop.login1", "shutdown", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/login1;interface=org.freedesktop.login1.Manager;"
    "member=ListSessions;name=org.freedesktop.login1", "login-session-observe", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/bluez/hci0;interface=org.bluez.Adapter1;member=StartDiscovery;"
    "name=org.bluez", "bluez", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/hostname1;interface=org.freedesktop.DBus.Properties;"
    "member=Get;name=org.freedesktop.hostname1", "system-observe", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/UDisks2;interface=org.freedesktop.DBus.Introspectable;"
    "member=Introspect;name=org.freedesktop.UDisks2", "udisks2", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/systemd1;interface=org.freedesktop.systemd1.Manager;"
    "member=ListUnits;name=org.freedesktop.systemd1", "system-observe", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/;interface=org.freedesktop.Avahi.Server;"
    "member=ResolveHostName;name=org.freedesktop.Avahi", "avahi-observe", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/RealtimeKit1;interface=org.freedesktop.RealtimeKit1;"
    "member=MakeThreadRealtime;name=org.freedesktop.RealtimeKit1", "browser-support", FALSE },
  { DBUS_, "dbus_method_call", "system", "send",
    "bus=system;path=/org/freedesktop/PolicyKit1/Authority;"
    "interface=org.freedesktop.PolicyKit1.Authority;member=CheckAuthorization;"
    "name=org.freedesktop.PolicyKit1", "polkit", FALSE },
  { DBUS_, "dbus_method_call", "session", "send",
    "bus=session;path=/org/example/Thing;interface=org.example.Thing;member=Do;name=:1.5;"
    "peer_label=snap.other.app", NULL, TRUE },

  /* §6.12 Signals, ptrace, mount, namespaces */
  { SIG_, "signal", NULL, "send", "signal=term;peer=unconfined", "process-control", FALSE },
  { SIG_, "signal", NULL, "receive", "signal=hup;peer=unconfined", NULL, TRUE },
  { PTR_, "ptrace", NULL, "read", "peer=unconfined", "system-observe", FALSE },
  { PTR_, "ptrace", NULL, "trace", "peer=snap.myapp.myapp", "browser-support", TRUE },
  /* fuse-support mounts only in the snap's own writable folders. */
  { MNT_, "mount", "/home/alice/snap/myapp/common/mnt/", NULL, "fstype=fuse.sshfs;srcname=sshfs",
    "fuse-support", FALSE },
  { MNT_, "mount", "/mnt/disk/", NULL, "fstype=ext4;srcname=/dev/sdb1", "mount-control", FALSE },
  { OTH_, "userns_create", NULL, "userns_create", "class=namespace;comm=myapp", "userns", FALSE },
  { OTH_, "userns_create", NULL, "userns_create", "class=namespace;comm=chrome",
    "browser-support", FALSE },
  { OTH_, "create", "/queue", "create", "class=posix_mqueue", "posix-mq", FALSE },

  /* §6.13 Seccomp */
  { SCMP_, "sched_setattr", "sched_setattr", NULL, NULL, "process-control", FALSE },
  { SCMP_, "sched_setaffinity", "sched_setaffinity", NULL, NULL, "process-control", FALSE },
  { SCMP_, "socket", "socket", NULL, NULL, "network", FALSE },
  { SCMP_, "bind", "bind", NULL, NULL, "network", FALSE },
  { SCMP_, "listen", "listen", NULL, NULL, "network-bind", FALSE },
  { SCMP_, "mount", "mount", NULL, NULL, "fuse-support", FALSE },
  { SCMP_, "perf_event_open", "perf_event_open", NULL, NULL, "system-trace", FALSE },
  { SCMP_, "finit_module", "finit_module", NULL, NULL, "kernel-module-control", FALSE },
  { SCMP_, "clock_settime", "clock_settime", NULL, NULL, "time-control", FALSE },
  { SCMP_, "sethostname", "sethostname", NULL, NULL, "hostname-control", FALSE },
  { SCMP_, "ptrace", "ptrace", NULL, NULL, "browser-support", FALSE },
  { SCMP_, "keyctl", "keyctl", NULL, NULL, "dm-crypt", TRUE },
  { SCMP_, "quotactl", "quotactl", NULL, NULL, "mount-observe", FALSE },
  { SCMP_, "setns", "setns", NULL, NULL, "network-control", FALSE },
  { SCMP_, "ioperm", "ioperm", NULL, NULL, "io-ports-control", FALSE },
};

static void
check_result (const char               *what,
              const ScSuggestionResult *result,
              const char               *first,
              gboolean                  fix)
{
  const char *got = result->suggestions->len > 0
                    ? ((ScSuggestion *) g_ptr_array_index (result->suggestions, 0))->interface
                    : NULL;

  if (g_strcmp0 (got, first) != 0 || (result->fix != NULL) != fix)
    g_error ("%s: expected first %s (fix %s), got %s (fix %s)",
             what, first ? first : "none", fix ? "yes" : "no", got ? got : "none",
             result->fix ? result->fix : "no");

  for (guint i = 0; i < result->suggestions->len; i++)
    {
      ScSuggestion *s = g_ptr_array_index (result->suggestions, i);

      /* Every suggestion is a real interface, with a reason. */
      g_assert_nonnull (sc_interface_catalogue_lookup (s->interface));
      g_assert_nonnull (s->reason);
      g_assert_cmpuint (strlen (s->reason), >, 10);
      g_assert_null (strchr (s->reason, '\n'));
    }
  if (result->fix != NULL)
    g_assert_null (strstr (result->fix, "{snap}"));
}

static void
test_rule_table (void)
{
  g_test_summary ("Each constructed denial, one per row of denials.md section 6, gets the expected "
                  "first interface or a fix");

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      const RuleCase *c = &rule_cases[i];
      g_autoptr(ScDenial) denial = make_denial (c->kind, c->operation, c->object,
                                                c->permissions, c->details);
      g_autoptr(ScSuggestionResult) result = sc_suggest_for_denial (denial, "myapp");
      g_autofree char *what = g_strdup_printf ("case %u (%s %s %s)", i,
                                               sc_denial_kind_to_string (c->kind),
                                               c->operation, c->object ? c->object : "");

      g_test_message ("%s", what);
      check_result (what, result, c->first, c->fix);
    }
  g_assert_cmpuint (G_N_ELEMENTS (rule_cases), >=, 150);
}

/* Plugs built from paths */

typedef struct
{
  const char *path;
  const char *mask;
  const char *interface;
  const char *plug_name;
  const char *attribute;   /* "read" or "write" */
  const char *value;
} PlugCase;

static const PlugCase plug_cases[] = {
  { "/home/alice/.config/myapp/settings.ini", "r", "personal-files", "dot-config-myapp", "read",
    "$HOME/.config/myapp" },
  { "/home/alice/.config/MyApp Beta/x", "r", "personal-files", "dot-config-myapp-beta", "read",
    "$HOME/.config/MyApp Beta" },
  { "/home/alice/.gitconfig", "r", "personal-files", "dot-gitconfig", "read", "$HOME/.gitconfig" },
  { "/home/alice/.mozilla/firefox/profiles.ini", "w", "personal-files", "dot-mozilla", "write",
    "$HOME/.mozilla" },
  { "/home/bob/.local/share/myapp/db.sqlite", "wc", "personal-files", "dot-local-share-myapp",
    "write", "$HOME/.local/share/myapp" },
  { "/root/.kube/config", "r", "personal-files", "dot-kube", "read", "$HOME/.kube" },
  { "/home/alice/.config/kdeglobalsx", "r", "personal-files", "dot-config-kdeglobalsx", "read",
    "$HOME/.config/kdeglobalsx" },
  { "/home/alice/.cache/my_app/thumbs/1.png", "wc", "personal-files", "dot-cache-my-app", "write",
    "$HOME/.cache/my_app" },
  { "/etc/mytool/conf.d/x.conf", "r", "system-files", "etc-mytool", "read", "/etc/mytool" },
  { "/etc/mytool.conf", "w", "system-files", "etc-mytool-conf", "write", "/etc/mytool.conf" },
  { "/etc/X11/xorg.conf.d/10-x.conf", "r", "system-files", "etc-x11", "read", "/etc/X11" },
};

static gboolean
is_valid_plug_name (const char *name)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[a-z](?:-?[a-z0-9])*$", 0, 0, NULL);

  return g_regex_match (regex, name, 0, NULL);
}

static void
test_files_plugs (void)
{
  g_test_summary ("personal-files and system-files suggestions carry a complete plug: a valid "
                  "name, the interface and the generalised path under read or write");

  for (guint i = 0; i < G_N_ELEMENTS (plug_cases); i++)
    {
      const PlugCase *c = &plug_cases[i];
      gboolean root = g_str_has_prefix (c->path, "/root/") || g_str_has_prefix (c->path, "/etc/");
      g_autoptr(ScDenial) denial = make_denial (SC_DENIAL_KIND_FILE, "open", c->path, c->mask,
                                                root ? "fsuid=0;ouid=0" : OWN);
      g_autoptr(ScSuggestionResult) result = sc_suggest_for_denial (denial, "myapp");
      ScSuggestion *first;
      const char *name = NULL, *iface = NULL;
      g_autofree const char **paths = NULL;
      const char *other = strcmp (c->attribute, "read") == 0 ? "write" : "read";

      g_test_message ("plug case %s", c->path);
      g_assert_cmpuint (result->suggestions->len, ==, 1);
      first = g_ptr_array_index (result->suggestions, 0);
      g_assert_cmpstr (first->interface, ==, c->interface);
      g_assert_nonnull (first->plug);
      g_assert_true (g_variant_is_of_type (first->plug, G_VARIANT_TYPE_VARDICT));
      g_assert_true (g_variant_lookup (first->plug, "name", "&s", &name));
      g_assert_cmpstr (name, ==, c->plug_name);
      g_assert_true (is_valid_plug_name (name));
      g_assert_cmpstr (sc_suggestion_get_plug_name (first), ==, c->plug_name);
      g_assert_true (g_variant_lookup (first->plug, "interface", "&s", &iface));
      g_assert_cmpstr (iface, ==, c->interface);
      g_assert_true (g_variant_lookup (first->plug, c->attribute, "^a&s", &paths));
      g_assert_cmpuint (g_strv_length ((char **) paths), ==, 1);
      g_assert_cmpstr (paths[0], ==, c->value);
      g_assert_false (g_variant_lookup (first->plug, other, "^a&s", NULL));
      /* Both need store approval and a manual connection. */
      g_assert_true (first->store_approval);
      g_assert_false (first->auto_connect);
    }
}

static void
test_plug_name_fallback (void)
{
  g_autoptr(ScDenial) denial = make_denial (SC_DENIAL_KIND_FILE, "open", "/dev/video2", "r", OWN);
  g_autoptr(ScSuggestionResult) result = sc_suggest_for_denial (denial, "myapp");
  ScSuggestion *first = g_ptr_array_index (result->suggestions, 0);

  g_test_summary ("Without a plug definition the plug name is the interface name");
  g_assert_null (first->plug);
  g_assert_cmpstr (sc_suggestion_get_plug_name (first), ==, "camera");
}

static void
test_unusable_personal_path (void)
{
  /* A name with pattern characters cannot be a literal personal-files path. */
  g_autoptr(ScDenial) denial = make_denial (SC_DENIAL_KIND_FILE, "open",
                                            "/home/alice/.config/we{ird}/x", "r", OWN);
  g_autoptr(ScSuggestionResult) result = sc_suggest_for_denial (denial, "myapp");

  g_test_summary ("A path that cannot be written as a personal-files path gives no plug");
  /* Only the catch-alls whose policy reads anything (system-backup,
   * steam-support) are left. */
  for (guint i = 0; i < result->suggestions->len; i++)
    {
      ScSuggestion *s = g_ptr_array_index (result->suggestions, i);

      g_assert_cmpstr (s->interface, !=, "personal-files");
      g_assert_null (s->plug);
    }
}

/* Ranking */

static ScSuggestion *
first_suggestion (ScSuggestionResult *result)
{
  g_assert_cmpuint (result->suggestions->len, >, 0);
  return g_ptr_array_index (result->suggestions, 0);
}

static gboolean
result_has (ScSuggestionResult *result,
            const char         *interface)
{
  for (guint i = 0; i < result->suggestions->len; i++)
    if (strcmp (((ScSuggestion *) g_ptr_array_index (result->suggestions, i))->interface,
                interface) == 0)
      return TRUE;
  return FALSE;
}

static void
test_ranking (void)
{
  g_test_summary ("Auto-connecting and narrower interfaces lead; store-approval and catch-all "
                  "ones never lead when a narrower one fits");

  /* home with read: all is the only fit for another user's file, and it
   * needs the store: no auto-connection, with the attribute in the plug. */
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/home/alice/Music/a.ogg",
                                         "r", "fsuid=0;ouid=1000");
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");
    ScSuggestion *s = first_suggestion (r);
    const char *read = NULL, *name = NULL;

    g_assert_cmpstr (s->interface, ==, "home");
    g_assert_true (s->store_approval);
    g_assert_false (s->auto_connect);
    g_assert_true (g_variant_lookup (s->plug, "read", "&s", &read));
    g_assert_cmpstr (read, ==, "all");
    g_assert_true (g_variant_lookup (s->plug, "name", "&s", &name));
    g_assert_true (is_valid_plug_name (name));
    g_assert_cmpstr (sc_suggestion_get_plug_name (s), ==, name);
  }

  /* The same file owned by the user: plain home, auto-connecting, no plug. */
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/home/alice/Music/a.ogg",
                                         "r", OWN);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");
    ScSuggestion *s = first_suggestion (r);

    g_assert_cmpstr (s->interface, ==, "home");
    g_assert_true (s->auto_connect);
    g_assert_false (s->store_approval);
    g_assert_null (s->plug);
  }

  /* Narrow interfaces beat personal-files for well-known dotfiles. */
  {
    const char *paths[][2] = {
      { "/home/alice/.config/dconf/user", "gsettings" },
      { "/home/alice/.ssh/known_hosts", "ssh-keys" },
      { "/home/alice/.ssh/id_rsa.pub", "ssh-public-keys" },
      { "/home/alice/.config/pulse/cookie", "audio-playback" },
      { "/home/alice/.Xauthority", "x11" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", paths[i][0], "r", OWN);
        g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

        g_assert_cmpstr (first_suggestion (r)->interface, ==, paths[i][1]);
        g_assert_false (result_has (r, "personal-files"));
      }
  }

  /* udev sound data: the auto-connecting audio-playback before alsa. */
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/run/udev/data/c116:7",
                                         "r", "fsuid=1000;ouid=0");
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");
    ScSuggestion *s0 = first_suggestion (r);
    ScSuggestion *s1 = g_ptr_array_index (r->suggestions, 1);

    g_assert_cmpstr (s0->interface, ==, "audio-playback");
    g_assert_true (s0->auto_connect);
    g_assert_cmpstr (s1->interface, ==, "alsa");
    g_assert_false (s1->auto_connect);
    /* The alternative explains itself too, differently. */
    g_assert_cmpstr (s0->reason, !=, s1->reason);
  }

  /* Block devices: both candidates need store approval; the order stays. */
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/dev/nvme0n1p2", "r",
                                         "fsuid=0;ouid=0");
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_cmpstr (first_suggestion (r)->interface, ==, "block-devices");
    g_assert_true (first_suggestion (r)->store_approval);
  }

  /* seccomp mount: mount-control needs the store, so the narrower manual
   * fuse-support leads and mount-control is still offered after it
   * (snapd's policy also lets cifs-mount, nfs-mount… call mount). */
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_SECCOMP, "mount", "mount", NULL, NULL);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");
    guint fuse = G_MAXUINT, control = G_MAXUINT;

    for (guint i = 0; i < r->suggestions->len; i++)
      {
        const char *name = ((ScSuggestion *) g_ptr_array_index (r->suggestions, i))->interface;

        if (strcmp (name, "fuse-support") == 0)
          fuse = i;
        else if (strcmp (name, "mount-control") == 0)
          control = i;
      }
    g_assert_cmpuint (fuse, ==, 0);
    g_assert_cmpuint (control, <, r->suggestions->len);
  }

  /* Catch-alls: browser-support is hidden for a non-browser when userns
   * fits, shown (first) for a browser, and shown when it is the only match. */
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_OTHER, "userns_create", NULL,
                                         "userns_create", "class=namespace;comm=mytool");
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_cmpstr (first_suggestion (r)->interface, ==, "userns");
    g_assert_false (result_has (r, "browser-support"));
  }
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_OTHER, "userns_create", NULL,
                                         "userns_create", "class=namespace;comm=electron");
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");
    ScSuggestion *s = first_suggestion (r);
    gboolean sandbox = FALSE;

    g_assert_cmpstr (s->interface, ==, "browser-support");
    g_assert_true (g_variant_lookup (s->plug, "allow-sandbox", "b", &sandbox));
    g_assert_true (sandbox);
    g_assert_true (s->store_approval);
    g_assert_true (result_has (r, "userns"));
  }
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_SECCOMP, "unshare", "unshare", NULL, NULL);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_cmpstr (first_suggestion (r)->interface, ==, "network-control");
    g_assert_false (result_has (r, "browser-support"));
  }

  /* Client network access: network (auto-connect) first, network-bind after. */
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_NETWORK, "connect", "inet6 stream",
                                         "connect", "family=inet6;sock_type=stream;protocol=0");
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_cmpstr (first_suggestion (r)->interface, ==, "network");
    g_assert_true (first_suggestion (r)->auto_connect);
    g_assert_true (result_has (r, "network-bind"));
  }
}

static void
test_fix_texts (void)
{
  g_test_summary ("Fix texts name the snap and the folders to use");

  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/snap/myapp/3/data.db",
                                         "w", OWN);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_cmpuint (r->suggestions->len, ==, 0);
    g_assert_nonnull (strstr (r->fix, "$SNAP_USER_DATA"));
    g_assert_nonnull (strstr (r->fix, "layout"));
  }
  {
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/dev/shm/cache", "wc", OWN);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_nonnull (strstr (r->fix, "snap.myapp."));
  }
  {
    /* Reading (not writing) the snap's own files is allowed by snapd's base
     * template: such a record comes from an older snapd. */
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/snap/myapp/3/data.db",
                                         "r", OWN);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_cmpstr (r->fix_source, ==, "template");
    g_assert_cmpuint (r->suggestions->len, ==, 0);
  }
  {
    /* Another snap's folders are not "$SNAP": content, not a write fix. */
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open", "/snap/other/3/data.db",
                                         "w", OWN);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_cmpstr (first_suggestion (r)->interface, ==, "content");
  }
  {
    /* Noise without a rule keeps the parser's reason. */
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_OTHER, "profile_replace",
                                         "snap.myapp.myapp", NULL, NULL);
    g_autoptr(ScSuggestionResult) r = NULL;

    d->noise = TRUE;
    d->noise_reason = g_strdup ("AppArmor status message");
    r = sc_suggest_for_denial (d, "myapp");
    g_assert_cmpstr (r->fix, ==, "AppArmor status message");
    g_assert_cmpuint (r->suggestions->len, ==, 0);
  }
  {
    /* Unknown things give no plug, and say that no interface grants them
     * (interfaces that allow every capability, "capability,", are never
     * an answer). */
    g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_CAPABILITY, "capable", "made_up", NULL,
                                         NULL);
    g_autoptr(ScSuggestionResult) r = sc_suggest_for_denial (d, "myapp");

    g_assert_nonnull (r->fix);
    g_assert_true (g_str_has_prefix (r->fix, "No interface grants this"));
    g_assert_cmpstr (r->fix_source, ==, "fix");
    g_assert_cmpuint (r->suggestions->len, ==, 0);
  }
}

static void
test_parallel_instance (void)
{
  g_autoptr(ScDenial) d = make_denial (SC_DENIAL_KIND_FILE, "open",
                                       "/home/alice/snap/myapp_dev/7/x", "w", OWN);
  g_autoptr(ScSuggestionResult) r = NULL;

  g_test_summary ("A parallel instance's own data folder is recognised as its own");
  g_free (d->instance);
  d->instance = g_strdup ("myapp_dev");
  r = sc_suggest_for_denial (d, NULL);
  g_assert_cmpuint (r->suggestions->len, ==, 0);
  g_assert_nonnull (r->fix);
  g_assert_nonnull (strstr (r->fix, "revision"));
}


/* Raw records → parser → rules. Lines composed from the shapes in
 * denials.md sections 2-4: kernel transport MESSAGE, syslog/kern.log,
 * dmesg, auditd's audit.log, the journal's audit transport, dbus-daemon's
 * own syslog lines; x86_64, arm64 and i386 seccomp. */

#define KRN(serial) "audit: type=1400 audit(1718031201.482:" #serial "): "
#define SYSLOG      "Jun 14 13:16:36 host kernel: [81461.134792] audit: type=1400 " \
                    "audit(1718031201.500:900): "
#define AUDITLOG    "type=AVC msg=audit(1718031201.600:901): "
#define DMESG       "[ 1234.567890] audit: type=1400 audit(1718031201.700:902): "
#define JAUDIT      "AVC "
#define P           "profile=\"snap.myapp.myapp\" "
#define SECCOMP(serial) "audit: type=1326 audit(1740132408.788:" #serial "): auid=1000 uid=1000 " \
                        "gid=1000 ses=1 subj=snap.myapp.myapp pid=1483 comm=\"myapp\" " \
                        "exe=\"/snap/myapp/12/bin/myapp\" sig=0 "
#define FILE_REC(op, name, mask, fsuid, ouid) \
  "apparmor=\"DENIED\" operation=\"" op "\" class=\"file\" " P \
  "name=\"" name "\" pid=4242 comm=\"myapp\" requested_mask=\"" mask "\" " \
  "denied_mask=\"" mask "\" " \
  "fsuid=" #fsuid " ouid=" #ouid
#define CAP_REC(nr, name) "apparmor=\"DENIED\" operation=\"capable\" class=\"cap\" " P \
  "pid=1702 comm=\"myapp\" capability=" #nr "  capname=\"" name "\""
#define NET_REC(op, family, type, proto) \
  "apparmor=\"DENIED\" operation=\"" op "\" class=\"net\" " P \
  "pid=5790 comm=\"myapp\" family=\"" family "\" sock_type=\"" type "\" protocol=" #proto " " \
  "requested_mask=\"" op "\" denied_mask=\"" op "\""
#define DBUS_SESSION "dbus-daemon[1202]: apparmor=\"DENIED\" operation=\"dbus_method_call\"  " \
                     "bus=\"session\" "
#define DBUS_TAIL    " mask=\"send\" pid=10640 label=\"snap.myapp.myapp\" peer_label=\"unconfined\""
#define USER_AVC(serial) "audit: type=1107 audit(1739559771.534:" #serial "): pid=935 uid=101 " \
  "auid=4294967295 ses=4294967295 subj=unconfined msg='apparmor=\"DENIED\" " \
  "operation=\"dbus_method_call\"  bus=\"system\" "
#define USER_AVC_TAIL " mask=\"send\" pid=2834 label=\"snap.myapp.myapp\" peer_pid=3039 " \
  "peer_label=\"unconfined\"\n                exe=\"/usr/bin/dbus-daemon\" sauid=101 hostname=? " \
  "addr=? terminal=?'"

typedef struct
{
  const char   *line;
  ScDenialKind  kind;
  ScDenialMode  mode;
  const char   *object;     /* expected decoded object; NULL: not checked */
  const char   *first;      /* expected first interface; NULL: none */
  gboolean      fix;
} RawCase;

#define DEN SC_DENIAL_MODE_DENIED
#define ALW SC_DENIAL_MODE_ALLOWED
#define LOG SC_DENIAL_MODE_LOGGED

static const RawCase raw_cases[] = {
  /* Files, in every text shape */
  { KRN (1) FILE_REC ("open", "/home/alice/Documents/report.odt", "r", 1000, 1000),
    FILE_, DEN, "/home/alice/Documents/report.odt", "home", FALSE },
  { SYSLOG "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" " P
    "name=\"/home/alice/.config/myapp/settings.ini\" pid=4242 comm=\"myapp\" requested_mask=\"r\" "
    "denied_mask=\"r\" fsuid=1000 ouid=1000",
    FILE_, ALW, "/home/alice/.config/myapp/settings.ini", "personal-files", FALSE },
  { AUDITLOG FILE_REC ("open", "/home/alice/.ssh/id_ed25519", "r", 1000, 1000),
    FILE_, DEN, "/home/alice/.ssh/id_ed25519", "ssh-keys", FALSE },
  { DMESG FILE_REC ("open", "/etc/fstab", "r", 1000, 0),
    FILE_, DEN, "/etc/fstab", "mount-observe", FALSE },
  { JAUDIT FILE_REC ("open", "/var/log/syslog", "r", 1000, 0),
    FILE_, DEN, "/var/log/syslog", "log-observe", FALSE },
  /* Hex-encoded names: a space, and non-ASCII bytes. */
  { KRN (2) "apparmor=\"DENIED\" operation=\"open\" class=\"file\" " P
    "name=2F686F6D652F616C6963652F4D7920446F63756D656E7473 pid=4242 comm=\"myapp\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=1000",
    FILE_, DEN, "/home/alice/My Documents", "home", FALSE },
  { KRN (3) "apparmor=\"ALLOWED\" operation=\"mkdir\" class=\"file\" " P
    "name=2F686F6D652F616C6963652F2E636F6E6669672F436166C3A9 pid=4242 comm=\"myapp\" "
    "requested_mask=\"c\" denied_mask=\"c\" fsuid=1000 ouid=1000",
    FILE_, ALW, "/home/alice/.config/Caf\xc3\xa9", "personal-files", FALSE },
  { KRN (4) FILE_REC ("mkdir", "/snap/myapp/12/lib/__pycache__/", "c", 1000, 0),
    FILE_, DEN, NULL, NULL, TRUE },
  { KRN (5) FILE_REC ("open", "/dev/video0", "wr", 1000, 0), FILE_, DEN, "/dev/video0", "camera",
    FALSE },
  { KRN (6) FILE_REC ("open", "/dev/snd/pcmC0D0c", "wr", 1000, 0), FILE_, DEN, NULL, "alsa",
    FALSE },
  { KRN (7) FILE_REC ("open", "/dev/dri/renderD128", "wr", 1000, 0), FILE_, DEN, NULL, "opengl",
    FALSE },
  { KRN (8) FILE_REC ("open", "/dev/hidraw2", "wr", 1000, 0), FILE_, DEN, NULL, "u2f-devices",
    FALSE },
  { KRN (9) FILE_REC ("open", "/dev/bus/usb/003/002", "wr", 1000, 0), FILE_, DEN, NULL, "raw-usb",
    FALSE },
  { KRN (10) FILE_REC ("open", "/dev/ttyACM0", "wr", 1000, 0), FILE_, DEN, NULL, "raw-usb", FALSE },
  { KRN (11) FILE_REC ("open", "/proc/4242/mounts", "r", 1000, 1000), FILE_, DEN, NULL,
    "mount-observe", FALSE },
  { KRN (12) FILE_REC ("open", "/proc/4242/net/tcp6", "r", 1000, 1000), FILE_, DEN, NULL,
    "network-observe", FALSE },
  { KRN (13) FILE_REC ("open", "/sys/devices/virtual/dmi/id/product_name", "r", 1000, 0),
    FILE_, DEN, NULL, "hardware-observe", FALSE },
  { KRN (14) FILE_REC ("open", "/run/udev/data/c189:1", "r", 1000, 0), FILE_, DEN, NULL, "raw-usb",
    FALSE },
  { KRN (15) FILE_REC ("open", "/etc/ssl/private/server.key", "r", 0, 0), FILE_, DEN, NULL,
    "system-files", FALSE },
  { KRN (16) FILE_REC ("open", "/media/alice/SD/DCIM/1.jpg", "r", 1000, 1000), FILE_, DEN, NULL,
    "removable-media", FALSE },
  { KRN (17) FILE_REC ("connect", "/run/user/1000/wayland-0", "wr", 1000, 1000), FILE_, DEN, NULL,
    "wayland", FALSE },
  { KRN (18) FILE_REC ("connect", "/run/user/1000/pulse/native", "wr", 1000, 1000), FILE_, DEN,
    NULL,
    "audio-playback", FALSE },
  { KRN (19) FILE_REC ("connect", "/run/user/1000/bus", "wr", 1000, 1000), FILE_, DEN, NULL,
    "desktop", FALSE },
  { KRN (20) FILE_REC ("open", "/home/alice/.config/dconf/user", "r", 1000, 1000), FILE_, DEN, NULL,
    "gsettings", FALSE },
  { KRN (21) FILE_REC ("open", "/home/alice/Music/a.ogg", "r", 0, 1000), FILE_, DEN, NULL, "home",
    FALSE },
  { KRN (22) FILE_REC ("file_inherit", "/dev/pts/0", "wr", 1000, 1000), FILE_, DEN, NULL, NULL,
    TRUE },
  { DMESG "apparmor=\"DENIED\" operation=\"exec\" class=\"file\" " P "name=\"/usr/bin/convert\" "
    "pid=5010 comm=\"myapp\" requested_mask=\"x\" denied_mask=\"x\" fsuid=1000 ouid=0 "
    "target=\"snap.myapp.myapp//null-/usr/bin/convert\"",
    FILE_, DEN, "/usr/bin/convert", NULL, TRUE },
  /* shared-memory with private: true allows it, besides the naming fix. */
  { KRN (23) FILE_REC ("open", "/dev/shm/myapp-cache", "wc", 1000, 1000), FILE_, DEN, NULL,
    "shared-memory", TRUE },
  { KRN (24) "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
    "profile=\"snap.myapp.hook.configure\" "
    "name=\"/etc/hostname\" pid=5008 comm=\"configure\" requested_mask=\"wc\" denied_mask=\"wc\" "
    "fsuid=0 ouid=0",
    FILE_, DEN, NULL, "hostname-control", FALSE },
  { KRN (25) "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
    "profile=\"snap.myapp_dev.myapp\" "
    "name=\"/home/alice/snap/myapp_dev/3/x\" pid=5009 comm=\"myapp\" requested_mask=\"wc\" "
    "denied_mask=\"wc\" fsuid=1000 ouid=1000",
    FILE_, DEN, NULL, NULL, TRUE },
  { KRN (26) FILE_REC ("open", "/var/lib/myapp/state.db", "wc", 0, 0), FILE_, DEN, NULL, NULL,
    TRUE },
  { KRN (27) FILE_REC ("open", "/home/alice/.gitconfig", "r", 1000, 1000), FILE_, DEN, NULL,
    "personal-files", FALSE },
  { KRN (28) FILE_REC ("open", "/home/alice/.Xauthority", "r", 1000, 1000), FILE_, DEN, NULL, "x11",
    FALSE },

  /* Unix and network sockets */
  { KRN (30) "apparmor=\"DENIED\" operation=\"connect\" profile=\"snap.myapp.myapp\" pid=10770 "
    "comm=\"glxinfo\" family=\"unix\" sock_type=\"stream\" protocol=0 "
    "requested_mask=\"send receive connect\" denied_mask=\"send connect\" addr=none "
    "peer_addr=\"@/tmp/.X11-unix/X0\" peer=\"unconfined\"",
    UNIX_, DEN, "@/tmp/.X11-unix/X0", "x11", FALSE },
  /* iptables binds @xtables as its lock: firewall-control allows
   * "unix (bind, listen) type=stream addr=@xtables" (a connect was here). */
  { KRN (31) "apparmor=\"DENIED\" operation=\"bind\" class=\"net\" " P "pid=5011 "
    "comm=\"iptables\" "
    "family=\"unix\" sock_type=\"stream\" protocol=0 requested=\"bind\" "
    "denied=\"bind\" addr=\"@xtables\"",
    UNIX_, DEN, NULL, "firewall-control", FALSE },
  { KRN (32) NET_REC ("create", "inet", "stream", 6), NET_, DEN, NULL, "network", FALSE },
  { KRN (33) "apparmor=\"DENIED\" operation=\"bind\" class=\"net\" " P "pid=5007 comm=\"myapp\" "
    "saddr=127.0.97.3 src=3456 family=\"inet\" sock_type=\"dgram\" protocol=17 requested=\"bind\" "
    "denied=\"bind\"",
    NET_, DEN, NULL, "network-bind", FALSE },
  { KRN (34) "apparmor=\"ALLOWED\" operation=\"create\" class=\"net\" " P "pid=5012 comm=\"myapp\" "
    "family=\"netlink\" sock_type=\"raw\" protocol=15 requested_mask=\"create\" "
    "denied_mask=\"create\"",
    NET_, ALW, NULL, "hardware-observe", FALSE },
  { KRN (35) NET_REC ("create", "netlink", "raw", 0), NET_, DEN, NULL, "network", FALSE },
  { KRN (36) NET_REC ("create", "inet", "raw", 1), NET_, DEN, NULL, "network-observe", FALSE },
  { KRN (37) NET_REC ("create", "packet", "raw", 768), NET_, DEN, NULL, "network-control", FALSE },
  { KRN (38) NET_REC ("create", "bluetooth", "seqpacket", 0), NET_, DEN, NULL, "bluez", FALSE },
  { KRN (39) NET_REC ("create", "netlink", "raw", 9), NET_, DEN, NULL, "netlink-audit", FALSE },

  /* Capabilities */
  { AUDITLOG CAP_REC (12, "net_admin"), CAP_, DEN, "net_admin", "network-control", FALSE },
  { KRN (40) CAP_REC (23, "sys_nice"), CAP_, DEN, "sys_nice", "process-control", FALSE },
  { KRN (41) CAP_REC (21, "sys_admin"), CAP_, DEN, NULL, "fuse-support", FALSE },
  { KRN (42) CAP_REC (2, "dac_read_search"), CAP_, DEN, NULL, "log-observe", TRUE },
  /* Old kernel: no capname, only the number. */
  { KRN (43) "apparmor=\"DENIED\" operation=\"capable\" " P "pid=1702 comm=\"myapp\" capability=25",
    CAP_, DEN, "sys_time", "time-control", FALSE },

  /* D-Bus: session-bus syslog lines, system-bus USER_AVC with its newline */
  { DBUS_SESSION "path=\"/org/freedesktop/Notifications\" "
    "interface=\"org.freedesktop.Notifications\" "
    "member=\"Notify\" name=\"org.freedesktop.Notifications\"" DBUS_TAIL,
    DBUS_, DEN, NULL, "desktop", FALSE },
  { DBUS_SESSION "path=\"/org/freedesktop/DBus\" interface=\"org.freedesktop.DBus\" "
    "member=\"RequestName\" name=\"org.freedesktop.DBus\"" DBUS_TAIL,
    DBUS_, DEN, NULL, NULL, TRUE },
  { DBUS_SESSION "path=\"/org/freedesktop/ScreenSaver\" interface=\"org.freedesktop.ScreenSaver\" "
    "member=\"Inhibit\" name=\"org.freedesktop.ScreenSaver\"" DBUS_TAIL,
    DBUS_, DEN, NULL, "screen-inhibit-control", FALSE },
  { "dbus-daemon[1202]: apparmor=\"ALLOWED\" operation=\"dbus_bind\"  bus=\"session\" "
    "mask=\"bind\" "
    "name=\"org.mpris.MediaPlayer2.myapp\" pid=10640 label=\"snap.myapp.myapp\"",
    DBUS_, ALW, NULL, NULL, TRUE },
  { DBUS_SESSION "path=\"/org/example/Thing\" interface=\"org.example.Thing\" member=\"Do\" "
    "mask=\"send\" name=\":1.77\" pid=10640 label=\"snap.myapp.myapp\" "
    "peer_label=\"snap.other.app\"",
    DBUS_, DEN, NULL, NULL, TRUE },
  { USER_AVC (167) "path=\"/org/freedesktop/timedate1\" "
    "interface=\"org.freedesktop.DBus.Properties\" "
    "member=\"GetAll\" name=\":1.104\"" USER_AVC_TAIL,
    DBUS_, DEN, NULL, "timezone-control", FALSE },
  { USER_AVC (168) "path=\"/org/freedesktop/UPower/devices/battery_BAT0\" "
    "interface=\"org.freedesktop.DBus.Properties\" member=\"GetAll\" name=\":1.9\"" USER_AVC_TAIL,
    DBUS_, DEN, NULL, "upower-observe", FALSE },
  { "type=USER_AVC msg=audit(1739559771.534:169): pid=935 uid=101 auid=4294967295 ses=4294967295 "
    "subj=unconfined msg='apparmor=\"DENIED\" operation=\"dbus_method_call\"  bus=\"system\" "
    "path=\"/org/freedesktop/NetworkManager\" interface=\"org.freedesktop.NetworkManager\" "
    "member=\"GetDevices\" mask=\"send\" name=\"org.freedesktop.NetworkManager\" pid=2834 "
    "label=\"snap.myapp.myapp\" peer_pid=3039 peer_label=\"unconfined\" "
    "exe=\"/usr/bin/dbus-daemon\" "
    "sauid=101 hostname=? addr=? terminal=?'",
    DBUS_, DEN, NULL, "network-manager-observe", FALSE },
  { USER_AVC (170) "path=\"/org/freedesktop/login1\" interface=\"org.freedesktop.login1.Manager\" "
    "member=\"PowerOff\" name=\"org.freedesktop.login1\"" USER_AVC_TAIL,
    DBUS_, DEN, NULL, "shutdown", FALSE },

  /* Signals, ptrace, mount, namespaces, message queues */
  { KRN (50) "apparmor=\"DENIED\" operation=\"signal\" class=\"signal\" " P "pid=5004 "
    "comm=\"myapp\" "
    "requested_mask=\"send\" denied_mask=\"send\" signal=term peer=\"unconfined\"",
    SIG_, DEN, NULL, "process-control", FALSE },
  { KRN (51) "apparmor=\"DENIED\" operation=\"ptrace\" class=\"ptrace\" " P "pid=5005 "
    "comm=\"myapp\" "
    "requested_mask=\"read\" denied_mask=\"read\" peer=\"unconfined\"",
    PTR_, DEN, NULL, "system-observe", FALSE },
  { KRN (52) "apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed type match\" "
    "error=-13 " P "name=\"/home/alice/snap/myapp/common/mnt/\" pid=5000 comm=\"sshfs\" "
    "fstype=\"fuse.sshfs\" "
    "srcname=\"alice@host:\"",
    MNT_, DEN, NULL, "fuse-support", FALSE },
  { KRN (53) "apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed flags match\" "
    "error=-13 profile=\"snap-update-ns.myapp\" name=\"/usr/share/fonts-2/\" pid=5001 comm=\"5\" "
    "srcname=\"/var/lib/snapd/hostfs/usr/share/fonts/\" flags=\"rw, bind\"",
    MNT_, DEN, NULL, NULL, TRUE },
  { KRN (54) "apparmor=\"DENIED\" operation=\"userns_create\" class=\"namespace\" " P "pid=5002 "
    "comm=\"myapp\" requested=\"userns_create\" denied=\"userns_create\"",
    OTH_, DEN, NULL, "userns", FALSE },
  { KRN (55) "apparmor=\"DENIED\" operation=\"create\" class=\"posix_mqueue\" " P "name=\"/"
    "myqueue\" "
    "pid=5003 comm=\"myapp\" requested=\"create\" denied=\"create\" class=\"posix_mqueue\" "
    "fsuid=1000 "
    "ouid=1000",
    OTH_, DEN, NULL, "posix-mq", FALSE },

  /* Seccomp: strict (errno) and devmode (log), x86_64, arm64 and i386 */
  { SECCOMP (60) "arch=c000003e syscall=314 compat=0 ip=0x7f6d9a67c4e7 code=0x7ffc0000",
    SCMP_, LOG, "sched_setattr", "process-control", FALSE },
  { SECCOMP (61) "arch=c00000b7 syscall=274 compat=0 ip=0xffff9a67c4e7 code=0x50000",
    SCMP_, DEN, "sched_setattr", "process-control", FALSE },
  { SECCOMP (62) "arch=c000003e syscall=41 compat=0 ip=0x7f6d9a67c4e7 code=0x50000",
    SCMP_, DEN, "socket", "network", FALSE },
  { SECCOMP (63) "arch=c00000b7 syscall=198 compat=0 ip=0xffff9a67c4e7 code=0x50000",
    SCMP_, DEN, "socket", "network", FALSE },
  { SECCOMP (64) "arch=c000003e syscall=165 compat=0 ip=0x7f6d9a67c4e7 code=0x50000",
    SCMP_, DEN, "mount", "fuse-support", FALSE },
  { SECCOMP (65) "arch=c00000b7 syscall=40 compat=0 ip=0xffff9a67c4e7 code=0x50000",
    SCMP_, DEN, "mount", "fuse-support", FALSE },
  { SECCOMP (66) "arch=c000003e syscall=92 compat=0 ip=0x7f6d9a67c4e7 code=0x50000",
    SCMP_, DEN, "chown", NULL, TRUE },
  { SECCOMP (67) "arch=c00000b7 syscall=146 compat=0 ip=0xffff9a67c4e7 code=0x50000",
    SCMP_, DEN, "setuid", NULL, TRUE },
  { SECCOMP (68) "arch=c000003e syscall=330 compat=0 ip=0x7f6d9a67c4e7 code=0x50000",
    SCMP_, DEN, "pkey_alloc", NULL, TRUE },
  { SECCOMP (69) "arch=c000003e syscall=298 compat=0 ip=0x7f6d9a67c4e7 code=0x7ffc0000",
    SCMP_, LOG, "perf_event_open", "system-trace", FALSE },
  { SECCOMP (70) "arch=c00000b7 syscall=161 compat=0 ip=0xffff9a67c4e7 code=0x50000",
    SCMP_, DEN, "sethostname", "hostname-control", FALSE },
  { SECCOMP (71) "arch=c000003e syscall=50 compat=0 ip=0x7f6d9a67c4e7 code=0x50000",
    SCMP_, DEN, "listen", "network-bind", FALSE },
  { SECCOMP (72) "arch=40000003 syscall=212 compat=1 ip=0xf7f1c549 code=0x50000",
    SCMP_, DEN, "chown32", NULL, TRUE },
  { SECCOMP (73) "arch=c00000b7 syscall=280 compat=0 ip=0xffff9a67c4e7 code=0x50000",
    SCMP_, DEN, "bpf", "system-trace", FALSE },

  /* Noise: snapd's launcher */
  { KRN (80) "apparmor=\"DENIED\" operation=\"capable\" class=\"cap\" "
    "profile=\"/snap/snapd/21759/usr/lib/snapd/snap-confine\" pid=5006 comm=\"snap-confine\" "
    "capability=38  capname=\"perfmon\"",
    CAP_, DEN, NULL, NULL, TRUE },
};

static void
test_raw_records (void)
{
  guint n_checked = 0;

  g_test_summary ("Raw log records of every class and text shape go through the parser and the "
                  "rules to the expected first suggestion or fix");

  for (guint i = 0; i < G_N_ELEMENTS (raw_cases); i++)
    {
      const RawCase *c = &raw_cases[i];
      g_autoptr(ScDenial) denial = NULL;
      g_autoptr(ScSuggestionResult) result = NULL;
      g_autofree char *what = g_strdup_printf ("raw case %u: %.60s", i, c->line);
      guint64 lost = 0;
      ScRecordType type;

      g_test_message ("%s", what);
      type = sc_denial_parse_line (c->line, -1, 2024, &denial, &lost);
      if (type != SC_RECORD_DENIAL || denial == NULL)
        g_error ("%s: not parsed as a denial", what);
      if (denial->kind != c->kind || denial->mode != c->mode)
        g_error ("%s: parsed as %s/%s", what, sc_denial_kind_to_string (denial->kind),
                 sc_denial_mode_to_string (denial->mode));
      if (c->object != NULL)
        g_assert_cmpstr (denial->object, ==, c->object);

      result = sc_suggest_for_denial (denial, NULL);
      check_result (what, result, c->first, c->fix);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 60);
}

static void
test_raw_attribution (void)
{
  const char *hook_line = KRN (90) "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
    "profile=\"snap.myapp.hook.configure\" name=\"/etc/hostname\" pid=1 comm=\"configure\" "
    "requested_mask=\"w\" denied_mask=\"w\" fsuid=0 ouid=0";
  const char *personal_line = KRN (91) FILE_REC ("open", "/home/alice/.local/share/myapp/db.sqlite",
                                                 "wc", 1000, 1000);
  g_autoptr(ScDenial) hook = NULL;
  g_autoptr(ScDenial) personal = NULL;
  g_autoptr(ScSuggestionResult) result = NULL;
  ScSuggestion *first;
  const char *name = NULL;
  g_autofree const char **write = NULL;
  guint64 lost = 0;

  g_test_summary ("A hook's record keeps the hook; a raw dotfile write yields a complete "
                  "personal-files plug");

  g_assert_cmpint (sc_denial_parse_line (hook_line, -1, 2024, &hook, &lost), ==, SC_RECORD_DENIAL);
  g_assert_cmpstr (hook->hook, ==, "configure");
  g_assert_null (hook->app);

  g_assert_cmpint (sc_denial_parse_line (personal_line, -1, 2024, &personal, &lost), ==,
                   SC_RECORD_DENIAL);
  result = sc_suggest_for_denial (personal, NULL);
  first = g_ptr_array_index (result->suggestions, 0);
  g_assert_cmpstr (first->interface, ==, "personal-files");
  g_assert_true (g_variant_lookup (first->plug, "name", "&s", &name));
  g_assert_cmpstr (name, ==, "dot-local-share-myapp");
  g_assert_true (g_variant_lookup (first->plug, "write", "^a&s", &write));
  g_assert_cmpstr (write[0], ==, "$HOME/.local/share/myapp");
  g_assert_null (write[1]);
}

static void
test_table_interfaces (void)
{
  g_auto(GStrv) names = sc_suggestion_rules_dup_interfaces ();

  g_test_summary ("Every interface the rule table can suggest exists in the catalogue");
  g_assert_cmpuint (g_strv_length (names), >=, 100);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (sc_interface_catalogue_lookup (names[i]) == NULL)
        g_error ("The rule table names %s, which is not in the catalogue", names[i]);
      if (i > 0)
        g_assert_cmpstr (names[i - 1], <, names[i]);
    }
}

static void
test_no_new_privs (void)
{
  static const char *record =
    "audit: type=1400 audit(1718363796.002:2): apparmor=\"DENIED\" operation=\"exec\" "
    "class=\"file\" info=\"no new privs\" error=-1 profile=\"snap.demo.demo\" "
    "name=\"/usr/bin/sudo\" pid=3 comm=\"demo\" requested_mask=\"x\" denied_mask=\"x\" "
    "fsuid=1000 ouid=0 target=\"snap.demo.demo//null-/usr/bin/sudo\"";
  static const char *plain_exec =
    "audit: type=1400 audit(1718363796.003:3): apparmor=\"DENIED\" operation=\"exec\" "
    "class=\"file\" profile=\"snap.demo.demo\" name=\"/usr/bin/lpr\" pid=3 comm=\"demo\" "
    "requested_mask=\"x\" denied_mask=\"x\" fsuid=1000 ouid=0";
  g_autoptr(ScDenial) denial = NULL;
  g_autoptr(ScDenial) other = NULL;
  g_autoptr(ScSuggestionResult) result = NULL;
  g_autoptr(ScSuggestionResult) other_result = NULL;
  guint64 lost = 0;

  g_test_summary ("Running a setuid helper refused by no_new_privs gets its own fix, not the "
                  "stage-the-package advice for /usr (QA-19)");
  g_assert_cmpint (sc_denial_parse_line (record, -1, 2024, &denial, &lost), ==, SC_RECORD_DENIAL);
  result = sc_suggest_for_denial (denial, "demo");
  g_assert_nonnull (result->fix);
  g_assert_nonnull (strstr (result->fix, "setuid"));
  g_assert_cmpuint (result->suggestions->len, ==, 0);

  g_assert_cmpint (sc_denial_parse_line (plain_exec, -1, 2024, &other, &lost), ==, SC_RECORD_DENIAL);
  other_result = sc_suggest_for_denial (other, "demo");
  g_assert_nonnull (other_result->fix);
  g_assert_null (strstr (other_result->fix, "setuid"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggestion-rules/table", test_rule_table);
  g_test_add_func ("/suggestion-rules/table-interfaces", test_table_interfaces);
  g_test_add_func ("/suggestion-rules/files-plugs", test_files_plugs);
  g_test_add_func ("/suggestion-rules/plug-name-fallback", test_plug_name_fallback);
  g_test_add_func ("/suggestion-rules/unusable-personal-path", test_unusable_personal_path);
  g_test_add_func ("/suggestion-rules/ranking", test_ranking);
  g_test_add_func ("/suggestion-rules/fix-texts", test_fix_texts);
  g_test_add_func ("/suggestion-rules/parallel-instance", test_parallel_instance);
  g_test_add_func ("/suggestion-rules/raw-records", test_raw_records);
  g_test_add_func ("/suggestion-rules/raw-attribution", test_raw_attribution);
  g_test_add_func ("/suggestion-rules/no-new-privs", test_no_new_privs);

  return g_test_run ();
}

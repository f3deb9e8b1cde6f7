/* sc-suggestion-table.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule table, included once by sc-suggestion-rules.c (syntax explained
 * there). Facts restated from snapd's interface policy as summarised in
 * shared/reference/denials.md §6; the wording is ours.
 *
 * Order matters: the first matching rule decides, so specific paths come
 * before the folders that contain them and "not an interface problem"
 * rules come before the interfaces that would otherwise be guessed.
 *
 * Translators: reasons and fixes are shown to snap developers next to a
 * denial. Keep interface names, paths, environment variables ($SNAP_DATA…),
 * snapcraft.yaml keys (layout, plugs, system-usernames) and {snap} as they
 * are.
 */
#pragma once

#define F    K (FILE)
#define SOCK (K (FILE) | K (UNIX) | K (NETWORK))
#define UNX  (K (UNIX) | K (NETWORK))

#define RULE(kinds, match, candidates, reason) { kinds, match, candidates, reason, NULL, FALSE, FALSE }
#define FIX(kinds, match, fix)                 { kinds, match, NULL, NULL, fix, FALSE, FALSE }
#define BOTH(kinds, match, candidates, reason, fix) { kinds, match, candidates, reason, fix, FALSE, FALSE }
/* A fix for when snapd's policy has no narrow interface for the access. */
#define FALLBACK(kinds, match, fix)            { kinds, match, NULL, NULL, fix, TRUE, FALSE }
/* A guess for a whole tree: snapd's policy ranks the interfaces that allow
 * the access; these only come first when nothing narrower does. */
#define WEAK(kinds, match, candidates, reason) { kinds, match, candidates, reason, NULL, FALSE, TRUE }

static const ScRuleDef rule_table[] = {
  /* ------------------------------------------------------------------ */
  /* Noise from snapd's own helpers (§7.3)                              */
  /* ------------------------------------------------------------------ */
  FIX (K_ANY, "profile=snap-update-ns.*",
       /* Translators: keep {snap}, it is replaced by the snap name. */
       N_("snapd could not set up the mount namespace of {snap}: check its layouts, content "
          "plugs and desktop extension; a plug on the app will not help.")),
  FIX (K_ANY, "profile={**snap-confine*,**mount-namespace-capture-helper*}",
       N_("Logged by snap-confine, snapd's launcher, on every start; harmless and not caused "
          "by the app.")),

  /* ------------------------------------------------------------------ */
  /* Files: not an interface problem (§6.4)                             */
  /* ------------------------------------------------------------------ */
  FIX (F, "op=file_inherit",
       N_("A file descriptor handed over by another program (a terminal, a pipe) was refused "
          "when the app inherited it; this is usually harmless.")),
  /* A data file (font, translation, cache) mapped executable: the binary
   * asks for executable mappings everywhere (an executable stack, so
   * READ_IMPLIES_EXEC); no interface should grant that. */
  FIX (F, "op=file_mmap perm=r object=/**.{ttf,otf,ttc,pfb,pcf,pcf.gz,mo,cache,dat,png,svg}",
       N_("A data file was mapped as executable code, which happens when a binary is built "
          "with an executable stack: clear that flag when building (execstack -c, or the "
          "-z noexecstack linker option) rather than adding a plug.")),
  /* Before the /usr rule: the cause is the setuid bit, not the base snap. */
  FIX (F, "op=exec info=*no?new?privs*",
       N_("The program tried to gain privileges by running a setuid helper such as sudo; a "
          "snap can never do that. Do the privileged part in a service (daemon) of the snap, "
          "or ask a system service over D-Bus through the matching interface.")),
  FIX (F, "object=$SNAP{,/**} perm=w",
       N_("$SNAP is read-only. Write to $SNAP_USER_DATA or $SNAP_USER_COMMON (apps run by "
          "users) or $SNAP_DATA or $SNAP_COMMON (services); for a path the program cannot "
          "change, add a layout that maps it to one of those folders.")),
  FIX (F, "object={$SNAP_USER_DATA,$SNAP_USER_COMMON}{,/**} owner=no",
       N_("The file in the snap's user data belongs to another user; only files the user "
          "owns are writable there.")),
  FIX (F, "object={$SNAP_DATA,$SNAP_USER_DATA}{,/**} perm=w",
       N_("Only the current revision's data folder and the common folder are writable: use "
          "the $SNAP_DATA, $SNAP_USER_DATA or *_COMMON variables instead of a fixed revision "
          "path.")),
  FIX (F, "object=$HOME/bin{,/**} perm=w",
       N_("Writing to ~/bin is always refused, even with home connected; choose another "
          "location.")),
  RULE (F, "object=$HOME/snap{,/}",
        "home",
        N_("Listing the user's ~/snap folder needs the home interface.")),
  FIX (F, "object=$HOME/snap/*{,/**}",
       N_("This is another snap's private data folder; snaps cannot read each other's user "
          "data.")),

  /* ------------------------------------------------------------------ */
  /* Files in the home folder (§6.5)                                    */
  /* ------------------------------------------------------------------ */
  RULE (F, "object=$HOME/.ssh/{*.pub,environment} perm=r",
        "ssh-public-keys ssh-keys",
        N_("Reading public SSH keys is what ssh-public-keys allows, without the private keys.")),
  RULE (F, "object=$HOME/.ssh{,/**} perm=r",
        "ssh-keys",
        N_("Reading ~/.ssh (keys, config, known hosts) needs ssh-keys.")),
  RULE (F, "object=$HOME/.gnupg/{pubring.kbx,pubring.gpg,trustdb.gpg} perm=r",
        "gpg-public-keys gpg-keys",
        N_("Reading the public GnuPG keyring needs only gpg-public-keys.")),
  RULE (F, "object={$HOME/.gnupg{,/**},/run/user/UID/gnupg{,/**}}",
        "gpg-keys",
        N_("Using ~/.gnupg or the gpg-agent sockets needs gpg-keys.")),
  RULE (F, "object={$HOME/.config/dconf,/run/user/UID/dconf,/etc/dconf}{,/**}",
        "gsettings",
        N_("The dconf database holds GSettings; gsettings gives access to it.")),
  RULE (F, "object={$HOME/.config/pulse/cookie,$HOME/.pulse-cookie,/etc/pulse/**} perm=r",
        "audio-playback",
        N_("The PulseAudio cookie and configuration are readable with audio-playback.")),
  RULE (F, "object={$HOME/.local/share/fonts,$HOME/.fonts,$HOME/.cache/fontconfig,"
           "$HOME/.config/fontconfig,/var/cache/fontconfig,/usr/share/fonts,/etc/fonts}{,/**} "
           "perm=r",
        "desktop x11 unity7",
        N_("Fonts and the font cache are readable with desktop.")),
  RULE (F, "object={$HOME/.config/user-dirs.*,$HOME/.config/gtk-{3.0,4.0}{,/**},"
           "$HOME/.config/kdeglobals,/usr/share/{icons,themes,pixmaps,glib-2.0/schemas}{,/**},"
           "/etc/xdg/user-dirs.*,/etc/gtk-{3.0,4.0}/**} perm=r",
        "desktop unity7",
        N_("Desktop settings, themes and icons are readable with desktop (the desktop "
           "extensions add it for you).")),
  RULE (F, "object=/var/lib/snapd/desktop{,/**} perm=r",
        "desktop",
        N_("The desktop launcher reads the .desktop files and icons of installed snaps; "
           "desktop allows it.")),
  RULE (F, "object={$HOME/.Xauthority,/run/user/UID/.mutter-Xwaylandauth.*,/run/user/UID/xauth_*}",
        "x11",
        N_("The X authority file is needed to talk to the X server; x11 allows it.")),
  RULE (F, "object=$HOME/.local/share/juju{,/**} perm=r",
        "juju-client-observe",
        N_("Reading the Juju client configuration needs juju-client-observe.")),
  RULE (F, "object=/run/user/UID/doc{,/**}",
        "desktop",
        N_("Files chosen through the document portal live under /run/user/UID/doc; desktop "
           "gives access to them.")),
  RULE (F, "object=/run/user/UID/gvfs{,/**}",
        "home",
        N_("GVfs network and device mounts under /run/user/UID/gvfs are covered by home.")),
  RULE (F, "object={/var/lib/snapd/hostfs,}/tmp/krb5cc*",
        "kerberos-tickets",
        N_("Kerberos ticket caches are reachable with kerberos-tickets.")),
  RULE (F, "object=/var/lib/snapd/hostfs/etc/os-release perm=r",
        "system-observe",
        N_("Reading the host's os-release needs system-observe.")),
  RULE (F, "object={$HOME,$HOME/,$HOME/[^.]*,$HOME/[^.]*/**} owner=no perm=r",
        "home@home-all:read=all",
        N_("The file belongs to another user (or the app runs as root): only home with "
           "read: all lets it read other users' files.")),
  FIX (F, "object={$HOME/[^.]*,$HOME/[^.]*/**} owner=no",
       N_("The file belongs to another user; no interface lets a snap write other users' "
          "files. Fix the ownership or run the app as that user.")),
  RULE (F, "object=$HOME/.*{,/**}",
        "personal-files",
        N_("Hidden files and folders in the home folder are not covered by home; "
           "personal-files names exactly the ones the app needs.")),
  RULE (F, "object={$HOME,$HOME/,$HOME/[^.]*,$HOME/[^.]*/**}",
        "home",
        N_("Files in the user's home folder (not hidden ones) need home.")),

  /* ------------------------------------------------------------------ */
  /* Sockets (§6.8), as file records or unix network records            */
  /* ------------------------------------------------------------------ */
  RULE (SOCK, "addr=/run/user/UID/wayland-*",
        "wayland",
        N_("Talking to the Wayland compositor needs wayland.")),
  RULE (SOCK, "addr={@/tmp/.X11-unix/X*,/tmp/.X11-unix/X*}",
        "x11",
        N_("Talking to the X server needs x11.")),
  FIX (SOCK, "addr=@/tmp/.ICE-unix/*",
       N_("X session management (ICE) is always refused for snaps; it is harmless and can be "
          "ignored.")),
  RULE (SOCK, "addr={/run/user/UID/pulse/native,/run/pulse/native,/var/snap/*/common/pulse/native}",
        "audio-playback",
        N_("Playing sound through PulseAudio or PipeWire needs audio-playback; recording also "
           "needs audio-record.")),
  RULE (SOCK, "addr=/run/user/UID/pipewire-*",
        "pipewire",
        N_("Talking to PipeWire directly needs pipewire; apps that can use the PulseAudio "
           "protocol can use audio-playback instead.")),
  RULE (SOCK, "addr={/run/user/UID/at-spi/bus*,@/tmp/dbus-*/at-spi*}",
        "desktop-legacy",
        N_("The accessibility bus is reachable with desktop-legacy.")),
  RULE (SOCK, "addr={/run/user/UID/bus,@/tmp/dbus-*}",
        "desktop",
        N_("The app talks to the session bus; desktop covers the common desktop services, "
           "and the D-Bus denials that follow name the exact service.")),
  FIX (SOCK, "addr={/run/dbus/system_bus_socket,/var/run/dbus/system_bus_socket}",
       N_("The app talks to the system bus: the D-Bus denials that follow name the service "
          "and the interface to add.")),
  RULE (SOCK, "addr=/run/cups/cups.sock",
        "cups cups-control",
        N_("Printing goes through the CUPS socket: the cups plug prints, cups-control also "
           "administers printers.")),
  RULE (SOCK, "addr={/run/avahi-daemon/socket,/var/run/avahi-daemon/socket}",
        "network avahi-observe",
        N_("Host name lookups over mDNS use the Avahi socket, which network allows.")),
  RULE (SOCK, "addr=/run/snapd.socket",
        "snapd-control",
        N_("Managing snaps through snapd's socket needs snapd-control.")),
  RULE (SOCK, "addr={/run/docker.sock,/var/run/docker.sock}",
        "docker",
        N_("Talking to the Docker daemon needs the docker plug (served by the docker snap).")),
  FIX (SOCK, "addr={/run/systemd/journal/*,/run/snapd-snap.socket}",
       N_("This socket is allowed by the default policy; the denial usually comes from a "
          "descriptor inherited from outside the snap.")),
  RULE (SOCK, "addr=@xtables",
        "firewall-control",
        N_("The xtables lock is used by iptables; firewall-control allows it.")),
  RULE (SOCK, "addr={@mbim-proxy,@qmi-proxy}",
        "modem-manager",
        N_("The MBIM and QMI proxies belong to ModemManager; modem-manager allows them.")),
  RULE (SOCK, "addr=@/org/kernel/linux/storage/multipathd",
        "dm-multipath",
        N_("The multipath daemon's socket needs dm-multipath.")),
  RULE (SOCK, "addr={@nvidia*,@cuda-uvmfd-*,@var/run/nvidia-xdriver-*}",
        "opengl",
        N_("The NVIDIA driver's sockets are allowed by opengl.")),
  RULE (SOCK, "addr={@tmp/.mozc.*,@/tmp/ibus/*,@$HOME/.cache/ibus/*,@/tmp/fcitx*,@fcitx*}",
        "desktop-legacy",
        N_("Input methods (IBus, Fcitx, Mozc) are reachable with desktop-legacy.")),
  FIX (SOCK, "addr=@snap.*",
       /* Translators: keep {snap}, it is replaced by the snap name. */
       N_("Abstract socket names must start with snap.{snap}. to be allowed; a name of another "
          "snap needs a slot and plug pair with that snap.")),
  FIX (UNX | K (DBUS), "peer=snap.*",
       N_("The other side is another snap: that snap must offer a slot (content, dbus or its "
          "own interface) for this one to plug into.")),

  /* ------------------------------------------------------------------ */
  /* /etc and system configuration (§6.5)                               */
  /* ------------------------------------------------------------------ */
  RULE (F, "object={/etc/resolv.conf,/etc/hosts,/etc/nsswitch.conf,/etc/gai.conf,/etc/host.conf,"
           "/etc/services,/etc/protocols,/run/systemd/resolve/**,/run/NetworkManager/resolv.conf,"
           "/run/systemd/userdb{,/**}} perm=r",
        "network",
        N_("Name resolution files are readable with network.")),
  RULE (F, "object=/etc/hostname perm=w",
        "hostname-control",
        N_("Changing the host name needs hostname-control.")),
  RULE (F, "object={/etc/timezone,/etc/localtime} perm=w",
        "timezone-control",
        N_("Changing the time zone needs timezone-control.")),
  RULE (F, "object=/etc/default/locale perm=w",
        "locale-control",
        N_("Changing the system locale needs locale-control.")),
  RULE (F, "object=/etc/netplan{,/**} perm=r",
        "network-setup-observe network-setup-control",
        N_("Reading the netplan configuration needs network-setup-observe.")),
  RULE (F, "object=/etc/netplan{,/**}",
        "network-setup-control",
        N_("Changing the netplan configuration needs network-setup-control.")),
  RULE (F, "object={/etc/fstab,/etc/mtab,/run/mount/utab} perm=r",
        "mount-observe",
        N_("Reading the mount tables needs mount-observe.")),
  RULE (F, "object=/etc/ssh/*.pub perm=r",
        "ssh-public-keys",
        N_("Reading the host's public SSH keys needs ssh-public-keys.")),
  RULE (F, "object=/etc/ssh/ssh_config{,.d,.d/**} perm=r",
        "ssh-keys",
        N_("The system-wide SSH client configuration is readable with ssh-keys.")),
  FIX (F, "object={/etc/shadow,/etc/gshadow,/etc/sudoers{,.d/**}}",
       N_("Password and sudo files are off limits to ordinary snaps; change the program so it "
          "does not read them.")),
  RULE (F, "object={/etc/modprobe.d{,/**},/etc/sensors3.conf,/etc/sensors.d{,/**}} perm=r",
        "hardware-observe",
        N_("Hardware configuration files are readable with hardware-observe.")),
  RULE (F, "object=/etc/*{,/**}",
        "system-files",
        N_("Host configuration outside the common set needs system-files with this path "
           "(or, if the snap should ship the file itself, a layout).")),

  /* ------------------------------------------------------------------ */
  /* Logs, removable media (§6.5)                                       */
  /* ------------------------------------------------------------------ */
  RULE (F, "object={/var/log,/run/log/journal}{,/**} perm=r",
        "log-observe",
        N_("Reading system logs needs log-observe.")),
  RULE (F, "object=/dev/kmsg",
        "log-observe",
        N_("Reading the kernel log needs log-observe.")),
  RULE (F, "object={/boot/config*,/proc/config.gz} perm=r",
        "system-observe",
        N_("Reading the kernel configuration needs system-observe.")),
  RULE (F, "object={/media,/run/media,/mnt}{,/**}",
        "removable-media",
        N_("USB sticks, SD cards and other mounted media need removable-media.")),

  /* ------------------------------------------------------------------ */
  /* Device nodes (§6.6)                                                */
  /* ------------------------------------------------------------------ */
  FIX (F, "object=/dev/{tty,console,null,zero,full,random,urandom,ptmx,pts,pts/*}",
       N_("The default policy allows this device; the denial usually comes from a descriptor "
          "inherited from outside the snap and is harmless.")),
  RULE (F, "object=/dev/vchiq",
        "camera opengl",
        N_("The VideoCore device serves the Raspberry Pi camera and GPU: camera for the "
           "camera, opengl for graphics.")),
  RULE (F, "object=/dev/video*",
        "camera",
        N_("Video capture devices (webcams) need camera.")),
  RULE (F, "object={/dev/snd{,/**},/proc/asound{,/**},/var/lib/alsa{,/**}}",
        "alsa",
        N_("Direct ALSA sound device access needs alsa; apps that can use PulseAudio or "
           "PipeWire should use audio-playback instead.")),
  RULE (F, "object={/dev/dri{,/**},/dev/nvidia*,/dev/mali*,/dev/pvr*,/dev/kfd}",
        "opengl",
        N_("GPU device nodes are allowed by opengl.")),
  RULE (F, "object=/dev/accel{,/**}",
        "accel",
        N_("Compute accelerator devices need accel.")),
  RULE (F, "object=/dev/input/js*",
        "joystick",
        N_("Joysticks and gamepads need joystick.")),
  RULE (F, "object=/dev/input/event*",
        "raw-input joystick",
        N_("Reading input events directly (keyboards, mice, touch) needs raw-input.")),
  RULE (F, "object=/dev/input{,/**}",
        "raw-input",
        N_("Raw input devices need raw-input.")),
  RULE (F, "object=/dev/uinput",
        "uinput",
        N_("Creating virtual input devices needs uinput.")),
  RULE (F, "object=/dev/uhid",
        "uhid",
        N_("Creating virtual HID devices needs uhid.")),
  RULE (F, "object=/dev/hidraw*",
        "u2f-devices hidraw",
        N_("Security keys (FIDO/U2F) are reachable with u2f-devices; other HID devices need a "
           "hidraw slot from the device's gadget.")),
  RULE (F, "object={/dev/bus/usb{,/**},/dev/usb/lp*}",
        "raw-usb adb-support",
        N_("Talking to USB devices directly needs raw-usb.")),
  RULE (F, "object=/dev/tty{USB,ACM}*",
        "raw-usb serial-port",
        N_("USB serial adapters are reachable with raw-usb on desktops; on Ubuntu Core the "
           "gadget offers a serial-port slot.")),
  RULE (F, "object=/dev/{ttyS,ttyAMA,ttymxc,ttyXRUSB,ttyO,ttySC,ttyMSM,ttyHS,ttyGS,ttyLP,"
           "ttyRPMSG,ttyMAX,serial-port-}*",
        "serial-port",
        N_("Serial ports need a serial-port slot naming the device (from the gadget or the "
           "system).")),
  RULE (F, "object=/dev/{sr,scd}* perm=r",
        "optical-drive",
        N_("Reading CDs and DVDs needs optical-drive.")),
  RULE (F, "object=/dev/{sr,scd}*",
        "optical-drive@optical-drive-write:write=true",
        N_("Burning discs needs optical-drive with write: true.")),
  RULE (F, "object=/dev/sg*",
        "optical-drive scsi-generic",
        N_("SCSI generic devices are mostly optical drives (optical-drive); other SCSI "
           "devices need scsi-generic.")),
  RULE (F, "object=/dev/{sd,nvme,mmcblk,loop,vd,hd,xvd}*",
        "block-devices raw-volume",
        N_("Whole disks and partitions need block-devices.")),
  RULE (F, "object={/dev/mapper/control,/dev/dm-*}",
        "dm-crypt",
        N_("Device mapper access (encrypted volumes) needs dm-crypt.")),
  RULE (F, "object=/dev/fuse",
        "fuse-support",
        N_("Mounting FUSE file systems needs fuse-support.")),
  RULE (F, "object=/dev/kvm",
        "kvm",
        N_("Running virtual machines with KVM needs kvm.")),
  RULE (F, "object={/dev/net/tun,/dev/rfkill}",
        "network-control",
        N_("TUN/TAP devices and the radio kill switch need network-control.")),
  RULE (F, "object=/dev/ppp",
        "ppp",
        N_("PPP connections need ppp.")),
  RULE (F, "object=/dev/vsock",
        "vsock-guest",
        N_("Talking to the VM host over vsock needs vsock-guest.")),
  RULE (F, "object=/dev/tpm*",
        "tpm",
        N_("The TPM chip needs tpm.")),
  RULE (F, "object=/dev/{rtc,pps}*",
        "time-control",
        N_("The hardware clock and PPS devices need time-control.")),
  RULE (F, "object=/dev/hwrng perm=r",
        "hardware-random-observe",
        N_("Reading the hardware random number generator needs hardware-random-observe.")),
  RULE (F, "object=/dev/hwrng",
        "hardware-random-control",
        N_("Controlling the hardware random number generator needs hardware-random-control.")),
  RULE (F, "object=/dev/mem perm=r",
        "physical-memory-observe",
        N_("Reading physical memory needs physical-memory-observe.")),
  RULE (F, "object=/dev/mem",
        "physical-memory-control",
        N_("Writing physical memory needs physical-memory-control.")),
  RULE (F, "object=/dev/port",
        "io-ports-control",
        N_("Raw I/O port access needs io-ports-control.")),
  RULE (F, "object=/dev/i2c-*",
        "i2c",
        N_("I2C buses need an i2c slot from the gadget.")),
  RULE (F, "object=/dev/spidev*",
        "spi",
        N_("SPI devices need an spi slot from the gadget.")),
  RULE (F, "object=/dev/gpiochip*",
        "gpio-chardev gpio-control",
        N_("GPIO chips need a gpio-chardev slot from the gadget.")),
  RULE (F, "object=/dev/pwm*",
        "pwm",
        N_("PWM channels need a pwm slot from the gadget.")),
  RULE (F, "object=/dev/iio:device*",
        "iio",
        N_("Industrial I/O sensors need an iio slot from the gadget.")),
  RULE (F, "object=/dev/fb*",
        "framebuffer",
        N_("The framebuffer device needs framebuffer.")),

  /* ------------------------------------------------------------------ */
  /* /sys, /proc, /run/udev (§6.7)                                      */
  /* ------------------------------------------------------------------ */
  RULE (F, "object={/sys/devices/**/drm/card*/card*/*_backlight/brightness,"
           "/sys/devices/**/leds/*kbd_backlight*/brightness,/sys/class/backlight{,/**},"
           "/sys/devices/**/backlight/**}",
        "display-control",
        N_("Changing screen or keyboard brightness needs display-control.")),
  RULE (F, "object=/sys/class/gpio/{export,unexport}",
        "gpio gpio-control",
        N_("Exporting GPIO pins needs a gpio slot from the gadget.")),
  RULE (F, "object=/sys/fs/fuse{,/**}",
        "fuse-support",
        N_("FUSE control files need fuse-support.")),
  RULE (F, "object=/sys/module/kvm*/parameters/*",
        "kvm",
        N_("KVM module parameters are readable with kvm.")),
  RULE (F, "object={/sys/devices/*/block{,/**},/sys/devices/virtual/block{,/**}} perm=r",
        "mount-observe hardware-observe",
        N_("Block device information is readable with mount-observe.")),
  RULE (F, "object=/sys/fs/{ext4,btrfs}{,/**} perm=r",
        "system-observe",
        N_("File system statistics are readable with system-observe.")),
  RULE (F, "object=/sys/kernel/{debug,tracing}{,/**}",
        "system-trace",
        N_("Kernel tracing and debug files need system-trace.")),
  RULE (F, "object={/sys/class/power_supply{,/**},/run/udev/data/+power_supply:*} perm=r",
        "hardware-observe",
        N_("Battery and power supply details are readable with hardware-observe (or ask "
           "UPower through upower-observe).")),
  WEAK (F, "object={/sys/{block,bus,class,devices,firmware,power,hypervisor}{,/**},"
           "/sys/kernel/mm/{ksm,hugepages,transparent_hugepage}{,/**}} perm=r",
        "hardware-observe",
        N_("Reading hardware details from /sys needs hardware-observe.")),
  RULE (F, "object={/proc/PID/{mounts,mountstats,mountinfo},/proc/PID/task/TID/{mounts,mountinfo,"
           "mountstats},/proc/{mounts,swaps},/proc/spl/kstat/zfs/arcstats} perm=r",
        "mount-observe",
        N_("Reading the mount table of a process needs mount-observe.")),
  RULE (F, "object={/proc/PID/net{,/**},/proc/sys/net{,/**}} perm=r",
        "network-observe",
        N_("Network statistics and settings in /proc are readable with network-observe.")),
  RULE (F, "object=/proc/sys/net{,/**}",
        "network-control firewall-control",
        N_("Changing kernel network settings needs network-control.")),
  FIX (F, "object=/proc/PID/oom_score_adj",
       N_("No ordinary interface lets a snap change a process's OOM score; browsers and "
          "Electron apps try this and carry on, so it is usually harmless.")),
  FIX (F, "object=/proc/PID/{environ,maps,mem}",
       N_("Reading another process's environment or memory map is not allowed for ordinary "
          "snaps; change the program if it needs this.")),
  RULE (F, "object={/proc/{cpuinfo,interrupts,ioports,dma,devices,bus/pci{,/**},bus/input/devices,"
           "scsi{,/**},ide{,/**},device-tree{,/**},tty/driver/*,sysinfo,xen/capabilities,mtrr}} "
           "perm=r",
        "hardware-observe",
        N_("Hardware details from /proc are readable with hardware-observe.")),
  RULE (F, "object={/proc/PID/{cmdline,comm,stat,statm,status,io,cgroup,auxv,exe,fdinfo{,/*},wchan,"
           "oom_score,smaps_rollup,smaps,attr/current,sched,limits,task{,/**}},"
           "/proc/{stat,vmstat,zoneinfo,locks,modules,diskstats,partitions,pressure{,/*},kallsyms,"
           "cgroups,schedstat,slabinfo,loadavg,uptime}} perm=r",
        "system-observe",
        N_("Reading information about other processes and the system needs system-observe.")),
  RULE (F, "object={/run/udev/data/c189:*,/run/udev/data/+usb:*} perm=r",
        "raw-usb hardware-observe",
        N_("USB device details in the udev database come with raw-usb.")),
  RULE (F, "object={/run/udev/data/c116:*,/run/udev/data/+sound:*} perm=r",
        "audio-playback alsa",
        N_("Sound card details in the udev database are readable with audio-playback "
           "(or alsa for direct ALSA use).")),
  RULE (F, "object=/run/udev/data/c81:* perm=r",
        "camera",
        N_("Camera details in the udev database come with camera.")),
  RULE (F, "object={/run/udev/data/c13:*,/run/udev/data/+input:*} perm=r",
        "joystick raw-input",
        N_("Input device details in the udev database come with joystick or raw-input.")),
  RULE (F, "object=/run/udev/{data,tags}{,/**} perm=r",
        "hardware-observe",
        N_("Reading the udev database needs hardware-observe.")),
  RULE (F, "object=/run/systemd/sessions{,/**} perm=r",
        "login-session-observe",
        N_("Reading login session details needs login-session-observe.")),

  /* ------------------------------------------------------------------ */
  /* Files: generic fallbacks                                           */
  /* ------------------------------------------------------------------ */
  FALLBACK (F, "object=/var/lib/snapd/hostfs{,/**}",
       N_("This is the host's file system seen from inside the snap: use a layout or the "
          "content interface, or system-files for a host path.")),
  RULE (F, "object=/snap/*{,/**}",
        "content",
        N_("Files of another snap are shared through the content interface (it auto-connects "
           "between snaps of the same publisher).")),
  RULE (F, "object=/var/snap/*{,/**}",
        "content",
        N_("Data of another snap is shared through the content interface.")),
  BOTH (F, "object=/dev/shm/*",
        "shared-memory@shared-memory-private:private=true",
        N_("shared-memory with private: true gives the snap a /dev/shm of its own."),
        /* Translators: keep {snap}, it is replaced by the snap name. */
        N_("Shared memory names must start with snap.{snap}. to be allowed; rename the "
           "segment, or use the shared-memory interface to share it with another snap.")),
  FALLBACK (F, "object=/run/lock/*",
       /* Translators: keep {snap}, it is replaced by the snap name. */
       N_("Lock files must live in /run/lock/snap.{snap}/; point the program there.")),
  FALLBACK (F, "object={/tmp,/var/tmp}/**",
       N_("Each snap has a private /tmp: files made outside the snap are not visible. Share "
          "them through $SNAP_USER_COMMON, the document portal or $XDG_RUNTIME_DIR.")),
  FALLBACK (F, "object={/var/lib,/var/cache,/var/spool,/opt,/usr/local,/srv}{,/**}",
       N_("The program expects its own files here: use $SNAP_DATA or $SNAP_COMMON, or map "
          "this path there with a layout (for example /var/lib/foo: bind: $SNAP_DATA/foo).")),
  FALLBACK (F, "object=/run{,/**}",
       /* Translators: keep {snap}, it is replaced by the snap name. */
       N_("Runtime files must live in /run/snap.{snap}/; point the program there or add a "
          "layout.")),
  FALLBACK (F, "object={/usr,/lib,/lib32,/lib64,/bin,/sbin}{,/**}",
       N_("/usr belongs to the base snap and is read-only: stage the package that provides "
          "this file in the snap (stage-packages), or use a layout for a fixed path.")),
  WEAK (F, "object=/sys/** perm=r",
        "hardware-observe",
        N_("Reading details from /sys needs hardware-observe.")),
  WEAK (F, "object=/proc/** perm=r",
        "system-observe",
        N_("Reading system details from /proc needs system-observe.")),
  FALLBACK (F, "object=/dev/**",
       N_("No standard interface is known for this device: a gadget or custom slot must "
          "provide it, or use a device-specific interface.")),

  /* ------------------------------------------------------------------ */
  /* Network families and netlink (§6.9)                                */
  /* ------------------------------------------------------------------ */
  RULE (K (NETWORK), "family=netlink protocol={0,route}",
        "network network-observe network-control",
        N_("Reading addresses and routes over netlink is allowed by network.")),
  RULE (K (NETWORK), "family=netlink protocol={4,sock_diag,inet_diag}",
        "network-observe network-control",
        N_("Listing sockets (like ss does) needs network-observe.")),
  RULE (K (NETWORK), "family=netlink protocol={3,5,12,13,firewall,nflog,netfilter,ip6_fw}",
        "firewall-control",
        N_("Netfilter and firewall netlink sockets need firewall-control.")),
  RULE (K (NETWORK), "family=netlink protocol={9,audit}",
        "netlink-audit",
        N_("The kernel audit netlink socket needs netlink-audit.")),
  RULE (K (NETWORK), "family=netlink protocol={11,connector}",
        "netlink-connector",
        N_("The kernel connector netlink socket needs netlink-connector.")),
  RULE (K (NETWORK), "family=netlink protocol={15,kobject_uevent}",
        "hardware-observe raw-usb raw-input network-observe network-manager",
        N_("Watching device hotplug events (udev monitor) needs hardware-observe.")),
  RULE (K (NETWORK), "family=netlink protocol={16,generic}",
        "network-observe network-control hardware-observe",
        N_("Generic netlink (Wi-Fi, task statistics) needs network-observe to read and "
           "network-control to change.")),
  RULE (K (NETWORK), "family=netlink protocol={6,8,10,14,20,xfrm,iscsi,fib_lookup,dnrtmsg,rdma}",
        "network-control",
        N_("This netlink family configures the network stack and needs network-control.")),
  RULE (K (NETWORK), "family=netlink",
        "netlink-driver",
        N_("A driver-specific netlink family needs a netlink-driver slot naming it.")),
  RULE (K (NETWORK), "family={inet,inet6} sock_type=raw",
        "network-observe network-control firewall-control",
        N_("Raw IP sockets (ping without ICMP sockets, packet inspection) need "
           "network-observe.")),
  RULE (K (NETWORK), "family={inet,inet6} op={bind,listen,accept}",
        "network-bind",
        N_("Accepting incoming connections (a server socket) needs network-bind.")),
  RULE (K (NETWORK), "family={inet,inet6}",
        "network network-bind",
        N_("Internet access as a client needs network.")),
  RULE (K (NETWORK), "family=packet",
        "network-control",
        N_("Packet sockets (DHCP clients, capture tools) need network-control.")),
  RULE (K (NETWORK), "family=bluetooth",
        "bluez bluetooth-control",
        N_("Bluetooth sockets are allowed through bluez; controlling the adapter needs "
           "bluetooth-control.")),
  RULE (K (NETWORK), "family=alg",
        "kernel-crypto-api",
        N_("The kernel crypto API needs kernel-crypto-api.")),
  RULE (K (NETWORK), "family=can",
        "can-bus",
        N_("CAN bus sockets need can-bus.")),
  RULE (K (NETWORK), "family=vsock",
        "vsock-guest",
        N_("vsock sockets need vsock-guest.")),
  RULE (K (NETWORK), "family=qipcrtr",
        "qualcomm-ipc-router",
        N_("The Qualcomm IPC router needs a qualcomm-ipc-router slot.")),
  RULE (K (NETWORK), "family={appletalk,ipx,bridge,pppox,sna,x25,ax25,rose}",
        "network-control",
        N_("This legacy network family needs network-control.")),

  /* ------------------------------------------------------------------ */
  /* Capabilities (§6.10)                                               */
  /* ------------------------------------------------------------------ */
  RULE (K (CAPABILITY), "cap=net_admin",
        "network-control firewall-control bluetooth-control netlink-audit netlink-connector",
        N_("Changing network configuration needs network-control (firewall rules: "
           "firewall-control).")),
  RULE (K (CAPABILITY), "cap=net_raw",
        "network-observe network-control firewall-control",
        N_("Raw and packet sockets need network-observe.")),
  RULE (K (CAPABILITY), "cap=net_bind_service",
        "network-bind",
        N_("Listening on a port below 1024 needs network-bind.")),
  RULE (K (CAPABILITY), "cap=net_broadcast",
        "network-control",
        N_("Network broadcasts need network-control.")),
  RULE (K (CAPABILITY), "cap={sys_nice,kill}",
        "process-control",
        N_("Changing other processes (priority, scheduling, signals) needs process-control.")),
  RULE (K (CAPABILITY), "cap=sys_resource",
        "process-control system-trace",
        N_("Raising resource limits needs process-control.")),
  RULE (K (CAPABILITY), "cap=sys_time",
        "time-control",
        N_("Setting the system clock needs time-control.")),
  RULE (K (CAPABILITY), "cap=sys_rawio",
        "hardware-observe io-ports-control physical-memory-control block-devices",
        N_("Raw hardware I/O needs hardware-observe, or a device interface depending on what "
           "the app accesses.")),
  RULE (K (CAPABILITY), "cap=sys_admin",
        "fuse-support network-control system-trace hardware-observe hostname-control mount-control",
        N_("sys_admin covers many things: FUSE mounts need fuse-support, network namespaces "
           "network-control, tracing system-trace, other mounts mount-control; look at the "
           "other denials to pick one.")),
  RULE (K (CAPABILITY), "cap=syslog",
        "kernel-module-observe log-observe",
        N_("Reading the kernel ring buffer needs kernel-module-observe.")),
  RULE (K (CAPABILITY), "cap=sys_module",
        "kernel-module-control",
        N_("Loading kernel modules needs kernel-module-control.")),
  BOTH (K (CAPABILITY), "cap=dac_read_search",
        "log-observe home@home-all:read=all",
        N_("Reading files the user does not own: log-observe allows it for /var/log, home "
           "with read: all for home folders."),
        N_("Usually a root service reading files it does not own: fix the ownership or run as "
           "the owning user.")),
  BOTH (K (CAPABILITY), "cap=dac_override",
        "log-observe",
        N_("Only log-observe grants this capability, for the system logs."),
        N_("Usually a root service writing files it does not own: fix the ownership or run as "
           "the owning user.")),
  RULE (K (CAPABILITY), "cap={audit_write,audit_read}",
        "netlink-audit",
        N_("Writing or reading audit records needs netlink-audit.")),
  RULE (K (CAPABILITY), "cap=audit_control",
        "auditd-support",
        N_("Controlling the audit system needs auditd-support.")),
  FIX (K (CAPABILITY), "cap={setuid,setgid}",
       N_("Switching user or group is not an interface: declare system-usernames (for "
          "example snap_daemon: shared) and drop privileges to that user.")),
  FIX (K (CAPABILITY), "cap={chown,fowner,fsetid,mknod,setpcap,mac_admin,mac_override,ipc_lock,"
       "linux_immutable,sys_ptrace,sys_boot,sys_chroot,sys_pacct,sys_tty_config,lease,"
       "setfcap,wake_alarm,block_suspend,checkpoint_restore}",
       N_("No ordinary interface grants this capability: change how the program works (for "
          "example do not preserve file owners when copying).")),
  RULE (K (CAPABILITY), "cap={bpf,perfmon}",
        "system-trace kernel-sched-ext-control",
        N_("BPF and performance monitoring tools need system-trace.")),

  /* ------------------------------------------------------------------ */
  /* D-Bus (§6.11): matched on the interface, then the object path,     */
  /* then the destination name.                                         */
  /* ------------------------------------------------------------------ */
  FIX (K (DBUS), "op=dbus_bind name=org.mpris.MediaPlayer2.*",
       N_("Owning an MPRIS name needs an mpris slot on the snap (no connection needed).")),
  FIX (K (DBUS), "op=dbus_bind",
       N_("Owning a D-Bus name needs a dbus slot on the snap naming it (interface: dbus, "
          "bus, name); no connection is needed.")),
  FIX (K (DBUS), "interface=org.freedesktop.DBus member=RequestName",
       N_("Owning a D-Bus name needs a dbus slot on the snap naming it (interface: dbus, "
          "bus, name); no connection is needed.")),
  RULE (K (DBUS), "bus=accessibility",
        "desktop-legacy",
        N_("The accessibility bus is reachable with desktop-legacy.")),
  /* Session bus */
  RULE (K (DBUS), "bus=session svc=org.freedesktop.portal.NetworkMonitor*",
        "desktop network-status",
        N_("Desktop portals, including the network monitor, are reachable with desktop.")),
  RULE (K (DBUS), "bus=session svc={org.freedesktop.Notifications*,org.freedesktop.portal*,"
        "io.snapcraft.Launcher*,io.snapcraft.Settings*,org.gtk.Actions*,"
        "org.gtk.gio.DesktopAppInfo*,"
        "org.gnome.SettingsDaemon.MediaKeys*,org.gnome.Mutter.IdleMonitor*,"
        "org.gnome.keyring.SystemPrompter*,org.freedesktop.IBus*,org.fcitx.Fcitx*}",
        "desktop desktop-legacy unity7",
        N_("Notifications, portals and other common desktop services are reachable with "
           "desktop.")),
  RULE (K (DBUS), "bus=session svc={org.kde.StatusNotifierWatcher*,org.kde.StatusNotifierItem*,"
        "com.canonical.dbusmenu*,StatusNotifierWatcher*,StatusNotifierItem*,MenuBar*}",
        "desktop desktop-legacy",
        N_("Tray icons and their menus are reachable with desktop.")),
  RULE (K (DBUS), "bus=session svc={org.a11y.*,org.gtk.vfs.*,org.gtk.GLib.PACRunner*}",
        "desktop-legacy",
        N_("Accessibility, GVfs and proxy services are reachable with desktop-legacy.")),
  RULE (K (DBUS), "bus=session svc=ca.desrt.dconf*",
        "gsettings",
        N_("Writing settings through dconf needs gsettings.")),
  RULE (K (DBUS), "bus=session svc={org.freedesktop.ScreenSaver*,org.gnome.ScreenSaver*,"
        "org.gnome.SessionManager*,org.freedesktop.PowerManagement.Inhibit*}",
        "screen-inhibit-control",
        N_("Keeping the screen on (inhibiting the screensaver) needs screen-inhibit-control.")),
  RULE (K (DBUS), "bus=session svc={org.freedesktop.Secret*,org.freedesktop.secrets*,"
        "org.kde.KWallet*,org.kde.kwalletd*}",
        "password-manager-service",
        N_("Storing passwords in the desktop keyring needs password-manager-service.")),
  RULE (K (DBUS), "bus=session svc=org.gnome.Shell.{Screenshot,Screencast}*",
        "screencast-legacy",
        N_("Taking screenshots or screencasts through GNOME Shell needs screencast-legacy.")),
  RULE (K (DBUS), "bus=session svc=org.gnome.SettingsDaemon.Power*",
        "display-control",
        N_("Changing screen brightness through the settings daemon needs display-control.")),
  RULE (K (DBUS), "bus=session svc=org.gnome.OnlineAccounts*",
        "accounts-service",
        N_("Using GNOME online accounts needs accounts-service.")),
  RULE (K (DBUS), "bus=session svc=org.gnome.evolution.dataserver.{Calendar,Source}*",
        "calendar-service contacts-service",
        N_("Reading calendars from Evolution Data Server needs calendar-service.")),
  RULE (K (DBUS), "bus=session svc=org.gnome.evolution.dataserver*",
        "contacts-service calendar-service",
        N_("Reading contacts from Evolution Data Server needs contacts-service.")),
  RULE (K (DBUS), "bus=session svc=org.mpris.MediaPlayer2*",
        "mpris",
        N_("Controlling media players needs the mpris plug, connected to the player's slot.")),
  RULE (K (DBUS), "bus=session svc=org.freedesktop.impl.portal.PermissionStore*",
        "xdg-portal-permission-store",
        N_("Reading the portal permission store needs xdg-portal-permission-store.")),
  /* System bus */
  RULE (K (DBUS), "bus=system svc=org.freedesktop.UPower.KbdBacklight*",
        "display-control",
        N_("Changing the keyboard backlight needs display-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.UPower*",
        "upower-observe",
        N_("Reading battery and power state from UPower needs upower-observe.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.NetworkManager* access=read",
        "network-manager-observe network-manager",
        N_("Reading network state from NetworkManager needs network-manager-observe.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.NetworkManager*",
        "network-manager",
        N_("Changing connections through NetworkManager needs network-manager.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.ModemManager1*",
        "modem-manager",
        N_("Talking to ModemManager needs modem-manager.")),
  RULE (K (DBUS), "bus=system svc=org.ofono*",
        "ofono",
        N_("Talking to oFono needs ofono.")),
  RULE (K (DBUS), "bus=system svc=org.bluez*",
        "bluez",
        N_("Using Bluetooth devices through BlueZ needs bluez.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.login1* member={PowerOff,Reboot,Halt,Suspend,"
        "Hibernate,HybridSleep,SuspendThenHibernate,ScheduleShutdown,CancelScheduledShutdown,"
        "SetRebootToFirmwareSetup}",
        "shutdown",
        N_("Shutting down, rebooting or suspending the machine needs shutdown.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.login1* access=read",
        "login-session-observe",
        N_("Reading login sessions and seats needs login-session-observe.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.login1*",
        "login-session-control",
        N_("Controlling login sessions and seats needs login-session-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.hostname1* access=read",
        "system-observe",
        N_("Reading the host name and machine details needs system-observe.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.hostname1*",
        "hostname-control",
        N_("Changing the host name needs hostname-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.timedate1* member=SetTimezone",
        "timezone-control",
        N_("Changing the time zone needs timezone-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.timedate1* member=SetNTP",
        "timeserver-control",
        N_("Switching network time on or off needs timeserver-control.")),
  /* Each clock interface lets a snap read timedated's properties; the one
   * that grants least is named first (Firefox added timezone-control for
   * this, canonical/firefox-snap#166). */
  RULE (K (DBUS), "bus=system svc=org.freedesktop.timedate1* member={Get,GetAll,Introspect}",
        "timezone-control timeserver-control time-control",
        N_("Reading timedated's settings is allowed by each clock interface; timezone-control "
           "grants the least.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.timedate1*",
        "time-control timezone-control timeserver-control",
        N_("Reading or setting the clock through timedated needs time-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.timesync1*",
        "timeserver-control",
        N_("Configuring time synchronisation needs timeserver-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.locale1*",
        "locale-control",
        N_("Reading or changing the system locale through localed needs locale-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.systemd1*",
        "system-observe",
        N_("Listing systemd units and their state needs system-observe.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.resolve1*",
        "network",
        N_("Name resolution through systemd-resolved is allowed by network.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.network1* access=read",
        "network-observe network-control",
        N_("Reading systemd-networkd state needs network-observe.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.network1*",
        "network-control",
        N_("Changing systemd-networkd configuration needs network-control.")),
  RULE (K (DBUS), "bus=system svc=fi.w1.wpa_supplicant1*",
        "network-control",
        N_("Talking to wpa_supplicant needs network-control.")),
  RULE (K (DBUS), "bus=system svc=io.netplan.Netplan* access=read",
        "network-setup-observe network-setup-control",
        N_("Reading the netplan configuration needs network-setup-observe.")),
  RULE (K (DBUS), "bus=system svc=io.netplan.Netplan*",
        "network-setup-control",
        N_("Applying netplan configuration needs network-setup-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.Avahi.EntryGroup*",
        "avahi-control",
        N_("Publishing services over mDNS needs avahi-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.Avahi*",
        "avahi-observe avahi-control",
        N_("Browsing mDNS services through Avahi needs avahi-observe.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.UDisks2*",
        "udisks2",
        N_("Managing disks through UDisks needs udisks2.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.PackageKit*",
        "packagekit-control",
        N_("Installing packages through PackageKit needs packagekit-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.PolicyKit1*",
        "polkit",
        N_("Asking polkit for authorisation needs polkit.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.Accounts*",
        "account-control",
        N_("Reading or changing user accounts through AccountsService needs account-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.ColorManager*",
        "desktop",
        N_("Colour profiles from colord are reachable with desktop.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.RealtimeKit1*",
        "browser-support",
        N_("Realtime scheduling through RealtimeKit is only allowed by browser-support.")),
  RULE (K (DBUS), "bus=system svc=org.cups.cupsd*",
        "cups-control",
        N_("CUPS notifications need cups-control.")),
  RULE (K (DBUS), "bus=system svc=com.canonical.UbuntuAdvantage*",
        "ubuntu-pro-control",
        N_("Managing Ubuntu Pro needs ubuntu-pro-control.")),
  RULE (K (DBUS), "bus=system svc=org.freedesktop.fwupd*",
        "fwupd",
        N_("Firmware updates through fwupd need the fwupd interface.")),

  /* ------------------------------------------------------------------ */
  /* Signals, ptrace, mount, namespaces (§6.12)                         */
  /* ------------------------------------------------------------------ */
  RULE (K (SIGNAL), "mask=*send*",
        "process-control",
        N_("Sending signals to processes outside the snap needs process-control.")),
  FIX (K (SIGNAL), "mask=*",
       N_("Receiving signals and signalling the snap's own processes is allowed; this peer is "
          "unusual and usually needs no change in the snap.")),
  FIX (K (PTRACE), "mask={readby,tracedby}",
       N_("Another program tried to inspect this app; that program needs the permission, not "
          "this snap.")),
  BOTH (K (PTRACE), "mask=*trace*",
        "browser-support@browser-sandbox:allow-sandbox=true",
        N_("Tracing processes is silently refused for snaps; browser-support with "
           "allow-sandbox: true allows a browser sandbox to trace its own processes."),
        N_("Debuggers and tracers cannot run under strict confinement; use devmode or classic "
           "for them.")),
  RULE (K (PTRACE), "mask=*",
        "system-observe",
        N_("Reading other processes' details (like ps and top do) needs system-observe.")),
  RULE (K (MOUNT), "fstype=fuse*",
        "fuse-support",
        N_("Mounting FUSE file systems needs fuse-support.")),
  RULE (K (MOUNT), "name=/run/netns{,/**}",
        "network-control",
        N_("Creating network namespaces needs network-control.")),
  RULE (K (MOUNT), "op=*",
        "mount-control",
        N_("Mounting file systems needs mount-control with the mount points listed.")),
  RULE (K (OTHER), "op=userns_create",
        "browser-support@browser-sandbox:allow-sandbox=true userns",
        N_("Creating user namespaces (sandboxes of Chromium and Electron) needs "
           "browser-support with allow-sandbox: true, or userns.")),
  RULE (K (OTHER), "class=namespace",
        "browser-support@browser-sandbox:allow-sandbox=true userns",
        N_("Creating user namespaces (sandboxes of Chromium and Electron) needs "
           "browser-support with allow-sandbox: true, or userns.")),
  RULE (K (OTHER), "class=posix_mqueue",
        "posix-mq",
        N_("POSIX message queues need a posix-mq slot and plug pair.")),
  FIX (K (OTHER), "op=uring_*",
       N_("io_uring is not available to snaps; the program should fall back to ordinary "
          "I/O.")),

  /* ------------------------------------------------------------------ */
  /* Seccomp (§6.13 and §6.4)                                           */
  /* ------------------------------------------------------------------ */
  RULE (K (SECCOMP), "syscall={sched_setattr,sched_setscheduler,sched_setaffinity,sched_setparam,"
        "setpriority,nice}",
        "process-control",
        N_("Changing scheduling or priority beyond the default needs process-control; thread "
           "pools of GLib and Chromium try this harmlessly.")),
  RULE (K (SECCOMP), "syscall=socket",
        "network hardware-observe network-observe network-control netlink-audit "
        "netlink-connector firewall-control",
        N_("A netlink socket was refused; its protocol is not logged. network covers routes "
           "and addresses: run in devmode to see which netlink protocol is used.")),
  RULE (K (SECCOMP), "syscall=bind",
        "network network-bind",
        N_("Binding a socket is allowed by network (clients) and network-bind (servers).")),
  RULE (K (SECCOMP), "syscall={listen,accept,accept4}",
        "network-bind",
        N_("Accepting connections needs network-bind.")),
  RULE (K (SECCOMP), "syscall={mount,umount,umount2}",
        "mount-control fuse-support network-control",
        N_("Mounting needs mount-control; FUSE mounts need only fuse-support and network "
           "namespaces network-control.")),
  RULE (K (SECCOMP), "syscall=unshare",
        "network-control browser-support@browser-sandbox:allow-sandbox=true",
        N_("Creating namespaces needs network-control (network namespaces) or browser-support "
           "with allow-sandbox: true (browser sandboxes).")),
  RULE (K (SECCOMP), "syscall=setns",
        "network-control",
        N_("Entering network namespaces needs network-control.")),
  RULE (K (SECCOMP), "syscall={quotactl,listmount,statmount}",
        "mount-observe",
        N_("Reading quotas and mount information needs mount-observe.")),
  RULE (K (SECCOMP), "syscall=perf_event_open",
        "system-trace",
        N_("Performance monitoring needs system-trace.")),
  RULE (K (SECCOMP), "syscall=bpf",
        "system-trace network-control",
        N_("Loading BPF programs needs system-trace.")),
  RULE (K (SECCOMP), "syscall={ioperm,iopl}",
        "io-ports-control hardware-observe",
        N_("Raw I/O port access needs io-ports-control.")),
  RULE (K (SECCOMP), "syscall={init_module,finit_module,delete_module}",
        "kernel-module-control",
        N_("Loading or unloading kernel modules needs kernel-module-control.")),
  RULE (K (SECCOMP), "syscall={settimeofday,clock_settime,adjtimex,clock_adjtime,stime}",
        "time-control",
        N_("Setting the system clock needs time-control.")),
  RULE (K (SECCOMP), "syscall={sethostname,setdomainname}",
        "hostname-control",
        N_("Changing the host name needs hostname-control.")),
  RULE (K (SECCOMP), "syscall=lsm_get_self_attr",
        "system-observe",
        N_("Reading the security labels of the process needs system-observe.")),
  BOTH (K (SECCOMP), "syscall={keyctl,add_key,request_key}",
        "dm-crypt",
        N_("Only dm-crypt grants the kernel keyring, for encrypted volumes."),
        N_("The kernel keyring is not available to ordinary snaps; most programs fall back "
           "to another store.")),
  FIX (K (SECCOMP), "syscall={chown,chown32,fchown,fchown32,lchown,lchown32,fchownat}",
       N_("Changing file owners is only allowed to root (or a system-usernames user): declare "
          "system-usernames, or avoid it (tar --no-same-owner, cp without -p).")),
  FIX (K (SECCOMP), "syscall={setuid,setuid32,setgid,setgid32,setgroups,setgroups32,setreuid,"
       "setreuid32,setregid,setregid32,setresuid,setresuid32,setresgid,setresgid32,setfsuid,"
       "setfsuid32,setfsgid,setfsgid32}",
       N_("Switching to another user is not an interface: declare system-usernames (for "
          "example snap_daemon: shared) and switch to that user.")),
  RULE (K (SECCOMP), "syscall=ptrace",
        "browser-support@browser-sandbox:allow-sandbox=true",
        N_("Only browser-support with allow-sandbox: true allows ptrace, for browser "
           "sandboxes.")),
  FIX (K (SECCOMP), "syscall={openat2,ioctl}",
       N_("The default policy refuses this call on purpose; programs fall back to the older "
          "call, so it is usually harmless.")),
  FIX (K (SECCOMP), "syscall={pkey_alloc,pkey_free,pkey_mprotect,io_uring_setup,io_uring_enter,"
       "io_uring_register,userfaultfd,name_to_handle_at,open_by_handle_at,fanotify_init,"
       "process_vm_readv,process_vm_writev,kcmp,ioprio_set,mknod,mknodat}",
       N_("No ordinary interface allows this system call; programs usually probe for it and "
          "carry on without it.")),
  FIX (K (SECCOMP), "syscall=chroot",
       N_("The default policy allows chroot; the denial means an unusual argument.")),
};

#undef F
#undef SOCK
#undef UNX
#undef RULE
#undef FIX
#undef BOTH

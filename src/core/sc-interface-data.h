/* sc-interface-data.h — GENERATED from sc-interface-catalogue.ini by
 * build-aux/gen-interface-data.py; edit the table, not this file.
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interface table, included once by sc-interface-catalogue.c. Rows are
 * sorted by name (strcmp order); the catalogue looks names up by binary
 * search.
 *
 * Translators: each interface has a one-sentence description and sometimes
 * a short risk line. They are shown to snap developers next to a checkbox
 * that adds the plug to their app, and by “snapconfine-cli interfaces”.
 * Describe what the app is allowed to do, in plain words. Keep interface
 * names, file paths (/media, $HOME, /dev/…), attribute names (read, write,
 * allow-sandbox) and product names (D-Bus, PulseAudio, NetworkManager,
 * Ubuntu Core) exactly as they are: developers type them into snapcraft.yaml.
 * “Snap” is the package format; “slot” and “plug” are snapd terms, keep
 * them untranslated or use the established term of your language.
 */

#pragma once

#define SC_ATTRS(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define SC_NO_ATTRS   (sc_no_attributes)

static const char * const sc_no_attributes[] = { NULL };

static const ScInterfaceInfo sc_interfaces[] = {
  {
    .name = "accel", .category = "hardware",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use compute accelerators such as NPUs through the kernel's "
                      "/dev/accel devices."),
    .risk = NULL,
  },
  {
    .name = "account-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app add, change and remove user accounts and groups on the "
                      "system."),
    .risk = N_("Can create users and reset passwords, which amounts to full control of the "
               "machine."),
  },
  {
    .name = "accounts-service", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use the online accounts (Google, Nextcloud, …) the user set "
                      "up in GNOME's settings."),
    .risk = N_("Hands out sign-in tokens for those accounts."),
  },
  {
    .name = "acrn-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app manage virtual machines on the ACRN hypervisor from its "
                      "service VM."),
    .risk = N_("Controls every guest virtual machine on the device."),
  },
  {
    .name = "adb-support", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app talk to Android phones and tablets over USB, as the adb "
                      "debugging tool does."),
    .risk = NULL,
  },
  {
    .name = "allegro-vcu", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app encode and decode video with the Allegro codec hardware of "
                      "Xilinx Zynq UltraScale+ boards."),
    .risk = NULL,
  },
  {
    .name = "alsa", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app play and record sound directly through the ALSA sound "
                      "devices, without going through the sound server."),
    .risk = N_("Can use the microphone without the sound server knowing about it."),
  },
  {
    .name = "apparmor-observe", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read which AppArmor profiles are loaded and whether they "
                      "enforce or only complain."),
    .risk = NULL,
  },
  {
    .name = "appstream-metadata", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the AppStream catalogue of installed and available "
                      "software, as app stores do."),
    .risk = NULL,
  },
  {
    .name = "audio-playback", .category = "audio-video",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration; auto-connects on "
                    "classic",
    .description = N_("Lets the app play sound through the desktop's sound server (PulseAudio or "
                      "PipeWire)."),
    .risk = NULL,
  },
  {
    .name = "audio-record", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app record from microphones and other inputs through the sound "
                      "server."),
    .risk = N_("Can listen to the room the computer is in."),
  },
  {
    .name = "auditd-support", .category = "security",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app run the Linux audit daemon and set the kernel's auditing "
                      "rules."),
    .risk = N_("Can read and change the security audit trail of the whole system."),
  },
  {
    .name = "autopilot-introspection", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the Autopilot testing tool inspect the app's user interface over "
                      "D-Bus in automated tests."),
    .risk = NULL,
  },
  {
    .name = "avahi-control", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app announce its own services on the local network through Avahi,"
                      " and find others."),
    .risk = NULL,
  },
  {
    .name = "avahi-observe", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app discover printers, shares and other services that devices "
                      "announce on the local network (mDNS)."),
    .risk = NULL,
  },
  {
    .name = "block-devices", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("allow-partitions"),
    .policy_notes = "",
    .description = N_("Lets the app read and write whole disks as raw block devices; with "
                      "allow-partitions, single partitions too."),
    .risk = N_("Can read or wipe any data on any disk, ignoring file permissions."),
  },
  {
    .name = "bluetooth-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app manage Bluetooth adapters at kernel level, for example to run"
                      " its own Bluetooth stack."),
    .risk = NULL,
  },
  {
    .name = "bluez", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app scan for, pair with and use Bluetooth devices through the "
                      "system's BlueZ service."),
    .risk = NULL,
  },
  {
    .name = "bool-file", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app switch a single on/off control in /sys, such as an LED or "
                      "GPIO, that the gadget snap exposes."),
    .risk = NULL,
  },
  {
    .name = "broadcom-asic-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app drive Broadcom network switch chips through their kernel "
                      "driver."),
    .risk = NULL,
  },
  {
    .name = "browser-support", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("allow-sandbox"),
    .policy_notes = "allow-sandbox: true needs approval and manual connect",
    .description = N_("Gives web browsers and Electron apps what they need to run; allow-sandbox:"
                      " true also enables Chromium's own sandbox."),
    .risk = N_("With allow-sandbox it can create namespaces and trace its own processes; meant "
               "for browsers only."),
  },
  {
    .name = "calendar-service", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "no system slot on Ubuntu 14.04",
    .description = N_("Lets the app read and change the user's calendars kept by Evolution Data "
                      "Server."),
    .risk = N_("Sees all of the user's appointments."),
  },
  {
    .name = "camera", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use webcams and other video capture devices."),
    .risk = N_("Can take pictures or film without the user noticing."),
  },
  {
    .name = "can-bus", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app send and receive CAN bus messages, as used in vehicles and "
                      "industrial machines."),
    .risk = NULL,
  },
  {
    .name = "checkbox-support", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Gives the Checkbox certification tool the broad access it needs to run "
                      "arbitrary hardware tests."),
    .risk = N_("Close to unconfined; only for test tooling."),
  },
  {
    .name = "cifs-mount", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app mount Windows and Samba (SMB/CIFS) network shares."),
    .risk = NULL,
  },
  {
    .name = "classic-support", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app switch into an unconfined classic Ubuntu environment on "
                      "Ubuntu Core, like the classic snap."),
    .risk = N_("Leaves confinement entirely."),
  },
  {
    .name = "confdb", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("account", "view", "role"),
    .policy_notes = "auto-connects when account equals the snap publisher id",
    .description = N_("Lets the app read or change the configuration exposed by a confdb view, "
                      "named by account, view and role."),
    .risk = NULL,
  },
  {
    .name = "contacts-service", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "no system slot on Ubuntu 14.04",
    .description = N_("Lets the app read and change the address book kept by Evolution Data "
                      "Server."),
    .risk = N_("Sees all of the user's contacts."),
  },
  {
    .name = "content", .category = "content",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("content", "compatibility", "default-provider", "target"),
    .policy_notes = "auto-connect only with a same-publisher provider (or store grant); needs "
                    "matching content or compatibility label",
    .description = N_("Shares files between snaps: the app mounts a folder another snap offers, "
                      "such as libraries, themes or data, or offers one itself."),
    .risk = NULL,
  },
  {
    .name = "core-support", .category = "snap-tooling",
    .auto_connect = TRUE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in core-type snaps",
    .description = N_("Lets the core snap adjust system settings such as systemd configuration; "
                      "ordinary apps cannot use it."),
    .risk = N_("Reserved for the core snap."),
  },
  {
    .name = "cpu-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app tune the processors: frequency scaling, idle states and "
                      "taking cores online or offline."),
    .risk = NULL,
  },
  {
    .name = "cuda-driver-libs", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in the system snap (implicit plug); slots come from driver"
                    " snaps with approval",
    .description = N_("Lets a driver snap supply NVIDIA CUDA libraries to the system; snapd holds"
                      " the plug, apps never declare it."),
    .risk = NULL,
  },
  {
    .name = "cups", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app print through the printing service of the CUPS snap."),
    .risk = NULL,
  },
  {
    .name = "cups-control", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration; snapd additionally "
                    "steers auto-connect towards the system slot only when the host has cupsd",
    .description = N_("Lets the app administer the system's CUPS print service: add printers and "
                      "manage everyone's print jobs."),
    .risk = N_("Can change printing for all users of the machine."),
  },
  {
    .name = "custom-device", .category = "hardware",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("custom-device"),
    .policy_notes = "custom-device label must match the slot; slot side needs approval; snap docs"
                    " list it as super-privileged",
    .description = N_("Lets the app use the device nodes described by a matching custom-device "
                      "slot, chosen with the custom-device attribute."),
    .risk = N_("Access is as wide as the device list of the slot."),
  },
  {
    .name = "daemon-notify", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets a service tell systemd when it is ready or still alive (sd_notify)."),
    .risk = NULL,
  },
  {
    .name = "dbus", .category = "dbus",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("bus", "name"),
    .policy_notes = "a slot with a bus name needs a store declaration before plugs can connect",
    .description = N_("Lets the app own or talk to one agreed well-known name on the session or "
                      "system D-Bus, shared between two snaps."),
    .risk = NULL,
  },
  {
    .name = "dcdbas-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use Dell system management functions of the dcdbas driver, "
                      "such as scheduled power cycles."),
    .risk = N_("Can switch off or restart the machine."),
  },
  {
    .name = "desktop", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("desktop-file-ids", "mount-host-font-cache"),
    .policy_notes = "desktop-file-ids needs approval; connects only to the system slot",
    .description = N_("Lets a graphical app use the desktop basics: fonts, themes, notifications,"
                      " file choosers and other portals."),
    .risk = NULL,
  },
  {
    .name = "desktop-launch", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app find and start the desktop applications of other snaps, as a "
                      "launcher or dock does."),
    .risk = N_("Can run any installed desktop application."),
  },
  {
    .name = "desktop-legacy", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets a graphical app use older desktop services such as input methods and "
                      "the accessibility bus."),
    .risk = N_("The accessibility bus can reveal what other apps show and what the user types."),
  },
  {
    .name = "device-buttons", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read hardware buttons that the kernel reports as gpio-keys "
                      "input devices."),
    .risk = NULL,
  },
  {
    .name = "devlxd", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use the LXD guest API socket from inside an LXD container or "
                      "virtual machine."),
    .risk = NULL,
  },
  {
    .name = "display-control", .category = "graphics",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app change screen and keyboard backlight brightness and similar "
                      "display settings."),
    .risk = NULL,
  },
  {
    .name = "dm-crypt", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app create and unlock encrypted disk volumes (dm-crypt, LUKS)."),
    .risk = N_("Needs raw disk access and kernel keyrings."),
  },
  {
    .name = "dm-multipath", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app manage disks reached over several paths, through the "
                      "multipathd service."),
    .risk = NULL,
  },
  {
    .name = "docker", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration; snap docs list it as "
                    "super-privileged; base declaration alone allows manual connect to the "
                    "classic system slot, denies it on Core",
    .description = N_("Lets the app run and manage containers by talking to a Docker daemon "
                      "through its socket."),
    .risk = N_("Access to the Docker daemon is as powerful as root on the host."),
  },
  {
    .name = "docker-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("privileged-containers"),
    .policy_notes = "",
    .description = N_("Lets the app run the Docker daemon itself; privileged-containers: true "
                      "also allows privileged containers."),
    .risk = N_("A container runtime can do anything on the host."),
  },
  {
    .name = "dsp", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app drive the digital signal processor (DSP) of certain boards, "
                      "as offered by the gadget snap."),
    .risk = NULL,
  },
  {
    .name = "dvb", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app receive digital TV and radio through DVB tuner cards and "
                      "sticks."),
    .risk = NULL,
  },
  {
    .name = "egl-driver-libs", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in the system snap (implicit plug); slots come from driver"
                    " snaps with approval",
    .description = N_("Lets a driver snap supply EGL libraries to the system; snapd holds the "
                      "plug, apps never declare it."),
    .risk = NULL,
  },
  {
    .name = "empty", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("before-connect"),
    .policy_notes = "",
    .description = N_("Grants nothing; snapd uses it for tests and as the smallest possible "
                      "interface."),
    .risk = NULL,
  },
  {
    .name = "firewall-control", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app change the system's firewall rules (iptables, nftables)."),
    .risk = N_("Can open or block any network traffic of the machine."),
  },
  {
    .name = "firmware-updater-support", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Marks the app as the Firmware Updater, which snapd treats specially; it "
                      "adds no sandbox rules of its own."),
    .risk = NULL,
  },
  {
    .name = "fpga", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app load designs into FPGAs through the kernel's FPGA manager."),
    .risk = NULL,
  },
  {
    .name = "framebuffer", .category = "graphics",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app draw straight onto the screen through the framebuffer device,"
                      " without a display server."),
    .risk = NULL,
  },
  {
    .name = "fuse-support", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "no system slot on Ubuntu 14.04",
    .description = N_("Lets the app mount file systems it implements itself in user space (FUSE),"
                      " such as sshfs."),
    .risk = NULL,
  },
  {
    .name = "fwupd", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "connections need a store declaration",
    .description = N_("Lets the app talk to the fwupd service to list devices and install "
                      "firmware updates."),
    .risk = N_("Firmware runs below the operating system; a bad update can break or backdoor "
               "hardware."),
  },
  {
    .name = "gbm-driver-libs", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in the system snap (implicit plug); slots come from driver"
                    " snaps with approval",
    .description = N_("Lets a driver snap supply GBM buffer management libraries to the system; "
                      "snapd holds the plug."),
    .risk = NULL,
  },
  {
    .name = "gconf", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read and write settings in GConf, the configuration store of "
                      "older GNOME programs."),
    .risk = NULL,
  },
  {
    .name = "gpg-keys", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the user's GnuPG keyring in ~/.gnupg, secret keys "
                      "included, and use gpg-agent."),
    .risk = N_("Exposes the user's private signing and encryption keys."),
  },
  {
    .name = "gpg-public-keys", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the public keys and trust settings in ~/.gnupg, but not "
                      "the secret keys."),
    .risk = NULL,
  },
  {
    .name = "gpio", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app use one GPIO pin that the gadget snap offers."),
    .risk = NULL,
  },
  {
    .name = "gpio-chardev", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slots only from gadget snaps",
    .description = N_("Lets the app use GPIO lines through the modern character device API, as "
                      "the gadget snap offers them."),
    .risk = NULL,
  },
  {
    .name = "gpio-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app export and drive any GPIO pin of the board."),
    .risk = N_("Can toggle pins wired to critical hardware."),
  },
  {
    .name = "gpio-memory-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app reach GPIO registers directly through /dev/gpiomem, as on "
                      "Raspberry Pi boards."),
    .risk = NULL,
  },
  {
    .name = "greengrass-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("flavor"),
    .policy_notes = "",
    .description = N_("Lets AWS IoT Greengrass run the containers for its deployed functions; "
                      "flavor picks the mode."),
    .risk = N_("A container runtime with near-root power."),
  },
  {
    .name = "gsettings", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app store and read preferences through GSettings (dconf)."),
    .risk = N_("All apps share one settings database, so it can also change other apps' settings."),
  },
  {
    .name = "hardware-observe", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read details of the hardware: devices, buses, sensors and "
                      "kernel device information."),
    .risk = NULL,
  },
  {
    .name = "hardware-random-control", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app configure the kernel's hardware random number generator."),
    .risk = NULL,
  },
  {
    .name = "hardware-random-observe", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read random numbers straight from the hardware generator "
                      "(/dev/hwrng)."),
    .risk = NULL,
  },
  {
    .name = "hidraw", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app talk to one raw HID device that the gadget snap offers or "
                      "that was plugged in."),
    .risk = NULL,
  },
  {
    .name = "home", .category = "files",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("read"),
    .policy_notes = "no auto-connect on Ubuntu Core unless Core Desktop; read: all needs approval"
                    " and manual connect",
    .description = N_("Lets the app read and write the non-hidden files and folders in the user's"
                      " home folder; dot-files stay out of reach."),
    .risk = N_("Can read all of the user's documents; read: all also reads files of other users."),
  },
  {
    .name = "hostname-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app change the machine's host name."),
    .risk = NULL,
  },
  {
    .name = "hugepages-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app reserve and configure the kernel's huge memory pages."),
    .risk = NULL,
  },
  {
    .name = "i2c", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app talk to chips on an I2C bus that the gadget snap offers."),
    .risk = NULL,
  },
  {
    .name = "iio", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app read an industrial I/O sensor, such as an accelerometer or "
                      "ADC, that the gadget snap offers."),
    .risk = NULL,
  },
  {
    .name = "intel-mei", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app talk to the Intel Management Engine of the machine."),
    .risk = N_("The Management Engine runs below the operating system."),
  },
  {
    .name = "intel-qat", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use Intel QuickAssist accelerators for encryption and "
                      "compression."),
    .risk = NULL,
  },
  {
    .name = "io-ports-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read and write x86 I/O ports directly."),
    .risk = N_("Direct hardware access can crash or take over the machine."),
  },
  {
    .name = "ion-memory-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app allocate buffers from the ION memory allocator to share them "
                      "with hardware."),
    .risk = NULL,
  },
  {
    .name = "iscsi-initiator", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app connect to iSCSI storage over the network and use it as a "
                      "local disk."),
    .risk = NULL,
  },
  {
    .name = "jack1", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app connect to a JACK (version 1) server for low-latency audio."),
    .risk = NULL,
  },
  {
    .name = "joystick", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read game controllers, gamepads and joysticks."),
    .risk = NULL,
  },
  {
    .name = "juju-client-observe", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the Juju client's settings and credentials in "
                      "~/.local/share/juju."),
    .risk = N_("The files hold cloud credentials."),
  },
  {
    .name = "kerberos-tickets", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use the user's Kerberos tickets to sign in to network "
                      "services."),
    .risk = N_("Can act as the user on every service that accepts the tickets."),
  },
  {
    .name = "kernel-crypto-api", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use the kernel's cryptographic algorithms through AF_ALG "
                      "sockets."),
    .risk = NULL,
  },
  {
    .name = "kernel-firmware-control", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app set an extra folder from which the kernel loads device "
                      "firmware."),
    .risk = N_("Can make the kernel load untrusted firmware."),
  },
  {
    .name = "kernel-module-control", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app load and unload kernel modules."),
    .risk = N_("Kernel modules run with full control of the machine."),
  },
  {
    .name = "kernel-module-load", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("modules"),
    .policy_notes = "slot side also denies connection",
    .description = N_("Has snapd load the kernel modules listed in the modules attribute, with "
                      "options, when the system starts."),
    .risk = N_("Loaded modules run inside the kernel."),
  },
  {
    .name = "kernel-module-observe", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app list the loaded kernel modules and read their parameters."),
    .risk = NULL,
  },
  {
    .name = "kernel-sched-ext-control", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app load its own CPU scheduler into the kernel through sched_ext "
                      "(BPF)."),
    .risk = N_("The loaded scheduler decides how every process on the machine runs."),
  },
  {
    .name = "kubernetes-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("flavor"),
    .policy_notes = "",
    .description = N_("Lets the app run Kubernetes node services such as kubelet and kube-proxy; "
                      "flavor narrows the access."),
    .risk = N_("Runs containers with near-root power."),
  },
  {
    .name = "kvm", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app run hardware-accelerated virtual machines through /dev/kvm."),
    .risk = NULL,
  },
  {
    .name = "libvirt", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app create and control virtual machines through the system's "
                      "libvirt service."),
    .risk = N_("Managing virtual machines through libvirt is as powerful as root."),
  },
  {
    .name = "locale-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "system slot on Ubuntu Core only for Core Desktop",
    .description = N_("Lets the app change the system-wide language and regional format settings."),
    .risk = NULL,
  },
  {
    .name = "location-control", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app switch the location service on or off and manage who may use "
                      "it."),
    .risk = NULL,
  },
  {
    .name = "location-observe", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app ask the location service where the device is."),
    .risk = N_("Reveals where the user is."),
  },
  {
    .name = "log-observe", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the system logs and the systemd journal."),
    .risk = N_("Logs can contain personal data and secrets of other programs."),
  },
  {
    .name = "login-session-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app control login sessions and seats through systemd-logind, for "
                      "example to lock or switch them."),
    .risk = NULL,
  },
  {
    .name = "login-session-observe", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app see who is logged in and list the login sessions."),
    .risk = NULL,
  },
  {
    .name = "lxd", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot only in the service snap (needs approval); connection needs a store "
                    "declaration",
    .description = N_("Lets the app manage the containers and virtual machines of the LXD snap "
                      "through its API."),
    .risk = N_("Access to LXD is as powerful as root on the host."),
  },
  {
    .name = "lxd-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("enable-unconfined-mode"),
    .policy_notes = "",
    .description = N_("Lets the LXD daemon itself run containers and VMs; enable-unconfined-mode "
                      "allows unconfined instances."),
    .risk = N_("A container runtime can do anything on the host."),
  },
  {
    .name = "maliit", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app use the Maliit on-screen keyboard that another snap provides."),
    .risk = NULL,
  },
  {
    .name = "media-control", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app configure media hardware pipelines, as complex cameras need, "
                      "through /dev/media devices."),
    .risk = NULL,
  },
  {
    .name = "media-hub", .category = "audio-video",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration; no system slot; slot "
                    "comes from an app snap; base declaration allows connect and auto-connect on "
                    "classic",
    .description = N_("Lets the app play media through the media-hub service of Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "mediatek-accel", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("units"),
    .policy_notes = "units (apu or vcu) required to connect",
    .description = N_("Lets the app use the MediaTek AI (apu) or video (vcu) accelerators named "
                      "in the units attribute."),
    .risk = NULL,
  },
  {
    .name = "microceph", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot only in the service snap (needs approval); connection needs a store "
                    "declaration",
    .description = N_("Lets the app use the Ceph storage cluster run by the microceph snap."),
    .risk = NULL,
  },
  {
    .name = "microceph-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("user-identity-switching"),
    .policy_notes = "",
    .description = N_("Lets the MicroCeph snap run Ceph storage daemons with the disk and kernel "
                      "access they need."),
    .risk = N_("Raw disk access close to root."),
  },
  {
    .name = "microovn", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot only in the service snap (needs approval); connection needs a store "
                    "declaration",
    .description = N_("Lets the app use the virtual networking (OVN) run by the microovn snap."),
    .risk = NULL,
  },
  {
    .name = "microstack-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets MicroStack run OpenStack services: virtual machines, virtual networks"
                      " and storage."),
    .risk = N_("Near-root power over the host."),
  },
  {
    .name = "mir", .category = "desktop",
    .auto_connect = TRUE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; auto-connect allowed but manual connect denied "
                    "without declaration",
    .description = N_("Lets the app show its windows on a Mir display server that another snap "
                      "provides."),
    .risk = NULL,
  },
  {
    .name = "modem-manager", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app manage mobile broadband modems through ModemManager: connect,"
                      " send SMS and more."),
    .risk = NULL,
  },
  {
    .name = "mount-control", .category = "files",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("mount"),
    .policy_notes = "slot side also denies connection",
    .description = N_("Lets the app mount and unmount file systems at the places and with the "
                      "options listed in its mount attribute."),
    .risk = N_("Mounts change what every program on the machine sees."),
  },
  {
    .name = "mount-observe", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app see which file systems are mounted, with their options and "
                      "disk quotas."),
    .risk = NULL,
  },
  {
    .name = "mpris", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "connection denied when the slot sets name",
    .description = N_("Lets the app control media players, or be controlled as one, through MPRIS"
                      " (play, pause, track details)."),
    .risk = NULL,
  },
  {
    .name = "multipass-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets Multipass launch and manage its virtual machines."),
    .risk = N_("Near-root power over the host."),
  },
  {
    .name = "netlink-audit", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app send messages to the kernel's audit system and write audit "
                      "records."),
    .risk = NULL,
  },
  {
    .name = "netlink-connector", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app receive kernel events over the netlink connector, such as "
                      "processes starting and exiting."),
    .risk = NULL,
  },
  {
    .name = "netlink-driver", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("family-name"),
    .policy_notes = "family-name must match the slot; slot normally defined by the gadget (or "
                    "hotplug/core)",
    .description = N_("Lets the app talk to a kernel driver over the netlink family named by "
                      "family-name, as the gadget snap offers it."),
    .risk = NULL,
  },
  {
    .name = "network", .category = "network",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app reach other computers and the internet as a client."),
    .risk = NULL,
  },
  {
    .name = "network-bind", .category = "network",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app listen on network ports and accept incoming connections, "
                      "acting as a server."),
    .risk = NULL,
  },
  {
    .name = "network-control", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app configure network interfaces, routes, Wi-Fi, tunnels and "
                      "network namespaces."),
    .risk = N_("Can reroute, intercept or cut off all network traffic."),
  },
  {
    .name = "network-manager", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app manage network connections through NetworkManager, stored "
                      "Wi-Fi passwords included."),
    .risk = N_("Can read saved network passwords and reroute traffic."),
  },
  {
    .name = "network-manager-observe", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app read NetworkManager's state: devices, connections and signal "
                      "strength."),
    .risk = NULL,
  },
  {
    .name = "network-observe", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app inspect the network: interfaces, routes, open connections and"
                      " traffic statistics, and ping hosts."),
    .risk = NULL,
  },
  {
    .name = "network-setup-control", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app change the system's network configuration in /etc/netplan."),
    .risk = N_("Can change how the machine connects to networks."),
  },
  {
    .name = "network-setup-observe", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the system's netplan network configuration."),
    .risk = NULL,
  },
  {
    .name = "network-status", .category = "network",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app ask the desktop whether the network is available, through the"
                      " network monitor portal."),
    .risk = NULL,
  },
  {
    .name = "nfs-mount", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app mount NFS network file systems."),
    .risk = NULL,
  },
  {
    .name = "nomad-support", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the HashiCorp Nomad agent run the workloads it schedules."),
    .risk = N_("Runs workloads with near-root power."),
  },
  {
    .name = "nvidia-drivers-support", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app set up the NVIDIA driver's device nodes, as a driver snap on "
                      "Ubuntu Core needs."),
    .risk = NULL,
  },
  {
    .name = "nvidia-video-driver-libs", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in the system snap (implicit plug); slots come from driver"
                    " snaps with approval; implicit system plug on classic only",
    .description = N_("Lets a driver snap supply NVIDIA video encoding and decoding libraries to "
                      "the system; snapd holds the plug."),
    .risk = NULL,
  },
  {
    .name = "nvme-control", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app manage NVMe drives: format them, change namespaces and update"
                      " their firmware."),
    .risk = N_("Can erase drives."),
  },
  {
    .name = "ofono", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app use telephony through oFono: calls, SMS and mobile data."),
    .risk = NULL,
  },
  {
    .name = "online-accounts-service", .category = "desktop",
    .auto_connect = TRUE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; auto-connect allowed but manual connect denied "
                    "without declaration",
    .description = N_("Lets the app sign in to web services through the online accounts service "
                      "of Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "opengl", .category = "graphics",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use the graphics card for 3D rendering and GPU computing "
                      "(OpenGL, Vulkan, CUDA)."),
    .risk = NULL,
  },
  {
    .name = "opengl-driver-libs", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in the system snap (implicit plug); slots come from driver"
                    " snaps with approval",
    .description = N_("Lets a driver snap supply OpenGL libraries to the system; snapd holds the "
                      "plug, apps never declare it."),
    .risk = NULL,
  },
  {
    .name = "opengles-driver-libs", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in the system snap (implicit plug); slots come from driver"
                    " snaps with approval",
    .description = N_("Lets a driver snap supply OpenGL ES libraries to the system; snapd holds "
                      "the plug, apps never declare it."),
    .risk = NULL,
  },
  {
    .name = "openvswitch", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app manage the system's Open vSwitch virtual switches."),
    .risk = NULL,
  },
  {
    .name = "openvswitch-support", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app run the Open vSwitch daemons and their kernel datapath "
                      "itself."),
    .risk = NULL,
  },
  {
    .name = "optical-drive", .category = "hardware",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("write"),
    .policy_notes = "write: true needs approval and manual connect",
    .description = N_("Lets the app read CDs, DVDs and Blu-ray discs; with write: true it can "
                      "also burn them."),
    .risk = NULL,
  },
  {
    .name = "packagekit-control", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app install, remove and update the host's packages through "
                      "PackageKit."),
    .risk = N_("Installing packages is as powerful as root."),
  },
  {
    .name = "password-manager-service", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app store and read passwords in the desktop's secret store (GNOME"
                      " Keyring, KWallet)."),
    .risk = N_("Can read every secret stored there, not only its own."),
  },
  {
    .name = "pcscd", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use smart cards and card readers through the PC/SC daemon."),
    .risk = NULL,
  },
  {
    .name = "personal-files", .category = "files",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("read", "write"),
    .policy_notes = "",
    .description = N_("Lets the app read or write the specific hidden files and folders in the "
                      "home folder listed in its read and write attributes."),
    .risk = N_("Such dot-files often hold other programs' settings and credentials."),
  },
  {
    .name = "physical-memory-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read and write the machine's physical memory through "
                      "/dev/mem."),
    .risk = N_("Full control over memory, the kernel's included."),
  },
  {
    .name = "physical-memory-observe", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the machine's physical memory through /dev/mem."),
    .risk = N_("Can read secrets of any process and of the kernel."),
  },
  {
    .name = "pipewire", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app connect to the PipeWire media server directly, for audio and "
                      "video streams."),
    .risk = NULL,
  },
  {
    .name = "pkcs11", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use keys held in a PKCS#11 token or hardware security module "
                      "that another snap offers."),
    .risk = NULL,
  },
  {
    .name = "podman", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "connections need a store declaration",
    .description = N_("Lets the app run and manage containers through the Podman API."),
    .risk = N_("Access to the container engine is as powerful as root on the host."),
  },
  {
    .name = "polkit", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("action-prefix", "install-rules"),
    .policy_notes = "system slot on Ubuntu Core only when polkitd is present and the polkit dirs "
                    "are writable",
    .description = N_("Lets the app ask polkit whether a user may perform an action, and install "
                      "its own policy (action-prefix, install-rules)."),
    .risk = NULL,
  },
  {
    .name = "polkit-agent", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "system slot only on Ubuntu Core and only when polkit-agent-helper-1 exists",
    .description = N_("Lets the app act as the polkit agent that asks users for their password to"
                      " approve administrative actions."),
    .risk = N_("Sees the passwords users type to authorise actions."),
  },
  {
    .name = "posix-mq", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_ATTRS ("posix-mq"),
    .policy_notes = "connects when the slot posix-mq label matches; auto-connect only same "
                    "publisher; slot side needs approval",
    .description = N_("Lets snaps exchange messages through the POSIX message queues named by the"
                      " posix-mq attribute."),
    .risk = NULL,
  },
  {
    .name = "power-control", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app change the power management settings of devices in /sys."),
    .risk = NULL,
  },
  {
    .name = "ppp", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app set up dial-up and modem data links with PPP."),
    .risk = NULL,
  },
  {
    .name = "process-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app change the priority and CPU placement of any process and send"
                      " signals to any process."),
    .risk = N_("Can stop or slow down other programs, other users' included."),
  },
  {
    .name = "ptp", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use PTP hardware clocks to keep time precisely in step with "
                      "the network."),
    .risk = NULL,
  },
  {
    .name = "pulseaudio", .category = "audio-video",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app play and record sound through PulseAudio; an older interface,"
                      " audio-playback and audio-record replace it."),
    .risk = NULL,
  },
  {
    .name = "pwm", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app drive a PWM output (motors, LEDs, fans) that the gadget snap "
                      "offers."),
    .risk = NULL,
  },
  {
    .name = "qualcomm-ipc-router", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("qcipc"),
    .policy_notes = "without qcipc: manual connect to system slot only; with qcipc: must match an"
                    " app slot",
    .description = N_("Lets the app exchange messages with the modem and DSPs of Qualcomm chips "
                      "over the IPC router (QRTR)."),
    .risk = NULL,
  },
  {
    .name = "raw-input", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read keyboards, mice and touch screens directly from the "
                      "input devices."),
    .risk = N_("Can capture every keystroke, passwords included."),
  },
  {
    .name = "raw-usb", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app talk to any USB device directly, bypassing kernel drivers."),
    .risk = N_("Can read from or reprogram any attached USB device."),
  },
  {
    .name = "raw-volume", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from gadget or core; connection needs a store declaration; slot "
                    "normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app read and write one disk partition that the gadget snap names."),
    .risk = N_("Can read or destroy everything on that partition."),
  },
  {
    .name = "remoteproc", .category = "hardware",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app load firmware into, start and stop auxiliary processors "
                      "through the kernel's remoteproc framework."),
    .risk = NULL,
  },
  {
    .name = "removable-media", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read and write files on USB sticks, external drives and other"
                      " media mounted under /media, /run/media and /mnt."),
    .risk = NULL,
  },
  {
    .name = "ros-opt-data", .category = "files",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets ROS apps read the ROS installation under /opt/ros on the host."),
    .risk = NULL,
  },
  {
    .name = "ros-snapd-support", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets ROS management snaps list and start or stop the apps of installed "
                      "snaps through snapd."),
    .risk = N_("Can control services of other snaps."),
  },
  {
    .name = "screen-inhibit-control", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "connects without declaration only to the system slot",
    .description = N_("Lets the app keep the screen on and hold off the screensaver, for example "
                      "while playing a video."),
    .risk = NULL,
  },
  {
    .name = "screencast-legacy", .category = "desktop",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app take screenshots and record the screen through GNOME Shell's "
                      "older screencast service."),
    .risk = N_("Captures everything on screen without a portal prompt."),
  },
  {
    .name = "scsi-generic", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app send raw SCSI commands to disks, tape drives and other SCSI "
                      "devices."),
    .risk = N_("Raw commands can read or wipe any attached disk."),
  },
  {
    .name = "sd-control", .category = "storage",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("flavor"),
    .policy_notes = "",
    .description = N_("Lets the app control SD card slots on certain boards, for example "
                      "power-cycling cards; flavor picks the board."),
    .risk = NULL,
  },
  {
    .name = "serial-port", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app use a serial port, on-board or a USB adapter, offered by the "
                      "gadget snap or hotplug."),
    .risk = NULL,
  },
  {
    .name = "shared-memory", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("shared-memory", "private"),
    .policy_notes = "private: true connects and auto-connects to the system slot; otherwise needs"
                    " a matching same-publisher slot",
    .description = N_("Lets snaps share memory areas in /dev/shm named by the shared-memory "
                      "attribute; private: true gives the app its own /dev/shm."),
    .risk = NULL,
  },
  {
    .name = "shutdown", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app power off, restart or suspend the machine."),
    .risk = NULL,
  },
  {
    .name = "snap-fde-control", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app manage the machine's full disk encryption through snapd, such"
                      " as recovery keys."),
    .risk = N_("Can read or replace the keys that unlock the disk."),
  },
  {
    .name = "snap-interfaces-requests-control", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("handler-service"),
    .policy_notes = "",
    .description = N_("Lets the app answer snapd's permission prompts for other snaps; "
                      "handler-service names its prompt service."),
    .risk = N_("Decides what other snaps may access."),
  },
  {
    .name = "snap-refresh-control", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the snap decide with snapctl when its own pending updates are "
                      "applied."),
    .risk = NULL,
  },
  {
    .name = "snap-refresh-observe", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app follow snap updates in progress, for example to show a "
                      "notification."),
    .risk = NULL,
  },
  {
    .name = "snap-themes-control", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app ask snapd to install snaps providing the desktop themes the "
                      "user has chosen."),
    .risk = NULL,
  },
  {
    .name = "snapd-control", .category = "snap-tooling",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("refresh-schedule"),
    .policy_notes = "",
    .description = N_("Lets the app manage snapd: install and remove snaps, connect interfaces "
                      "and change system settings."),
    .risk = N_("As powerful as root: it can install any software with any permissions."),
  },
  {
    .name = "spi", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app talk to chips on an SPI bus that the gadget snap offers."),
    .risk = NULL,
  },
  {
    .name = "ssh-keys", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the user's SSH keys, private keys included, and the SSH "
                      "client configuration."),
    .risk = N_("Can use the user's private keys to log in to other machines."),
  },
  {
    .name = "ssh-public-keys", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read only the public SSH keys of the user and of the host."),
    .risk = NULL,
  },
  {
    .name = "steam-support", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "system slot on Ubuntu Core only for Core Desktop",
    .description = N_("Lets the Steam snap set up the containers it runs games in."),
    .risk = N_("Needs namespace and mount powers that weaken confinement."),
  },
  {
    .name = "storage-framework-service", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app reach cloud storage accounts through the storage framework of"
                      " Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "system-backup", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read every file on the host, read-only, in order to back it "
                      "up."),
    .risk = N_("Can read all files of all users, secrets included."),
  },
  {
    .name = "system-files", .category = "files",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("read", "write"),
    .policy_notes = "",
    .description = N_("Lets the app read or write the specific files and folders outside the home"
                      " folder listed in its read and write attributes."),
    .risk = N_("Access is as wide as the listed paths."),
  },
  {
    .name = "system-observe", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app see processes, resource use, services and kernel information,"
                      " as a system monitor does."),
    .risk = N_("Reveals what other programs and users are running."),
  },
  {
    .name = "system-packages-doc", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read the documentation that host packages install in "
                      "/usr/share/doc."),
    .risk = NULL,
  },
  {
    .name = "system-source-code", .category = "files",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read source code that the host installs in /usr/src, such as "
                      "kernel headers."),
    .risk = NULL,
  },
  {
    .name = "system-trace", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app trace the kernel and running programs with tools such as "
                      "perf, BPF and ftrace."),
    .risk = N_("Can observe everything that happens on the machine."),
  },
  {
    .name = "tee", .category = "security",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app talk to a trusted execution environment (TEE) such as OP-TEE."),
    .risk = NULL,
  },
  {
    .name = "thumbnailer-service", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app get image and video previews from the thumbnailer service of "
                      "Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "time-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app set the system clock and the hardware real-time clock."),
    .risk = NULL,
  },
  {
    .name = "timeserver-control", .category = "network",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app configure network time synchronisation (NTP)."),
    .risk = NULL,
  },
  {
    .name = "timezone-control", .category = "system",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app change the system time zone."),
    .risk = NULL,
  },
  {
    .name = "tpm", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use the TPM security chip directly."),
    .risk = N_("Can use or clear keys held in the TPM."),
  },
  {
    .name = "u2f-devices", .category = "security",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app use FIDO/U2F security keys for two-factor sign-in."),
    .risk = NULL,
  },
  {
    .name = "ubuntu-download-manager", .category = "desktop",
    .auto_connect = TRUE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; auto-connect allowed but manual connect denied "
                    "without declaration",
    .description = N_("Lets the app download files in the background through the download manager"
                      " of Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "ubuntu-pro-control", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app manage the Ubuntu Pro subscription and its services, such as "
                      "ESM and Livepatch."),
    .risk = N_("Can attach the machine to a subscription and enable system services."),
  },
  {
    .name = "udisks2", .category = "storage",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration",
    .description = N_("Lets the app mount, unmount and format drives through the UDisks2 service."),
    .risk = N_("Can format disks."),
  },
  {
    .name = "uhid", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app create virtual HID devices such as keyboards and game pads "
                      "through /dev/uhid."),
    .risk = N_("A virtual keyboard can type into other apps."),
  },
  {
    .name = "uinput", .category = "hardware",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app create virtual input devices, such as on-screen keyboards or "
                      "remote controls, through /dev/uinput."),
    .risk = N_("Can inject keystrokes and clicks into any app."),
  },
  {
    .name = "uio", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot normally defined by the gadget (or hotplug/core)",
    .description = N_("Lets the app drive a user-space I/O (UIO) device that the gadget snap "
                      "offers."),
    .risk = NULL,
  },
  {
    .name = "unity7", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets an X11 app fit into the Unity 7 desktop: global menu, launcher, "
                      "indicators and notifications."),
    .risk = N_("Like any X11 app it can see other windows and keystrokes."),
  },
  {
    .name = "unity8", .category = "desktop",
    .auto_connect = TRUE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug installation denied by default",
    .description = N_("Lets the app run as an application in the Unity 8 shell of Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "unity8-calendar", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app use the calendar service of Unity 8 on Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "unity8-contacts", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "slot from an app snap; base declaration denies connection, so a store "
                    "declaration (normally the slot snap's) must allow it",
    .description = N_("Lets the app use the contacts service of Unity 8 on Ubuntu Touch."),
    .risk = NULL,
  },
  {
    .name = "upower-observe", .category = "system",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "system slot on Ubuntu Core only when upowerd exists; connects without "
                    "declaration only to the system slot",
    .description = N_("Lets the app read battery and power supply status from UPower."),
    .risk = NULL,
  },
  {
    .name = "usb-gadget", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = FALSE, .core_slot = TRUE,
    .attributes = SC_ATTRS ("ffs-mounts"),
    .policy_notes = "installation denied if plug has top-level name, where or persistent "
                    "attributes",
    .description = N_("Lets the app make the device appear to a host computer as a USB gadget "
                      "(network, serial, storage), with FunctionFS mounts from ffs-mounts."),
    .risk = NULL,
  },
  {
    .name = "userns", .category = "system",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app create user namespaces, for example for its own sandbox or "
                      "rootless containers."),
    .risk = N_("Opens more of the kernel to attack from the app."),
  },
  {
    .name = "vcio", .category = "hardware",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app query and control the Raspberry Pi VideoCore firmware through"
                      " its mailbox device."),
    .risk = NULL,
  },
  {
    .name = "vsock-guest", .category = "virtualization",
    .auto_connect = FALSE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets an app inside a virtual machine talk to its host over VM sockets "
                      "(vsock)."),
    .risk = NULL,
  },
  {
    .name = "vulkan-driver-libs", .category = "graphics",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = FALSE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "plug only allowed in the system snap (implicit plug); slots come from driver"
                    " snaps with approval",
    .description = N_("Lets a driver snap supply Vulkan libraries to the system; snapd holds the "
                      "plug, apps never declare it."),
    .risk = NULL,
  },
  {
    .name = "wayland", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration; no auto-connect on "
                    "Ubuntu Core",
    .description = N_("Lets the app show windows in a Wayland desktop session."),
    .risk = NULL,
  },
  {
    .name = "x11", .category = "desktop",
    .auto_connect = TRUE, .store_approval = FALSE,
    .classic_slot = TRUE, .core_slot = FALSE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "on Ubuntu Core a connection needs a store declaration; no auto-connect on "
                    "Ubuntu Core",
    .description = N_("Lets the app show windows through the X11 display server, including "
                      "XWayland."),
    .risk = N_("X11 apps can read other windows' contents and keystrokes."),
  },
  {
    .name = "xdg-portal-permission-store", .category = "desktop",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app read and change the permissions users have granted to apps "
                      "through desktop portals."),
    .risk = N_("Can grant other apps access the user never approved."),
  },
  {
    .name = "xilinx-dma", .category = "hardware",
    .auto_connect = FALSE, .store_approval = TRUE,
    .classic_slot = TRUE, .core_slot = TRUE,
    .attributes = SC_NO_ATTRS,
    .policy_notes = "",
    .description = N_("Lets the app move data quickly to and from Xilinx FPGA cards with their "
                      "DMA engines."),
    .risk = NULL,
  },
};
